/**
 * The sandbox tables are complete: every code each dialect documents for the actions it serves
 * has a row, walked (walk.test.ts) or marked unreachable with its reason. A code added to a
 * dialect's codes.ts without a row fails here: add the row to test/sandbox/cases/<dialect>.ts
 * and regenerate docs/sandbox.md (`npx tsx scripts/sandbox-doc.ts`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type OutcomeCode, type OutcomeFacts, outcome } from '../../src/core/outcomes.ts';
import { SERVED } from '../../src/dialects/aliyun-cloudauth/actions.ts';
import {
  CARD_SUBCODES,
  CODES,
  type CodeView,
  PHONE_MISMATCH_SUBCODES,
} from '../../src/dialects/aliyun-cloudauth/codes.ts';
import { ERRORS, errorFor, RESULTS } from '../../src/dialects/tencent-faceid/codes.ts';
import { SERVED_ACTIONS, UNSERVED_ACTIONS } from '../../src/dialects/tencent-faceid/routes.ts';
import { MESSAGES } from '../../src/dialects/tencent-legacy/codes.ts';
import { ALIYUN_ROWS } from './cases/aliyun-cloudauth.ts';
import { PHOTOS, photoNames } from './cases/photos.ts';
import { TENCENT_ROWS } from './cases/tencent-faceid.ts';
import { LEGACY_ROWS } from './cases/tencent-legacy.ts';

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

const unique = (rows: readonly { dialect: string; action: string; description: string }[]) => {
  const names = rows.map((r) => `${r.dialect} ${r.action} ${r.description}`);
  assert.deepEqual(
    names.filter((n, i) => names.indexOf(n) !== i),
    [],
    'duplicate row descriptions',
  );
};

test('case=row descriptions are unique within each action', () => {
  unique(TENCENT_ROWS);
  unique(ALIYUN_ROWS);
  unique(LEGACY_ROWS);
});

test('case=unreachable rows give a reason and are the only rows without inputs', () => {
  for (const row of [...TENCENT_ROWS, ...ALIYUN_ROWS, ...LEGACY_ROWS]) {
    const label = `${row.dialect} ${row.action} ${row.description}`;
    if (row.unreachable !== undefined) assert.ok(row.unreachable.length > 20, label);
    else if (row.action !== 'NoSuchAction' && row.action !== 'VerifyMaterial')
      assert.ok(Object.keys(row.inputs).length > 0, label);
  }
});

test('case=rows that name photos are marked photos, and every photo is in the legend', () => {
  for (const row of [...TENCENT_ROWS, ...ALIYUN_ROWS, ...LEGACY_ROWS]) {
    const names = photoNames(row.inputs);
    const label = `${row.dialect} ${row.action} ${row.description}`;
    assert.deepEqual(
      names.filter((n) => !(n in PHOTOS)),
      [],
      label,
    );
    if (names.length > 0) assert.equal(row.photos, true, label);
  }
});

// ---- Tencent Cloud API 3.0 ----

/**
 * Served actions without a single row: a table still being written for a new action. Their
 * checks are reported as todo (visible in the output, not failing the run) until rows exist.
 */
const tencentPending = SERVED_ACTIONS.filter((a) => !TENCENT_ROWS.some((r) => r.action === a));

for (const action of SERVED_ACTIONS) {
  test(`case=tencent-faceid ${action} every documented Result has a row`, (t) => {
    if (tencentPending.includes(action)) t.todo(`no sandbox rows for ${action} yet`);
    const codes = TENCENT_ROWS.flatMap((r) =>
      r.action === action && 'result' in r.expect ? [r.expect.result] : [],
    );
    assert.deepEqual(sorted(codes), sorted(Object.keys(RESULTS[action].documented)), action);
  });
}

/** Facts and actions that select the variants of the Error rules (codes.ts). */
const FACT_VARIANTS: OutcomeFacts[] = [
  {},
  { parameter: 'Name' },
  { parameter: 'EncryptList' },
  { parameter: 'ImageBase64' },
];
const tencentErrorCodes = (): string[] => {
  const unserved = [...UNSERVED_ACTIONS][0]!;
  const codes = Object.keys(ERRORS).flatMap((code) =>
    FACT_VARIANTS.flatMap((facts) =>
      ['IdCardVerification', unserved, 'NoSuchAction'].map(
        (action) => errorFor(outcome(code as OutcomeCode, facts), action).code,
      ),
    ),
  );
  return sorted(codes);
};

test('case=tencent-faceid every Error.Code of the dialect has a row', (t) => {
  // Codes only an action without rows can produce would be missing too.
  if (tencentPending.length > 0) t.todo(`no sandbox rows for ${tencentPending.join(', ')} yet`);
  const rows = new Set(TENCENT_ROWS.flatMap((r) => ('error' in r.expect ? [r.expect.error] : [])));
  assert.deepEqual(
    tencentErrorCodes().filter((code) => !rows.has(code)),
    [],
  );
});

// ---- Alibaba Cloud Cloudauth ----

const aliyunRows = (action: string) => ALIYUN_ROWS.filter((r) => r.action === action);

/** The information-verification families, whose codes the checks below know. */
const INFO_FAMILIES: ReadonlySet<string> = new Set(['id2', 'bank', 'mobileSimple', 'mobileDetail']);

