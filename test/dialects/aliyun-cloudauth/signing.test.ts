/**
 * Every signature vector of spec aliyun.md §8 and every captured request of §7, verified by the
 * dialect's own code: the §8 vectors through the signing functions, the §7 captures through the
 * same decoding that `parse` uses (and, for the served Id2MetaVerify captures, through the whole
 * parse → authenticate path with the capture's clock).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRefusal } from '../../../src/http/dialect.ts';
import { authenticate } from '../../../src/dialects/aliyun-cloudauth/auth.ts';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { type Pair, pct, readParams } from '../../../src/dialects/aliyun-cloudauth/params.ts';
import {
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  canonicalQuery,
  parseAcs3Authorization,
  rpcSignature,
  rpcStringToSign,
} from '../../../src/dialects/aliyun-cloudauth/signing.ts';
import { sha256Hex } from '../../../src/security/signatures.ts';
import { CAPTURED_AT, CAPTURES, type Capture } from './captures.ts';
import { memoryDeps, wire } from './fixtures.ts';

const V1_PARAMS: Pair[] = [
  ['AccessKeyId', 'testid'],
  ['Action', 'Id2MetaVerify'],
  ['Format', 'JSON'],
  ['IdentifyNum', '330100199001011234'],
  ['ParamType', 'normal'],
  ['RegionId', 'cn-hangzhou'],
  ['SignatureMethod', 'HMAC-SHA1'],
  ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
  ['SignatureVersion', '1.0'],
  ['Timestamp', '2024-01-01T12:00:00Z'],
  ['UserName', '张三'],
  ['Version', '2019-03-07'],
];

describe('§8 vectors', () => {
  test('case=pct encodes like the SDKs', () => {
    assert.equal(pct("a b*c~d!(x)'"), 'a%20b%2Ac~d%21%28x%29%27');
    assert.equal(pct('张三'), '%E5%BC%A0%E4%B8%89');
  });

  test('case=V1 RPC v1 canonical query and string to sign', () => {
    const shuffled = [...V1_PARAMS].reverse();
    assert.equal(
      canonicalQuery(shuffled),
      'AccessKeyId=testid&Action=Id2MetaVerify&Format=JSON&IdentifyNum=330100199001011234&ParamType=normal&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2024-01-01T12%3A00%3A00Z&UserName=%E5%BC%A0%E4%B8%89&Version=2019-03-07',
    );
    assert.equal(
      rpcStringToSign('GET', shuffled),
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DId2MetaVerify%26Format%3DJSON%26IdentifyNum%3D330100199001011234%26ParamType%3Dnormal%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T12%253A00%253A00Z%26UserName%3D%25E5%25BC%25A0%25E4%25B8%2589%26Version%3D2019-03-07',
    );
  });

  test('case=V1 RPC v1 signature GET and POST', () => {
    assert.equal(
      rpcSignature('testsecret', rpcStringToSign('GET', V1_PARAMS)),
      'Na+UDdw3/Fa2pBu9/nUF3nKeNrA=',
    );
    assert.equal(
      rpcSignature('testsecret', rpcStringToSign('POST', V1_PARAMS)),
      '7aF6BFq8MEwllddGIc468KmoKJ8=',
    );
  });

  const headers = {
    host: 'cloudauth.aliyuncs.com',
    'x-acs-action': 'Id2MetaVerify',
    'x-acs-version': '2019-03-07',
    'x-acs-date': '2024-01-01T12:00:00Z',
    'x-acs-signature-nonce': 'd410180a5abf7fe235dd9b74aca91fc0',
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };

  test('case=V2 ACS3 with a form body', () => {
    const body = 'IdentifyNum=330100199001011234&ParamType=normal&UserName=%E5%BC%A0%E4%B8%89';
    const payloadHash = sha256Hex(Buffer.from(body));
    assert.equal(payloadHash, '221514e9312f07c82b7aec456694eca2999127bd9229ec08d92d7528cc304e79');
    const signedHeaders =
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version'.split(
        ';',
      );
    const canonical = acs3CanonicalRequest({
      method: 'POST',
      path: '/',
      query: [],
      headers: { ...headers, 'x-acs-content-sha256': payloadHash },
      signedHeaders,
      payloadHash,
    });
    assert.equal(
      canonical,
      [
        'POST',
        '/',
        '',
        'content-type:application/x-www-form-urlencoded',
        'host:cloudauth.aliyuncs.com',
        'x-acs-action:Id2MetaVerify',
        `x-acs-content-sha256:${payloadHash}`,
        'x-acs-date:2024-01-01T12:00:00Z',
        'x-acs-signature-nonce:d410180a5abf7fe235dd9b74aca91fc0',
        'x-acs-version:2019-03-07',
        '',
        signedHeaders.join(';'),
        payloadHash,
      ].join('\n'),
    );
    const sts = acs3StringToSign(canonical);
    assert.equal(
      sts,
      'ACS3-HMAC-SHA256\nafbfc47d01bf4c5586ef2dedf667396a424fe9b11b2132f5f74897d30279552b',
    );
    assert.equal(
      acs3Signature('testsecret', sts),
      '0c0ad12190bcb7905fb18ed7fe6eb9a68eaea3fbdbba00134c5d505be60b4fb0',
    );
  });

  test('case=V3 ACS3 with query parameters only', () => {
    const { 'content-type': _, ...rest } = headers;
    const payloadHash = sha256Hex(Buffer.alloc(0));
    const query: Pair[] = [
      ['Name', '张三'],
      ['IdCardNumber', '330100199001011234'],
      ['FaceImageUrl', "http://example.com/a b*c~d!(x)'.jpg"],
      ['BizType', 'RPMinTest'],
      ['BizId', 'biz-0001'],
    ];
    const canonical = acs3CanonicalRequest({
      method: 'POST',
      path: '/',
      query,
      headers: { ...rest, 'x-acs-action': 'VerifyMaterial', 'x-acs-content-sha256': payloadHash },
      signedHeaders:
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version'.split(
          ';',
        ),
      payloadHash,
    });
    assert.equal(
      canonical.split('\n')[2],
      'BizId=biz-0001&BizType=RPMinTest&FaceImageUrl=http%3A%2F%2Fexample.com%2Fa%20b%2Ac~d%21%28x%29%27.jpg&IdCardNumber=330100199001011234&Name=%E5%BC%A0%E4%B8%89',
    );
    const sts = acs3StringToSign(canonical);
    assert.equal(
      sts,
      'ACS3-HMAC-SHA256\ndf18a3aece6eab3699f3253c058689524b84efe2df76074882a243b79554e44c',
    );
    assert.equal(
      acs3Signature('testsecret', sts),
      '4c821bd2c32be5b44bba61a41246d0987a219d46fdc2fbad694eba93cf77698b',
    );
  });
});

const captureRequest = (c: Capture) =>
  wire({
    method: c.method,
    rawQuery: c.rawQuery,
    headers: c.headers,
    body: Buffer.from(c.body),
    receivedAt: CAPTURED_AT,
  });

/** The signing input exactly as `parse` assembles it (decode, then re-encode; never reuse raw text). */
const recompute = (c: Capture) => {
  const request = captureRequest(c);
  const { query, body } = readParams(request);
  const auth = c.headers.authorization;
  if (!auth) {
    const pairs = [...query, ...body].filter(([name]) => name !== 'Signature');
    const sts = rpcStringToSign(c.method, pairs);
    return { sts, signature: rpcSignature('testsecret', sts) };
  }
  const parsedAuth = parseAcs3Authorization(auth)!;
  const canonical = acs3CanonicalRequest({
    method: c.method,
    path: '/',
    query,
    headers: request.headers,
    signedHeaders: parsedAuth.signedHeaders,
    payloadHash: sha256Hex(request.body),
  });
  assert.equal(canonical, c.canonicalRequest);
  assert.equal(sha256Hex(request.body), c.headers['x-acs-content-sha256']);
  const sts = acs3StringToSign(canonical);
  return { sts, signature: acs3Signature('testsecret', sts) };
};

