/**
 * Which sandbox persona reaches which Result code of each served action, in the shape
 * wire.test.ts walks through every SDK transport. The one source is the shared sandbox table
 * (test/sandbox/cases/tencent-faceid.ts, rendered as docs/sandbox.md): this file only selects
 * its Result rows. Codes the sandbox cannot reach are listed in UNREACHABLE.
 */
import { TENCENT_ROWS } from '../../sandbox/cases/tencent-faceid.ts';

export interface SandboxCase {
  action: string;
  name: string;
  params: Record<string, unknown>;
  result: string;
  /** Other response fields to check. */
  fields?: Record<string, unknown>;
}

/**
 * The table's reachable Result rows (Error.Code rows and platform triggers are walked
 * elsewhere; rows with photos need the face engine: test/sandbox/walk-photos.test.ts).
 */
export const SANDBOX_CASES: SandboxCase[] = TENCENT_ROWS.flatMap((row) =>
  'result' in row.expect &&
  row.trigger === undefined &&
  row.unreachable === undefined &&
  !row.photos
    ? [
        {
          action: row.action,
          name: row.description,
          params: { ...row.inputs },
          result: row.expect.result,
          ...(row.expect.fields ? { fields: { ...row.expect.fields } } : {}),
        },
      ]
    : [],
);

/** Documented Result codes no sandbox persona reaches, by action (the table gives the reasons). */
export const UNREACHABLE: Record<string, string[]> = {};
for (const row of TENCENT_ROWS) {
  if (row.unreachable === undefined || !('result' in row.expect)) continue;
  UNREACHABLE[row.action] = [...(UNREACHABLE[row.action] ?? []), row.expect.result];
}
