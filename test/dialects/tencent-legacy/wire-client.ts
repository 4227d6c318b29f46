/**
 * Raw-HTTP client for the legacy routes against the test server. No official SDK speaks them
 * any more, so requests are built with fetch and signed here (sign.ts). Each test file that
 * calls `useWireServer()` gets its own server (node:test runs files in separate processes).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import {
  type AppCredentials,
  DEMO_APP,
  startTestServer,
  type TestServer,
} from '../../support/server.ts';
import { type SignInput, sign, VARIANTS } from './sign.ts';

export { DEMO_APP };
export const MAX_BODY = 64 * 1024;

export interface WireApps {
  server: TestServer;
  /** qps 1, quota 1, disabled, and a plain second app. */
  limited: AppCredentials;
  metered: AppCredentials;
  disabled: AppCredentials;
  other: AppCredentials;
}

const apps = {} as WireApps;

/** Starts the server (and the extra apps) before this file's tests; closes it after. */
export const useWireServer = (): WireApps => {
  before(async () => {
    apps.server = await startTestServer({ config: { maxBodyBytes: MAX_BODY } });
    [apps.limited, apps.metered, apps.disabled, apps.other] = await Promise.all([
      apps.server.createApp({ name: 'limited', qps: 1 }),
      apps.server.createApp({ name: 'metered', quota: 1 }),
      apps.server.createApp({ name: 'disabled' }),
      apps.server.createApp({ name: 'other' }),
    ]);
    await apps.server.disableApp(apps.disabled.appId);
  });
  after(() => apps.server.close());
  return apps;
};

export const nowSeconds = () => Math.floor(Date.now() / 1000);
type Creds = Pick<AppCredentials, 'appId' | 'secretId' | 'secretKey'>;

export const authFor = (app: Creds, over: Partial<SignInput> = {}, variant = 'docs') =>
  sign(
    VARIANTS[variant]!({ appid: app.appId, secretId: app.secretId, now: nowSeconds(), ...over }),
    app.secretKey,
  );

export interface Sent {
  status: number;
  contentType: string | null;
  outcome: string | null;
  body: { code: number; message: string; data: { session_id: string } };
}

export const send = async (path: string, init: RequestInit): Promise<Sent> => {
  const response = await fetch(`${apps.server.url}${path}`, { method: 'POST', ...init });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    outcome: response.headers.get('x-shiming-outcome'),
    body: (await response.json()) as Sent['body'],
  };
};

export const postJson = (path: string, fields: Record<string, unknown>, authorization?: string) =>
  send(path, {
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(fields),
  });

export const postForm = (path: string, fields: Record<string, string>, authorization: string) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return send(path, { headers: { authorization }, body: form });
};

/** A signed JSON request for the demo app. */
export const demo = (
  path: string,
  fields: Record<string, unknown>,
  over: Partial<SignInput> = {},
) => postJson(path, { appid: DEMO_APP.appId, ...fields }, authFor(DEMO_APP, over));

export const assertEnvelope = (sent: Sent, code: number) => {
  assert.equal(sent.status, 200);
  assert.equal(sent.contentType, 'application/json');
  assert.equal(sent.body.code, code, `${sent.outcome}: ${sent.body.message}`);
  assert.match(sent.body.data.session_id, /^[0-9a-f-]{36}$/);
};

export const ZHANG = PERSONAS[0]!.record;
const byRole = (role: string) => PERSONAS.find((p) => p.role.includes(role))!.record;
export const BUSY = byRole('busy');
export const UPGRADING = byRole('upgraded');
export const LIMIT = byRole('attempt limit');
export const id = (name: string, idNumber: string) => ({
  idcard_name: name,
  idcard_number: idNumber,
});
