/**
 * The one request pipeline every dialect runs through:
 * parse → authenticate → app enabled → rate limit → command → quota → core → durable record →
 * render. The record is committed before the response leaves; a failure to record turns the
 * answer into `service_unavailable` so no unrecorded verification is ever acknowledged.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from '../core/commands.ts';
import type { Core } from '../core/execute.ts';
import { isBilled, type Outcome, outcome } from '../core/outcomes.ts';
import { maskedSubject } from '../core/subject.ts';
import type { Logger } from '../log.ts';
import type { App, AuthDeps } from '../security/apps.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { AppStore, RecordStore } from '../store/store.ts';
import { type Dialect, isRefusal } from './dialect.ts';
import type { WireRequest, WireResponse } from './wire.ts';

export interface PipelineDeps {
  core: Core;
  auth: AuthDeps;
  apps: Pick<AppStore, 'used'>;
  records: RecordStore;
  limiter: RateLimiter;
  defaultQps: number;
  log: Logger;
}

interface Trace {
  parsed?: { action: string };
  app?: App;
  command?: Command;
}

/** Runs the steps up to the core; returns the outcome and what was learned on the way. */
const decide = async (
  dialect: Dialect,
  request: WireRequest,
  deps: PipelineDeps,
  trace: Trace,
): Promise<Outcome> => {
  const parsed = dialect.parse(request);
  if (isRefusal(parsed)) return parsed.refused;
  trace.parsed = parsed;
  const app = await dialect.authenticate(parsed, request, deps.auth);
  if (isRefusal(app)) return app.refused;
  trace.app = app;
  if (app.disabled) return outcome('app_disabled');
  if (!(await deps.limiter.take(app.appId, app.qps ?? deps.defaultQps))) {
    return outcome('rate_limited', { retryAfter: 1 });
  }
  const command = dialect.toCommand(parsed);
  if (isRefusal(command)) return command.refused;
  trace.command = command;
  if (app.quota !== null && (await deps.apps.used(app.appId)) >= app.quota)
    return outcome('quota_exhausted');
  return deps.core.execute(command);
};

const record = async (
  deps: PipelineDeps,
  dialect: Dialect,
  trace: Trace,
  result: Outcome,
  requestId: string,
  started: number,
) => {
  const entry = {
    requestId,
    appId: trace.app?.appId ?? null,
    dialect: dialect.name,
    action: trace.parsed?.action ?? '',
    outcome: result.code,
    billed: isBilled(result),
    latencyMs: performance.now() - started,
    subject: maskedSubject(trace.command),
    createdAt: Date.now(),
  };
  await deps.records.append(entry);
  deps.log.info('request', entry);
};

/** `refused` short-cuts the steps, e.g. for a body the server would not read (too large). */
export const runPipeline = async (
  dialect: Dialect,
  request: WireRequest,
  deps: PipelineDeps,
  refused?: Outcome,
): Promise<WireResponse> => {
  const started = performance.now();
  const requestId = randomUUID();
  const trace: Trace = {};
  let result: Outcome;
  try {
    result = refused ?? (await decide(dialect, request, deps, trace));
  } catch (error) {
    deps.log.error('request failed', { requestId, dialect: dialect.name, error: String(error) });
    result = outcome('internal');
  }
  try {
    await record(deps, dialect, trace, result, requestId, started);
  } catch (error) {
    deps.log.error('audit record failed', { requestId, error: String(error) });
    result = outcome('service_unavailable');
  }
  const response = dialect.render({ requestId, request, parsed: trace.parsed, outcome: result });
  response.headers['x-shiming-outcome'] = result.code;
  return response;
};
