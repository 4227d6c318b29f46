/**
 * Throws generated malformed requests at every dialect and checks that each answer is a
 * well-formed error in that dialect's own envelope, and that the server stays healthy.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_APP, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer({ config: { defaultQps: 1_000_000, maxBodyBytes: 256 * 1024 } });
});
after(() => server.close());

/** Deterministic PRNG (mulberry32) so a failing case can be reproduced by its index. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Family = 'tencent' | 'aliyun' | 'legacy' | 'market';
interface Probe {
  family: Family;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

const now = () => Math.floor(Date.now() / 1000);
const VALUES: unknown[] = [
  '',
  ' ',
  '张三',
  'x'.repeat(5000),
  0,
  -1,
  1e308,
  true,
  null,
  [],
  {},
  ['a'],
  { a: { b: 1 } },
  '\u0000',
  '\ud800',
  '110105199003070017',
];

const bodies = (r: () => number): (Buffer | string)[] => [
  Buffer.from(Array.from({ length: 64 }, () => Math.floor(r() * 256))),
  '{"IdCard":',
  '[]',
  'null',
  JSON.stringify({
    IdCard: VALUES[Math.floor(r() * VALUES.length)],
    Name: VALUES[Math.floor(r() * VALUES.length)],
    Extra: 1,
  }),
  Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28]),
  'a=1&b=%zz&c',
  `{"deep":${'['.repeat(2000)}${']'.repeat(2000)}}`,
  'x'.repeat(300 * 1024),
  '',
];

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  'multipart/form-data',
  '',
];
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const tencentProbe = (r: () => number): Probe => ({
  family: 'tencent',
  method: pick(r, ['POST', 'GET', 'PUT']),
  path: '/',
  headers: {
    'content-type': pick(r, CONTENT_TYPES),
    'x-tc-action': pick(r, [
      'IdCardVerification',
      'NoSuchAction',
      '',
      'BankCard4EVerification',
      'GetFaceIdToken',
    ]),
    'x-tc-version': pick(r, ['2018-03-01', '2017-01-01', '']),
    'x-tc-timestamp': pick(r, [String(now()), String(now() - 3600), 'abc', '']),
    authorization: pick(r, [
      '',
      'garbage',
      `TC3-HMAC-SHA256 Credential=${DEMO_APP.secretId}/2023-11-14/faceid/tc3_request, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`,
      'TC3-HMAC-SHA256 Credential=AKIDnope/2023-11-14/faceid/tc3_request, SignedHeaders=host, Signature=zz',
    ]),
  },
  body: pick(r, bodies(r)),
});

const aliyunProbe = (r: () => number): Probe => {
  const acs3 = r() < 0.5;
  const query = new URLSearchParams({
    Action: pick(r, ['Id2MetaVerify', 'Nope', 'BankMetaVerify', '']),
    Version: pick(r, ['2019-03-07', '2020-01-01']),
    AccessKeyId: pick(r, [DEMO_APP.accessKeyId, 'unknown', '']),
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: String(r()),
    Timestamp: pick(r, [
      new Date().toISOString().replace(/\.\d+Z/, 'Z'),
      '2001-01-01T00:00:00Z',
      'bad',
    ]),
    Signature: pick(r, ['', 'abc=', '%%%']),
    Format: pick(r, ['JSON', 'XML', 'yaml']),
  });
  return acs3
    ? {
        family: 'aliyun',
        method: 'POST',
        path: '/',
        headers: {
          'x-acs-action': pick(r, ['Id2MetaVerify', 'Nope']),
          'x-acs-version': '2019-03-07',
          'x-acs-date': pick(r, [new Date().toISOString(), 'never']),
          'x-acs-signature-nonce': String(r()),
          'x-acs-content-sha256': 'abc',
          'content-type': pick(r, CONTENT_TYPES),
          authorization: pick(r, [
            'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00',
            'ACS3-HMAC-SHA256 broken',
            'ACS9 x',
          ]),
        },
        body: pick(r, bodies(r)),
      }
    : {
        family: 'aliyun',
        method: pick(r, ['GET', 'POST']),
        path: `/?${query}`,
        headers: { 'content-type': pick(r, CONTENT_TYPES) },
        body: pick(r, bodies(r)),
      };
};

const legacyProbe = (r: () => number): Probe => ({
  family: 'legacy',
  method: pick(r, ['POST', 'POST', 'GET']),
  path: pick(r, ['/auth/idcard', '/auth/idbankcard']),
  headers: {
    'content-type': pick(r, CONTENT_TYPES),
    authorization: pick(r, [
      '',
      'not base64!',
      Buffer.alloc(30).toString('base64'),
      Buffer.from(`${'x'.repeat(20)}a=1&k=2&e=3&t=4`).toString('base64'),
    ]),
  },
  body: pick(r, [
    ...bodies(r),
    JSON.stringify({
      appid: pick(r, VALUES),
      idcard_number: pick(r, VALUES),
      idcard_name: pick(r, VALUES),
    }),
  ]),
});

const marketProbe = (r: () => number): Probe => ({
  family: 'market',
  method: pick(r, ['POST', 'POST', 'GET', 'PUT']),
  path: pick(r, ['/release/face_id_card/post', '/release/nope']),
  headers: {
    'content-type': pick(r, CONTENT_TYPES),
    'x-date': pick(r, [new Date().toUTCString(), 'Mon, 01 Jan 2001 00:00:00 GMT', 'yesterday', '']),
    'x-source': pick(r, ['market', '']),
    authorization: pick(r, [
      '',
      'hmac',
      `hmac id="${DEMO_APP.secretId}", algorithm="hmac-sha1", headers="x-date x-source", signature="AAAA"`,
      'hmac id="nobody", algorithm="md5", headers="x-date", signature="x"',
      'hmac id="x", algorithm="hmac-sha1", headers="x-date x-source"',
    ]),
  },
  body: pick(r, [
    ...bodies(r),
    `idcard=${pick(r, VALUES)}&name=${pick(r, VALUES)}&image=${pick(r, ['', 'zz', '%%'])}`,
  ]),
});

const send = async (probe: Probe) => {
  const res = await fetch(`${server.url}${probe.path}`, {
    method: probe.method,
    headers: Object.fromEntries(Object.entries(probe.headers).filter(([, v]) => v !== '')),
    body: probe.method === 'GET' ? undefined : (probe.body as BodyInit | undefined),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
};

const wellFormed: Record<Family, (a: { status: number; type: string; text: string }) => boolean> = {
  tencent: (a) => {
    const r = JSON.parse(a.text).Response;
    return a.status === 200 && typeof r.RequestId === 'string' && typeof r.Error?.Code === 'string';
  },
  aliyun: (a) => {
    if (a.type.startsWith('text/xml')) return a.status >= 400 && /<Code>[^<]+<\/Code>/.test(a.text);
    const body = JSON.parse(a.text);
    return (
      typeof body.RequestId === 'string' &&
      typeof body.Code === 'string' &&
      (a.status >= 400 || body.Code !== '200')
    );
  },
  legacy: (a) => {
    const body = JSON.parse(a.text);
    return (
      a.status === 200 &&
      Number.isInteger(body.code) &&
      body.code !== 0 &&
      typeof body.message === 'string'
    );
  },
  /** The API gateway answers 401/403/429 `{message}`; the vendor answers 200 `{code,msg,success,data}`. */
  market: (a) => {
    const body = JSON.parse(a.text);
    if (a.status !== 200)
      return [401, 403, 429].includes(a.status) && typeof body.message === 'string';
    // A comparison that could not run still answers code 200 with its `incorrect` code (seed 002).
    if (body.code === 200)
      return Number.isInteger(body.data?.incorrect) && body.data.incorrect !== 100;
    return Number.isInteger(body.code) && body.success === false && typeof body.msg === 'string';
  },
};

test('case=1,200 malformed requests (300 per dialect) all get a well-formed dialect error', async () => {
  const random = prng(20261124);
  const makers = [tencentProbe, aliyunProbe, legacyProbe, marketProbe];
  const failures: string[] = [];
  for (let i = 0; i < 1200; i += 8) {
    const probes = Array.from({ length: 8 }, (_, j) => makers[(i + j) % makers.length]!(random));
    const answers = await Promise.all(probes.map(send));
    answers.forEach((answer, j) => {
      const probe = probes[j]!;
      let ok = false;
      try {
        ok = wellFormed[probe.family](answer) && !/\n\s+at /.test(answer.text);
      } catch {}
      if (!ok)
        failures.push(
          `#${i + j} ${probe.family} ${probe.method} ${probe.path.slice(0, 40)} → ${answer.status} ${answer.text.slice(0, 160)}`,
        );
    });
  }
  assert.deepEqual(failures.slice(0, 20), []);
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  assert.equal((await server.app.store.records.count()) > 1000, true);
});