describe('§7 captures', () => {
  for (const capture of CAPTURES) {
    test(`case=capture ${capture.label} ${capture.title}`, () => {
      const { sts, signature } = recompute(capture);
      assert.equal(sts, capture.stringToSign);
      assert.equal(signature, capture.expected);
    });
  }

  for (const capture of CAPTURES.filter((c) => c.title.includes('Id2MetaVerify'))) {
    test(`case=capture ${capture.label} passes parse and authenticate`, async () => {
      const request = captureRequest(capture);
      const parsed = parse(request);
      assert.ok(!isRefusal(parsed), JSON.stringify(parsed));
      assert.equal(parsed.action, 'Id2MetaVerify');
      assert.equal(parsed.proof.stringToSign, capture.stringToSign);
      const app = await authenticate(parsed, request, memoryDeps());
      assert.ok(!isRefusal(app), JSON.stringify(app));
      assert.equal(app.accessKeyId, 'testid');
    });
  }

  test('case=capture with the wrong secret is refused', async () => {
    const capture = CAPTURES.find((c) => c.label === 'C')!;
    const request = captureRequest(capture);
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    const deps = memoryDeps([
      {
        ...(await memoryDeps().credentials.byAccessKeyId('testid'))!,
        accessKeySecret: 'wrong',
      },
    ]);
    assert.deepEqual(await authenticate(parsed, request, deps), {
      refused: { code: 'bad_signature' },
    });
  });
});
