/**
 * authenticate: key look-up, signature, the ±15-minute window and nonce replay, for both schemes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  authenticate,
  NONCE_TTL_SECONDS,
  nonceKey,
  SKEW_MS,
} from '../../../src/dialects/aliyun-cloudauth/auth.ts';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import type { AuthDeps } from '../../../src/security/apps.ts';
import { acs3Request, iso, memoryDeps, rpcRequest, TEST_APP } from './fixtures.ts';

const NOW = Date.parse('2024-01-01T12:00:00Z');

const run = async (request: WireRequest, deps: AuthDeps = memoryDeps()) => {
  const parsed = parse(request);
  assert.ok(!isRefusal(parsed), JSON.stringify(parsed));
  const result = await authenticate(parsed, request, deps);
  return isRefusal(result) ? result.refused.code : result.appId;
};

const SCHEMES = {
  'RPC v1 GET': (o: { secret?: string; accessKeyId?: string; nonce?: string; at?: number }) =>
    rpcRequest({
      action: 'Id2MetaVerify',
      timestamp: iso(o.at ?? NOW),
      receivedAt: NOW,
      ...(o.secret && { secret: o.secret }),
      ...(o.accessKeyId && { accessKeyId: o.accessKeyId }),
      ...(o.nonce && { nonce: o.nonce }),
    }),
  'RPC v1 POST': (o: { secret?: string; accessKeyId?: string; nonce?: string; at?: number }) =>
    rpcRequest({
      action: 'Id2MetaVerify',
      method: 'POST',
      timestamp: iso(o.at ?? NOW),
      receivedAt: NOW,
      ...(o.secret && { secret: o.secret }),
      ...(o.accessKeyId && { accessKeyId: o.accessKeyId }),
      ...(o.nonce && { nonce: o.nonce }),
    }),
  ACS3: (o: { secret?: string; accessKeyId?: string; nonce?: string; at?: number }) =>
    acs3Request({
      action: 'Id2MetaVerify',
      body: { UserName: '张三' },
      date: iso(o.at ?? NOW),
      receivedAt: NOW,
      ...(o.secret && { secret: o.secret }),
      ...(o.accessKeyId && { accessKeyId: o.accessKeyId }),
      ...(o.nonce && { nonce: o.nonce }),
    }),
};

for (const [scheme, make] of Object.entries(SCHEMES)) {
  describe(`authenticate ${scheme}`, () => {
    test('case=valid', async () => assert.equal(await run(make({})), TEST_APP.appId));
    test('case=unknown key', async () =>
      assert.equal(await run(make({ accessKeyId: 'LTAInobody' })), 'unknown_credential'));
    test('case=wrong secret', async () =>
      assert.equal(await run(make({ secret: 'nottherightone' })), 'bad_signature'));
    test('case=15 minutes of skew either way is fine', async () => {
      assert.equal(await run(make({ at: NOW - SKEW_MS })), TEST_APP.appId);
      assert.equal(await run(make({ at: NOW + SKEW_MS })), TEST_APP.appId);
    });
    test('case=beyond 15 minutes is expired', async () => {
      assert.equal(await run(make({ at: NOW - SKEW_MS - 1000 })), 'signature_expired');
      assert.equal(await run(make({ at: NOW + SKEW_MS + 1000 })), 'signature_expired');
    });
    test('case=nonce replay', async () => {
      const deps = memoryDeps();
      const request = make({ nonce: `replay-${scheme}` });
      assert.equal(await run(request, deps), TEST_APP.appId);
      assert.equal(await run(request, deps), 'replay');
    });
    test('case=a bad signature does not burn the nonce', async () => {
      const deps = memoryDeps();
      const nonce = `unburnt-${scheme}`;
      assert.equal(await run(make({ nonce, secret: 'wrong' }), deps), 'bad_signature');
      assert.equal(await run(make({ nonce }), deps), TEST_APP.appId);
    });
    test('case=disabled app is returned for the pipeline to refuse', async () => {
      const deps = memoryDeps([{ ...TEST_APP, disabled: true }]);
      assert.equal(await run(make({}), deps), TEST_APP.appId);
    });
  });
}

describe('authenticate details', () => {
  test('case=nonce key and window', async () => {
    const claims: Array<[string, number]> = [];
    const deps: AuthDeps = {
      ...memoryDeps(),
      nonces: {
        claim: async (key, ttl) => {
          claims.push([key, ttl]);
          return true;
        },
      },
    };
    await run(rpcRequest({ action: 'Id2MetaVerify', nonce: 'abc' }), deps);
    assert.deepEqual(claims, [['aliyun:testid:abc', 1800]]);
    assert.equal(nonceKey('k', 'n'), 'aliyun:k:n');
    assert.ok(NONCE_TTL_SECONDS * 1000 >= 2 * SKEW_MS);
  });

  test('case=the same nonce under two keys is not a replay', async () => {
    const other = {
      ...TEST_APP,
      appId: '2',
      accessKeyId: 'otherid',
      accessKeySecret: 'othersecret',
    };
    const deps = memoryDeps([TEST_APP, other]);
    const a = rpcRequest({ action: 'Id2MetaVerify', nonce: 'shared' });
    const b = rpcRequest({
      action: 'Id2MetaVerify',
      nonce: 'shared',
      accessKeyId: 'otherid',
      secret: 'othersecret',
    });
    assert.equal(await run(a, deps), TEST_APP.appId);
    assert.equal(await run(b, deps), '2');
  });

  test('case=ACS3 body altered after signing', async () => {
    const request = acs3Request({ action: 'Id2MetaVerify', body: { UserName: '张三' } });
    const altered = { ...request, body: Buffer.from('UserName=%E6%9D%8E') };
    assert.equal(await run(altered), 'bad_signature');
  });

  test('case=ACS3 signed query altered after signing', async () => {
    const request = acs3Request({ action: 'Id2MetaVerify', query: { UserName: 'a' } });
    assert.equal(await run({ ...request, rawQuery: 'UserName=b' }), 'bad_signature');
  });

  test('case=ACS3 signature in upper-case hex is accepted', async () => {
    const request = acs3Request({ action: 'Id2MetaVerify' });
    const authorization = request.headers.authorization!.replace(
      /Signature=([0-9a-f]+)$/,
      (_, hex: string) => `Signature=${hex.toUpperCase()}`,
    );
    assert.equal(
      await run({ ...request, headers: { ...request.headers, authorization } }),
      TEST_APP.appId,
    );
  });

  test('case=RPC parameter moved between query and body keeps the signature valid', async () => {
    const request = rpcRequest({ action: 'Id2MetaVerify', business: { UserName: '张三' } });
    const q = new URLSearchParams(request.rawQuery);
    const user = q.get('UserName')!;
    q.delete('UserName');
    const moved: WireRequest = {
      ...request,
      method: 'GET',
      rawQuery: q.toString(),
      headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(`UserName=${encodeURIComponent(user)}`),
    };
    assert.equal(await run(moved), TEST_APP.appId);
  });
});
