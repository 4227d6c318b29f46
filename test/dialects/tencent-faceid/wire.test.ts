/**
 * Wire: the official SDK against the real server in demo mode, in every transport, reaching
 * every Result code of every served action through the sandbox personas.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AppCredentials, startTestServer, type TestServer } from '../../support/server.ts';
import { RESULTS } from '../../../src/dialects/tencent-faceid/codes.ts';
import { SERVED_ACTIONS } from '../../../src/dialects/tencent-faceid/routes.ts';
import { SANDBOX_CASES, UNREACHABLE } from './sandbox-cases.ts';
import { faceidClient, MODES } from './sdk-client.ts';

let server: TestServer;
let app: AppCredentials;

before(async () => {
  server = await startTestServer();
  // Its own app, so hundreds of calls in a burst stay under the rate limit.
  app = await server.createApp({ name: 'faceid-wire', qps: 100_000 });
});
after(() => server.close());

test('case=the sandbox table reaches every documented Result code of every action', (t) => {
  // Actions whose rows are not in the shared table yet (ImageRecognition*: face-wire.test.ts).
  const pending = SERVED_ACTIONS.filter((a) => !SANDBOX_CASES.some((c) => c.action === a));
  if (pending.length > 0) t.todo(`no sandbox rows for ${pending.join(', ')} yet`);
  for (const action of SERVED_ACTIONS.filter((a) => !pending.includes(a))) {
    const reached = new Set(SANDBOX_CASES.filter((c) => c.action === action).map((c) => c.result));
    const expected = Object.keys(RESULTS[action].documented).filter(
      (code) => !UNREACHABLE[action]?.includes(code),
    );
    assert.deepEqual([...reached].sort(), expected.sort(), action);
  }
});

for (const mode of MODES) {
  describe(`mode=${mode.name}`, () => {
    for (const c of SANDBOX_CASES) {
      test(`case=${mode.name} ${c.action} ${c.name} → ${c.result}`, async () => {
        const client = faceidClient(server.port, mode, app);
        const response = (await client.request(c.action, c.params)) as Record<string, unknown>;
        assert.equal(response.Result, c.result);
        assert.equal(
          response.Description,
          RESULTS[c.action as keyof typeof RESULTS].documented[c.result],
        );
        assert.match(String(response.RequestId), /^[0-9a-f-]{36}$/);
        for (const [field, value] of Object.entries(c.fields ?? {}))
          assert.equal(response[field], value, field);
        if (c.action === 'MinorsVerification' && c.result === '-1' && !c.fields) {
          // The bracket depends on today's date: only its form is checked.
          assert.match(String(response.AgeRange), /^\[(0,8|8,16|16,18)\)$/);
        }
      });
    }
  });
}