/** Served actions without a single row (a table still being written): reported as todo. */
const aliyunPending = [...SERVED.keys()].filter((action) => aliyunRows(action).length === 0);

/**
 * The face-flow actions (ContrastFaceVerify, LivenessFaceVerify): every SubCode of
 * ResultObject.Passed and every Code. Their rows have photos: walk-photos.test.ts walks them.
 */
const faceFlowCodes = (action: string) => {
  const rows = aliyunRows(action);
  const subCodes = sorted(rows.flatMap((r) => (r.expect.subCode ? [r.expect.subCode] : [])));
  const codes = sorted(rows.flatMap((r) => (r.expect.status === undefined ? [r.expect.code] : [])));
  if (action === 'ContrastFaceVerify') {
    assert.deepEqual(subCodes, ['200', '201', '202', '203', '204', '205', '206'], 'SubCode');
    assert.deepEqual(codes, ['200', '400', '401', '417', '418'], 'Code');
  } else {
    // Liveness alone: no identity, so no authority to answer 201–204, 417 or 418.
    assert.deepEqual(subCodes, ['200', '205'], 'SubCode');
    assert.deepEqual(codes, ['200', '400', '401'], 'Code');
  }
};

for (const [action, served] of SERVED) {
  test(`case=aliyun-cloudauth ${action} every BizCode, SubCode, IspName and Code has a row`, (t) => {
    if (aliyunPending.includes(action)) t.todo(`no sandbox rows for ${action} yet`);
    else if (served.family === 'faceFlow') return faceFlowCodes(action);
    else if (!INFO_FAMILIES.has(served.family))
      t.todo(`this check does not know the ${served.family} family's codes yet`);
    const rows = aliyunRows(action);
    assert.ok(rows.length > 0, action);
    const results = rows.filter((r) => r.expect.code === '200');
    assert.deepEqual(sorted(results.map((r) => r.expect.bizCode!)), ['1', '2', '3'], 'BizCode');
    const subCodes = sorted(results.flatMap((r) => (r.expect.subCode ? [r.expect.subCode] : [])));
    if (served.family === 'bank') {
      const documented = ['101', '201', ...Object.values(CARD_SUBCODES), '304', '305', '306'];
      assert.deepEqual(subCodes, sorted(documented), 'SubCode');
    } else if (served.family === 'mobileDetail') {
      const documented = ['101', ...Object.values(PHONE_MISMATCH_SUBCODES), '301'];
      assert.deepEqual(subCodes, sorted(documented), 'SubCode');
    } else {
      assert.deepEqual(subCodes, [], 'SubCode');
    }
    const isps = sorted(results.flatMap((r) => (r.expect.ispName ? [r.expect.ispName] : [])));
    const mobile = served.family === 'mobileSimple' || served.family === 'mobileDetail';
    const carriers = served.standard ? ['CBCC', 'CMCC', 'CTCC', 'CUCC'] : ['CMCC', 'CTCC', 'CUCC'];
    assert.deepEqual(isps, mobile ? carriers : [], 'IspName');
    // Information-verification Codes (HTTP 200); 412 (quota) is a platform row.
    const codes = rows.flatMap((r) =>
      r.expect.code !== '200' && r.expect.status === undefined && r.trigger === undefined
        ? [r.expect.code]
        : [],
    );
    const documented = ['400', '401', '402', '403', ...(mobile ? ['405'] : [])];
    assert.deepEqual(sorted(codes), documented, 'Code');
  });
}

/** Views that select the variants of the code rules (codes.ts). */
const VIEWS: CodeView[] = [
  { facts: {} },
  { facts: { parameter: 'Timestamp' } },
  { facts: {}, notServedYet: 'VerifyMaterial' },
  { family: 'id2', facts: {} },
];

test('case=aliyun-cloudauth every gateway code and platform Code has a row', (t) => {
  // Codes only an action without rows can produce would be missing too.
  if (aliyunPending.length > 0) t.todo(`no sandbox rows for ${aliyunPending.join(', ')} yet`);
  const documented = Object.entries(CODES).flatMap(([, rule]) =>
    VIEWS.map((view) => rule(view)).flatMap((code) =>
      code.kind === 'gateway'
        ? [`${code.code} ${code.status}`]
        : code.kind === 'business' && code.code === '412'
          ? ['412 200']
          : [],
    ),
  );
  const rows = new Set(ALIYUN_ROWS.map((r) => `${r.expect.code} ${r.expect.status ?? 200}`));
  assert.deepEqual(
    sorted(documented).filter((code) => !rows.has(code)),
    [],
  );
});

// ---- Tencent legacy image service ----

test('case=tencent-legacy every verification code of both routes, and every code, has a row', () => {
  for (const route of ['/auth/idcard', '/auth/idbankcard']) {
    const codes = LEGACY_ROWS.filter((r) => r.action === route && r.trigger === undefined).map(
      (r) => r.expect.code,
    );
    for (const code of [0, -5803, -5804, -5806, -5807, 108]) {
      assert.ok(codes.includes(code), `${route} ${code}`);
    }
  }
  const rows = new Set(LEGACY_ROWS.map((r) => r.expect.code));
  assert.deepEqual(
    Object.keys(MESSAGES)
      .map(Number)
      .filter((code) => !rows.has(code as keyof typeof MESSAGES)),
    [],
  );
});
