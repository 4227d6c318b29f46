/** The baseline: a bare hello-world route on the same node:http server settings as shiming. */
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = Buffer.from('{"hello":"world"}');
createServer(
  { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
  (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  },
).listen(port, '127.0.0.1', () => console.log('listening'));
