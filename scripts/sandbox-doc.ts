/**
 * Writes docs/sandbox.md from the sandbox tables (test/sandbox/cases/) and the personas
 * (src/authorities/sandbox/personas.ts). Run: npx tsx scripts/sandbox-doc.ts. A test
 * (test/sandbox/doc-sync.test.ts) keeps the committed file equal to what this renders.
 */
import { writeFileSync } from 'node:fs';
import { ABSENT, PERSONAS } from '../src/authorities/sandbox/personas.ts';
import { BUSINESS_MESSAGES, type BusinessCode } from '../src/dialects/aliyun-cloudauth/codes.ts';
import { RESULTS } from '../src/dialects/tencent-faceid/codes.ts';
import { MESSAGES } from '../src/dialects/tencent-legacy/codes.ts';
import {
  ALIYUN_ROWS,
  ALIYUN_TRIGGERS,
  type AliyunRow,
  type Inputs,
  LEGACY_ROWS,
  LEGACY_TRIGGERS,
  type LegacyRow,
  TENCENT_ROWS,
  TENCENT_TRIGGERS,
  type TencentRow,
} from '../test/sandbox/cases/index.ts';
import { PHOTOS } from '../test/sandbox/cases/photos.ts';
import {
  DATA_ONLY,
  NOBODY_CBCC,
  NOBODY_CTCC,
  NOBODY_CUCC,
} from '../test/sandbox/cases/personas.ts';

/** Text safe inside a markdown table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string | number): string => `\`${text}\``;

const json = (inputs: Inputs): string => code(JSON.stringify(inputs));
const form = (inputs: Inputs): string =>
  Object.entries(inputs)
    .map(([name, value]) => code(`${name}=${String(value)}`))
    .join(' ');

interface Shown {
  action: string;
  description: string;
  trigger?: string;
  unreachable?: string;
}

/** The inputs cell: the request fields, after what the request does differently if anything. */
const inputsCell = (row: Shown, fields: string, triggers: Record<string, string>): string => {
  if (row.unreachable !== undefined) return `*unreachable*: ${row.unreachable}`;
  if (row.trigger === undefined) return fields;
  return `${triggers[row.trigger]}; ${fields}`;
};

