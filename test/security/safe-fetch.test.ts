import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createSafeFetcher, sniffImage, validateCidrs } from '../../src/security/safe-fetch.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64),
]);
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/image.png') return res.end(PNG);
    if (req.url === '/text') return res.end('hello, not an image');
    if (req.url === '/big') return res.end(Buffer.concat([PNG, Buffer.alloc(4096)]));
    if (req.url === '/hang') return; // never answers
    if (req.url === '/missing') return res.writeHead(404).end();
    if (req.url?.startsWith('/redirect-to')) {
      return res
        .writeHead(302, { location: decodeURIComponent(req.url.slice('/redirect-to?'.length)) })
        .end();
    }
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const allowed = () =>
  createSafeFetcher({ allow: ['127.0.0.1/32'], maxBytes: 1024, timeoutMs: 500 });

test('safe fetch', async (t) => {
  await t.test('case=loopback refused by default', async () => {
    assert.deepEqual(await createSafeFetcher().fetchImage(`${base}/image.png`), {
      ok: false,
      problem: 'forbidden_address',
    });
  });
  await t.test('case=a name resolving to loopback is refused after resolution', async () => {
    const port = new URL(base).port;
    assert.deepEqual(await createSafeFetcher().fetchImage(`http://localhost:${port}/image.png`), {
      ok: false,
      problem: 'forbidden_address',
    });
  });
  await t.test('case=other special addresses refused', async () => {
    for (const url of [
      'http://10.1.2.3/a',
      'http://169.254.169.254/latest',
      'http://[::1]/a',
      'http://[::ffff:127.0.0.1]/a',
      'http://0.0.0.0/a',
      'http://192.168.1.1/a',
    ]) {
      assert.deepEqual(
        await createSafeFetcher().fetchImage(url),
        { ok: false, problem: 'forbidden_address' },
        url,
      );
    }
  });
  await t.test('case=allowed CIDR fetches and sniffs the type', async () => {
    const got = await allowed().fetchImage(`${base}/image.png`);
    assert.equal(got.ok && got.type, 'png');
  });
  await t.test('case=only http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/a', 'gopher://x', 'not a url']) {
      assert.equal((await allowed().fetchImage(url)).ok, false, url);
    }
  });
  await t.test('case=redirects are checked again', async () => {
    const toForbidden = `${base}/redirect-to?${encodeURIComponent('http://10.0.0.1/a.png')}`;
    assert.deepEqual(await allowed().fetchImage(toForbidden), {
      ok: false,
      problem: 'forbidden_address',
    });
    const toAllowed = `${base}/redirect-to?${encodeURIComponent('/image.png')}`;
    assert.equal((await allowed().fetchImage(toAllowed)).ok, true);
    assert.deepEqual(await allowed().fetchImage(`${base}/loop`), {
      ok: false,
      problem: 'too_many_redirects',
    });
  });
  await t.test('case=limits and content', async () => {
    assert.deepEqual(await allowed().fetchImage(`${base}/big`), {
      ok: false,
      problem: 'too_large',
    });
    assert.deepEqual(await allowed().fetchImage(`${base}/hang`), { ok: false, problem: 'timeout' });
    assert.deepEqual(await allowed().fetchImage(`${base}/text`), {
      ok: false,
      problem: 'not_an_image',
    });
    assert.deepEqual(await allowed().fetchImage(`${base}/missing`), {
      ok: false,
      problem: 'http_status',
    });
  });
});

test('case=sniffing and CIDR validation', () => {
  assert.equal(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
  assert.equal(sniffImage(Buffer.from('GIF89a')), 'gif');
  assert.equal(sniffImage(Buffer.from('hello')), undefined);
  assert.deepEqual(validateCidrs(['127.0.0.1/32', '10.0.0.0/8', '::1/128', 'nope', '1.2.3.4/33']), [
    'nope',
    '1.2.3.4/33',
  ]);
});
