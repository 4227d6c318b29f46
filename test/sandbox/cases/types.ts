/**
 * The shape of a sandbox table row, shared by the three dialects' tables (tencent-faceid.ts,
 * aliyun-cloudauth.ts, tencent-legacy.ts). docs/sandbox.md is rendered from the tables
 * (scripts/sandbox-doc.ts) and test/sandbox/walk.test.ts sends every reachable row to the real
 * server.
 */
export type Dialect = 'tencent-faceid' | 'aliyun-cloudauth' | 'tencent-legacy';

/** Request fields, named and valued exactly as a caller sends them on the wire. */
export type Inputs = Readonly<Record<string, unknown>>;

export interface SandboxRow<Expect, Trigger extends string = never> {
  dialect: Dialect;
  /** The action (or, for the legacy dialect, the route) the row is sent to. */
  action: string;
  /** What the row shows, in a few words; unique per dialect and action. */
  description: string;
  inputs: Inputs;
  expect: Expect;
  /**
   * How the request departs from a plain, correctly signed call by a healthy app (platform
   * codes: a wrong key, a stale timestamp, an app created with --qps 1, …). Each dialect's
   * table explains its triggers in words; the walker implements them.
   */
  trigger?: Trigger;
  /** Set on codes no caller can produce on purpose: why. Such rows are documented, not walked. */
  unreachable?: string;
  /**
   * The inputs name photos symbolically (`{selfie}`, `{url:selfie}`, legend in photos.ts): the
   * row needs the face engine and OCR, and is walked by walk-photos.test.ts, not walk.test.ts.
   */
  photos?: true;
}

/** The rows a walker sends: everything but the unreachable ones. */
export const reachable = <R extends { unreachable?: string }>(rows: readonly R[]): R[] =>
  rows.filter((row) => row.unreachable === undefined);

/** The reachable rows with photos, and those without. */
export const withPhotos = <R extends { unreachable?: string; photos?: true }>(rows: readonly R[]) =>
  reachable(rows).filter((row) => row.photos === true);
export const withoutPhotos = <R extends { unreachable?: string; photos?: true }>(
  rows: readonly R[],
) => reachable(rows).filter((row) => row.photos !== true);