const table = (rows: string[][]): string[] => [
  '| action | code | meaning | inputs |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];

const tencentRow = (row: TencentRow): string[] => {
  if ('error' in row.expect) {
    return [
      row.action,
      code(row.expect.error),
      row.description,
      inputsCell(row, json(row.inputs), TENCENT_TRIGGERS),
    ];
  }
  const documented = RESULTS[row.action as keyof typeof RESULTS]?.documented[row.expect.result];
  const fields = Object.entries(row.expect.fields ?? {})
    .map(([name, value]) => `${name} ${code(String(value))}`)
    .join(', ');
  return [
    row.action,
    code(row.expect.result),
    [row.description, documented, fields].filter(Boolean).join(' — '),
    inputsCell(row, json(row.inputs), TENCENT_TRIGGERS),
  ];
};

const aliyunCode = (row: AliyunRow): string => {
  const e = row.expect;
  if (e.code !== '200')
    return e.status === undefined ? code(e.code) : `${code(e.code)} (HTTP ${e.status})`;
  const parts = [code('200'), `BizCode ${code(e.bizCode!)}`];
  if (e.subCode) parts.push(`SubCode ${code(e.subCode)}`);
  if (e.ispName) parts.push(`IspName ${code(e.ispName)}`);
  return parts.join(' ');
};

const aliyunRow = (row: AliyunRow): string[] => {
  const message = BUSINESS_MESSAGES[row.expect.code as BusinessCode];
  return [
    row.action,
    aliyunCode(row),
    [row.description, message].filter(Boolean).join(' — '),
    inputsCell(row, form(row.inputs), ALIYUN_TRIGGERS),
  ];
};

const legacyRow = (row: LegacyRow): string[] => [
  row.action,
  code(row.expect.code),
  `${row.description} — ${MESSAGES[row.expect.code as keyof typeof MESSAGES]}`,
  inputsCell(row, json(row.inputs), LEGACY_TRIGGERS),
];

const personas = (): string[] => {
  const stateCards = PERSONAS[0]!.record.bankCards.filter((c) => c.state !== 'normal');
  const rows = PERSONAS.map(({ role, record }) => {
    const cards = record.bankCards.map((c) => code(c.number));
    const cardText =
      cards.length > 3
        ? `${cards[0]} (normal), and one card per refused state (below)`
        : cards.join(', ') || '—';
    const idCard = record.idCard ? `${record.idCard.validFrom} – ${record.idCard.validTo}` : '—';
    return `| ${[role, record.name, code(record.idNumber), record.phone ? code(record.phone) : '—', cardText, idCard].map(cell).join(' | ')} |`;
  });
  return [
    '| role | name | ID number | phone | bank cards | ID card valid |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `${PERSONAS[0]!.record.name}'s cards in a refused state (the bank's answer for each card; the tables below show each state's code):`,
    '',
    '| card | state |',
    '|---|---|',
    ...stateCards.map((c) => `| ${code(c.number)} | ${code(c.state)} |`),
  ];
};

/** The document before formatting. */
export const sandboxMarkdown = (): string =>
  [
    '# Sandbox: personas and result codes',
    '',
    'Generated from `test/sandbox/cases/` and `src/authorities/sandbox/personas.ts` by',
    '`npx tsx scripts/sandbox-doc.ts`; `test/sandbox/doc-sync.test.ts` keeps it in sync. The',
    'same tables drive `test/sandbox/walk.test.ts`, which sends every reachable row below to a',
    'real server through the official SDKs and checks the code; the rows with photos are walked',
    'by `test/sandbox/walk-photos.test.ts` (see [Photos](#photos)).',
    '',
    '## Demo mode',
    '',
    '`npm start` (`shiming serve --demo`) loads the sandbox: synthetic personas, answered from',
    'memory before the imported registry is asked, so that every documented result code of every',
    'action is reachable on purpose. It also creates the demo app and prints its fixed',
    'credentials at start: one app for every dialect (Tencent SecretId / SecretKey, Alibaba',
    'AccessKeyId / AccessKeySecret, the legacy AppID). Demo mode is refused when',
    '`NODE_ENV=production`.',
    '',
    'Every number is made up but valid (GB 11643 check character, Luhn). A persona with an',
    'unavailable authority answers "unavailable" for every look-up that touches it: its ID',
    'number, its phone and its cards.',
    '',
    ...personas(),
    '',
    'Valid numbers that no persona holds ("no record"):',
    '',
    `- ID number ${code(ABSENT.idNumber)}`,
    `- bank card ${code(ABSENT.bankCard)}`,
    `- phone ${code(ABSENT.phone)} (China Mobile); also ${code(NOBODY_CUCC)} (China Unicom),` +
      ` ${code(NOBODY_CTCC)} (China Telecom), ${code(NOBODY_CBCC)} (China Broadnet)`,
    '',
    `${code(DATA_ONLY)} is in a data-only range: there is no subscriber to verify.`,
    '',
    'Platform codes need an app set up for them: `shiming apps create --qps 1` (rate limit),',
    '`--quota 1` (quota), `shiming apps disable <AppID>` (disabled app). The walk does the same,',
    'with the server\'s `maxBodyBytes` lowered to 64 KiB for the "body too large" rows.',
    '',
    '## Photos',
    '',
    'Rows of the face actions name their photos in braces. `{name}` is the photo itself, as the',
    'field takes it: base64 (after `base64://` where the inputs show that prefix); `{url:name}` is',
    'an http(s) URL that serves it (the server fetches it: a URL outside `fetchAllow` is refused).',
    'These rows need the face engine (`facePack: standard`); the walk',
    '(`test/sandbox/walk-photos.test.ts`) runs them with faces from `../shared/data/faces-dev`',
    'and the other pictures made on the fly. Any picture that fits the description gives the',
    "same code: the portrait the selfie is compared with is the persona's documented verdict",
    '(same person, different, undecided, no portrait, unusable), not a real photo.',
    '',
    '| photo | what it is |',
    '|---|---|',
    ...Object.entries(PHOTOS).map(([name, what]) => `| ${code(`{${name}}`)} | ${cell(what)} |`),
    '',
    '## Tencent Cloud API 3.0 (FaceID 2018-03-01)',
    '',
    'Sent with `tencentcloud-sdk-nodejs` (`client.request(action, inputs)` or the typed method),',
    'TC3-HMAC-SHA256 over POST; the inputs are the JSON body. A `Result` comes in a normal',
    'response with its `Description` (shown after the dash); an `Error.Code` is thrown by the SDK',
    'as `TencentCloudSDKHttpException` with that `.code`. Rows marked *any action* are shown on',
    'one action: every action answers them the same way.',
    '',
    ...table(TENCENT_ROWS.map(tencentRow)),
    '',
    '## Alibaba Cloud Cloudauth (2019-03-07)',
    '',
    'Sent with `@alicloud/pop-core` (`client.request(action, inputs)`) and with',
    '`@alicloud/cloudauth20190307` (`client.<action>(new <Action>Request({...}))`, the same',
    'names in lowerCamelCase). Code `200` carries `ResultObject.BizCode` (`1` consistent, `2`',
    'inconsistent, both billed; `3` no record, not billed) and, where the action has them,',
    '`SubCode` and `IspName`. Every other Code: pop-core throws `<Code>Error`; the Tea client',
    'returns the information-verification Codes (HTTP 200) as data and throws on the gateway',
    'errors (HTTP status shown). Rows marked *any action* are shown on one action.',
    '',
    ...table(ALIYUN_ROWS.map(aliyunRow)),
    '',
    '## Tencent legacy image service (`/auth/idcard`, `/auth/idbankcard`)',
    '',
    '`POST` with `Content-Type: application/json` (multipart works too) and the multi-effective',
    'signature in `Authorization` (the README shows how to build it). The body is the inputs',
    "plus `appid`, the caller's AppID. The answer is `{code, message, data: {session_id}}` with",
    'HTTP 200. Rows marked *both routes* are shown on `/auth/idcard`.',
    '',
    ...table(LEGACY_ROWS.map(legacyRow)),
    '',
    ...MARKET_SECTION,
  ].join('\n');

/**
 * The Cloud Market API (seed 002) is walked by test/dialects/tencent-market/wire-faces.test.ts
 * and wire-gateway.test.ts, not by the sandbox walkers, so its section is written out here.
 */
const MARKET_SECTION = [
  '## Tencent Cloud Market (`POST /release/face_id_card/post`)',
  '',
  'Form or JSON body `idcard`, `name`, and `image` (base64) or `url`; the gateway key-pair HMAC',
  'over `x-date` and `x-source` (README). Answers `{msg, success, code, data: {order_no, score, msg,',
  'incorrect}}`; gateway refusals are HTTP 401/403/429 `{message}`.',
  '',
  '| inputs | code | incorrect | meaning |',
  '|---|---|---|---|',
  '| 张三, `{selfie}` | 200 | 100 | same person, score ≥ 0.45 |',
  '| 李娜, `{selfie}` | 200 | 100 | different person, score < 0.40 |',
  '| 阿依古丽·买买提, `{selfie}` | 200 | 100 | undecided, score 0.42 |',
  '| 张三 with another name | 200 | 101 | name and ID number differ |',
  '| the absent ID number | 200 | 102 | no record |',
  '| a well-formed ID number with a wrong check digit | 200 | 104 | data invalid |',
  '| a malformed ID number or name | 400 | — | parameter error |',
  '| 张三, `{url:…}` that cannot be fetched | 200 | 103 | identity verified, photo unavailable |',
  '| 张三, `{tiny-face}` | 200 | 107 | photo quality |',
  '| 张三, an image over the size limit | 200 | 108 | image too large |',
  '| 王芳 (no portrait) or 刘小宝 (unusable), `{selfie}` | 200 | 109 | no authority photo |',
  '| 张三, `{blank}` | 200 | 110 | no face to extract |',
  '| 张三, `{two-faces}` | 200 | 111 | several faces |',
  '| 张三, `{not-an-image}` | 200 | 112 | image invalid |',
  '| 陈忙 / 赵升 / 孙限 | 501 | — | authority unavailable |',
  '| a disabled app | 604 | — | API stopped |',
  '| another path under `/release/` | 404 | — | not found |',
  '| server faults only | 500 | 106, 113 | unreachable on purpose |',
  '',
];

/** docs/sandbox.md as committed. */
export const sandboxDoc = (): string => sandboxMarkdown();

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/sandbox.md', import.meta.url), sandboxDoc());
}
