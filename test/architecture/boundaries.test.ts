/**
 * Architecture rules the linter cannot express: outbound HTTP only through the safe fetcher,
 * and no vendor names in the core.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SRC = new URL('../../src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const sources = files(SRC).map((path) => ({
  path: relative(SRC, path),
  text: readFileSync(path, 'utf8'),
}));

const OUTBOUND =
  /^(?!import type).*(from 'node:(http|https|http2|net|tls|dgram)'|\bfetch\(|from '(undici|axios|node-fetch|got)')/m;
/** The server listens (node:http createServer); the fetcher is the one client. */
const MAY_USE_NETWORK = new Set(['security/safe-fetch.ts', 'http/server.ts']);

test('case=no outbound HTTP outside the safe fetcher', () => {
  const offenders = sources
    .filter((s) => OUTBOUND.test(s.text) && !MAY_USE_NETWORK.has(s.path))
    .map((s) => s.path);
  assert.deepEqual(offenders, []);
});

test('case=the server module only listens', () => {
  const server = sources.find((s) => s.path === 'http/server.ts')!;
  assert.doesNotMatch(server.text, /\brequest\(|\bget\(/);
});

test('case=no vendor names in core, identity or engines', () => {
  const vendor = /tencent|aliyun|alibaba|alicloud|cloudauth|faceid/i;
  const offenders = sources
    .filter((s) => /^(core|identity|engines)\//.test(s.path) && vendor.test(s.text))
    .map((s) => s.path);
  assert.deepEqual(offenders, []);
});
