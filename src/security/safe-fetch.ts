/**
 * The project's one outbound HTTP client, for images named by URL. It refuses what would let a
 * caller reach the operator's own network (SSRF): only http/https; private, loopback,
 * link-local and other special addresses unless the operator allows them (`--fetch-allow
 * CIDR`); the addresses DNS returns are checked after resolution and the connection goes to the
 * checked address; every redirect is checked again; size and time are bounded; the content type
 * is sniffed from the bytes, never trusted from the header.
 *
 * @example
 *   const fetcher = createSafeFetcher({ allow: ['127.0.0.1/32'] });
 *   const got = await fetcher.fetchImage('http://127.0.0.1:9000/a.jpg');
 *   if (got.ok) decode(got.bytes);
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

export type FetchProblem =
  | 'bad_url'
  | 'forbidden_address'
  | 'dns_failed'
  | 'timeout'
  | 'too_large'
  | 'http_status'
  | 'too_many_redirects'
  | 'network'
  | 'not_an_image';

export type ImageType = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'bmp';

export type FetchResult =
  | { ok: true; bytes: Buffer; type: ImageType }
  | { ok: false; problem: FetchProblem };

export interface SafeFetcher {
  fetchImage(url: string): Promise<FetchResult>;
}

export interface SafeFetchOptions {
  /** CIDRs the operator allows even though they are private/loopback, e.g. `127.0.0.1/32`. */
  allow?: readonly string[];
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

const SPECIAL_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
const SPECIAL_V6 = [
  '::/128',
  '::1/128',
  '64:ff9b::/96',
  '100::/64',
  '2001:db8::/32',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
];

const blockListOf = (cidrs: readonly string[], family?: 'ipv4' | 'ipv6'): BlockList => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, bits] = cidr.split('/');
    const type = family ?? (isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4');
    list.addSubnet(address!, Number(bits ?? (type === 'ipv6' ? 128 : 32)), type);
  }
  return list;
};

/** Checks a CIDR list once at start-up, so a typo fails the boot, not a request. */
export const validateCidrs = (cidrs: readonly string[]): string[] =>
  cidrs.filter((cidr) => {
    const [address, bits] = cidr.split('/');
    const family = isIP(address ?? '');
    const max = family === 6 ? 128 : 32;
    return family === 0 || (bits !== undefined && !(Number(bits) >= 0 && Number(bits) <= max));
  });

/** `::ffff:a.b.c.d` and its hex spelling `::ffff:7f00:1` are IPv4 addresses in disguise. */
const unmapIpv4 = (address: string): string => {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (dotted) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return address;
  const [high, low] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
};

const addressPolicy = (allow: readonly string[]) => {
  const special = { ipv4: blockListOf(SPECIAL_V4, 'ipv4'), ipv6: blockListOf(SPECIAL_V6, 'ipv6') };
  const allowed = blockListOf(allow);
  return (address: string): boolean => {
    const ip = unmapIpv4(address);
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    return allowed.check(ip, type) || !special[type].check(ip, type);
  };
};

const SIGNATURES: [ImageType, (b: Buffer) => boolean][] = [
  ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [
    'png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  ['gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'webp',
    (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  ['tiff', (b) => ['II*\u0000', 'MM\u0000*'].includes(b.subarray(0, 4).toString('latin1'))],
  ['bmp', (b) => b.subarray(0, 2).toString('latin1') === 'BM'],
];

/** The image type from the first bytes, or undefined. */
export const sniffImage = (bytes: Buffer): ImageType | undefined =>
  SIGNATURES.find(([, matches]) => matches(bytes))?.[0];

class FetchFailure extends Error {
  constructor(readonly problem: FetchProblem) {
    super(problem);
  }
}

type Response = { status: number; location?: string; body: Buffer };

export const createSafeFetcher = (options: SafeFetchOptions = {}): SafeFetcher => {
  const permitted = addressPolicy(options.allow ?? []);
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 5000;

  /** DNS answers are checked here, and the socket connects to exactly the checked address. */
  const checkedLookup = (
    host: string,
    opts: object,
    callback: (e: Error | null, a: string | LookupAddress[], f?: number) => void,
  ) => {
    dnsLookup(host, { ...opts, all: true }, (error, addresses) => {
      if (error) return callback(new FetchFailure('dns_failed'), '');
      const list = addresses as LookupAddress[];
      if (list.length === 0 || !list.every((a) => permitted(a.address)))
        return callback(new FetchFailure('forbidden_address'), '');
      const all = (opts as { all?: boolean }).all;
      return all ? callback(null, list) : callback(null, list[0]!.address, list[0]!.family);
    });
  };

  const readLimited = (res: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      if (Number(res.headers['content-length'] ?? 0) > maxBytes)
        return reject(new FetchFailure('too_large'));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new FetchFailure('too_large'));
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });

  const once = (url: URL, deadline: number): Promise<Response> =>
    new Promise((resolve, reject) => {
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(literal) && !permitted(literal))
        return reject(new FetchFailure('forbidden_address'));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
      const failed = (error: unknown) =>
        reject(
          signal.aborted
            ? new FetchFailure('timeout')
            : error instanceof FetchFailure
              ? error
              : new FetchFailure('network'),
        );
      const req = send(url, { method: 'GET', lookup: checkedLookup as never, signal }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ status, location: res.headers.location, body: Buffer.alloc(0) });
        }
        readLimited(res).then((body) => resolve({ status, body }), failed);
      });
      req.on('error', failed);
      req.end();
    });

  const follow = async (start: URL): Promise<Buffer> => {
    const deadline = Date.now() + timeoutMs;
    let url = start;
    for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure('bad_url');
      const res = await once(url, deadline);
      if (!res.location) {
        if (res.status !== 200) throw new FetchFailure('http_status');
        return res.body;
      }
      url = new URL(res.location, url);
    }
    throw new FetchFailure('too_many_redirects');
  };

  return {
    async fetchImage(raw) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return { ok: false, problem: 'bad_url' };
      }
      try {
        const bytes = await follow(url);
        const type = sniffImage(bytes);
        return type ? { ok: true, bytes, type } : { ok: false, problem: 'not_an_image' };
      } catch (error) {
        return { ok: false, problem: error instanceof FetchFailure ? error.problem : 'network' };
      }
    },
  };
};
