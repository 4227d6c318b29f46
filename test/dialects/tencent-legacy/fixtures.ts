/** Shared unit-test fixtures: in-memory credentials, wire requests, a mini pipeline. */
import type { Command } from '../../../src/core/commands.ts';
import { type Outcome, outcome } from '../../../src/core/outcomes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import { tencentLegacy } from '../../../src/dialects/tencent-legacy/index.ts';
import type { App, AuthDeps } from '../../../src/security/apps.ts';
import { memoryNonces } from '../../../src/security/nonces.ts';
import { type SignInput, sign, VARIANTS } from './sign.ts';

/** The spec's dummy keys (tencent.md §5 test vectors). */
export const SPEC_APP: App = {
  appId: '1250000000',
  name: 'spec',
  secretId: 'AKIDTESTID00000000000000000000000000',
  secretKey: 'TestSecretKey00000000000000000000',
  accessKeyId: 'LTAItest',
  accessKeySecret: 'unused',
  qps: null,
  quota: null,
  disabled: false,
  createdAt: 0,
};

export const OTHER_APP: App = {
  ...SPEC_APP,
  appId: '1250000001',
  name: 'other',
  secretId: 'AKIDOTHER0000000000000000000000000000',
  secretKey: 'OtherSecretKey0000000000000000000',
};

export const DISABLED_APP: App = {
  ...SPEC_APP,
  appId: '1250000002',
  name: 'disabled',
  secretId: 'AKIDDISABLED000000000000000000000000',
  secretKey: 'DisabledSecretKey000000000000000',
  disabled: true,
};

export const fakeDeps = (apps: App[] = [SPEC_APP, OTHER_APP, DISABLED_APP]): AuthDeps => ({
  credentials: {
    bySecretId: async (id) => apps.find((a) => a.secretId === id),
    byAccessKeyId: async (id) => apps.find((a) => a.accessKeyId === id),
    byAppId: async (id) => apps.find((a) => a.appId === id),
  },
  nonces: memoryNonces(() => 0),
});

/** 2023-11-14T22:13:20Z, the spec vectors' `t`. */
export const NOW = 1_700_000_000;

export interface RequestInit {
  path?: string;
  method?: string;
  authorization?: string;
  contentType?: string;
  body?: Buffer | string;
  receivedAt?: number;
}

export const wireRequest = (init: RequestInit): WireRequest => ({
  method: init.method ?? 'POST',
  path: init.path ?? '/auth/idcard',
  rawQuery: '',
  headers: {
    ...(init.authorization === undefined ? {} : { authorization: init.authorization }),
    ...(init.contentType === undefined ? {} : { 'content-type': init.contentType }),
  },
  body: Buffer.from(init.body ?? ''),
  receivedAt: init.receivedAt ?? NOW * 1000,
});

export const jsonRequest = (fields: Record<string, unknown>, init: RequestInit = {}): WireRequest =>
  wireRequest({ contentType: 'application/json', body: JSON.stringify(fields), ...init });

/** A real multipart body, framed by undici's FormData (what fetch sends). */
export const multipartOf = async (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    contentType: request.headers.get('content-type')!,
    body: Buffer.from(await request.arrayBuffer()),
  };
};

export type Stage = Outcome | Command;

/** parse → authenticate → disabled? → toCommand, like the pipeline; the first refusal wins. */
export const runSteps = async (request: WireRequest, deps = fakeDeps()): Promise<Stage> => {
  const parsed = tencentLegacy.parse(request);
  if (isRefusal(parsed)) return parsed.refused;
  const app = await tencentLegacy.authenticate(parsed, request, deps);
  if (isRefusal(app)) return app.refused;
  if (app.disabled) return outcome('app_disabled');
  const command = tencentLegacy.toCommand(parsed);
  return isRefusal(command) ? command.refused : command;
};

/** The wire code the steps end in (0 when a command was reached). */
export const codeOfSteps = async (request: WireRequest, deps = fakeDeps()): Promise<number> => {
  const stage = await runSteps(request, deps);
  const result = 'kind' in stage ? outcome('match') : stage;
  const rendered = tencentLegacy.render({ requestId: 'rid', request, outcome: result });
  return (JSON.parse(String(rendered.body)) as { code: number }).code;
};

/** 张三, the first sandbox persona. */
export const ID = { idcard_number: '110105199003070017', idcard_name: '张三' };

/** A signature of `app` at NOW (docs order unless told), optionally with a wrong key. */
export const signFor = (
  app: App,
  over: Partial<SignInput> = {},
  variant = 'docs',
  key = app.secretKey,
) => sign(VARIANTS[variant]!({ appid: app.appId, secretId: app.secretId, now: NOW, ...over }), key);

/** A JSON /auth/idcard request for SPEC_APP, signed; `fields` override the body. */
export const signed = (
  fields: Record<string, unknown>,
  over: Partial<SignInput> = {},
  extra = {},
) =>
  jsonRequest(
    { appid: SPEC_APP.appId, ...ID, ...fields },
    { authorization: signFor(SPEC_APP, over), ...extra },
  );
