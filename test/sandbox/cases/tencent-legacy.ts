/**
 * Sandbox table of the Tencent legacy image-service dialect (`POST /auth/idcard`,
 * `/auth/idbankcard`): which JSON body reaches which `code`. No official SDK speaks these
 * routes any more: callers sign by hand (the README shows how), and so does the walker.
 * Every body also carries `appid`, the caller's AppID; the tables leave it out.
 */
import {
  ABSENT,
  BAD_CHECK_DIGIT,
  BUSY,
  cardIn,
  cardOf,
  LIMITED,
  NORMAL_CARD,
  UPGRADING,
  ZHANG,
} from './personas.ts';
import type { Inputs, SandboxRow } from './types.ts';

export interface LegacyExpect {
  /** The body's `code`. */
  code: number;
}

export type LegacyTrigger =
  | 'broken-json'
  | 'unsigned'
  | 'malformed-signature'
  | 'other-appid'
  | 'expired'
  | 'unknown-appid'
  | 'unknown-secretid'
  | 'secretid-of-other-app'
  | 'replay'
  | 'wrong-secret'
  | 'rate-limit'
  | 'too-large'
  | 'disabled'
  | 'quota';

export type LegacyRow = SandboxRow<LegacyExpect, LegacyTrigger>;

/** What each trigger does to the request, as docs/sandbox.md says it. */
export const LEGACY_TRIGGERS: Record<LegacyTrigger, string> = {
  'broken-json':
    'a body that is not complete JSON (`{"appid"`); a GET, or a content type other than JSON or multipart, does the same',
  unsigned: 'no `Authorization` header',
  'malformed-signature':
    'an `Authorization` that does not decode to HMAC-SHA1 digest + `a=…&k=…` text',
  'other-appid': "signed for one AppID (`a=`), the body names another app's `appid`",
  expired: 'signed with `t` two hours ago and `e` one hour ago',
  'unknown-appid': 'body `appid` and signature `a=` an AppID no app has',
  'unknown-secretid': 'a SecretId (`k=`) no app has',
  'secretid-of-other-app': "the body's AppID, signed with another app's SecretId and SecretKey",
  replay: 'a single-use signature (`e=0`, `f=<id>`) sent a second time',
  'wrong-secret': 'signed with a wrong SecretKey',
  'rate-limit': 'a burst of 8 calls by an app created with `--qps 1`',
  'too-large': 'a body over the `maxBodyBytes` setting (an extra field of that size)',
  disabled: 'an app disabled with `shiming apps disable`',
  quota: 'a second billed call by an app created with `--quota 1`',
};

const row = (
  action: string,
  description: string,
  inputs: Inputs,
  code: number,
  extra: Partial<Pick<LegacyRow, 'trigger' | 'unreachable'>> = {},
): LegacyRow => ({
  dialect: 'tencent-legacy',
  action,
  description,
  inputs,
  expect: { code },
  ...extra,
});

const ID = '/auth/idcard';
const CARD = '/auth/idbankcard';

const id = (name: string, idNumber: string) => ({ idcard_name: name, idcard_number: idNumber });
const card = (name: string, idNumber: string, bankcard_number: string) => ({
  ...id(name, idNumber),
  bankcard_number,
});
const ZHANG_ID = id(ZHANG.name, ZHANG.idNumber);

const idcard: LegacyRow[] = [
  row(ID, 'match', ZHANG_ID, 0),
  row(ID, 'name mismatch', id('李四', ZHANG.idNumber), -5803),
  row(ID, 'no record', id(ZHANG.name, ABSENT.idNumber), -5804),
  row(ID, 'bad check digit', id(ZHANG.name, BAD_CHECK_DIGIT), -5804),
  row(ID, 'impossible birth date', id(ZHANG.name, '110105199013070015'), -5804),
  row(ID, 'ID number format', id(ZHANG.name, '12345'), -5806),
  row(ID, 'name format', id('张三1', ZHANG.idNumber), -5806),
  row(ID, 'authority busy', id(BUSY.name, BUSY.idNumber), -5807),
  row(ID, 'attempt limit', id(LIMITED.name, LIMITED.idNumber), -5807),
  row(ID, 'authority upgrading', id(UPGRADING.name, UPGRADING.idNumber), 108),
  row(ID, 'missing idcard_name', { idcard_number: ZHANG.idNumber }, 21),
  row(ID, 'idcard_number as a JSON number', { ...ZHANG_ID, idcard_number: 12345 }, 21),
  row(
    ID,
    'bucket of another app (`<name>-<AppID>`)',
    { ...ZHANG_ID, bucket: 'photos-1299999999' },
    16,
  ),
];

const idbankcard: LegacyRow[] = [
  row(CARD, 'match', card(ZHANG.name, ZHANG.idNumber, NORMAL_CARD), 0),
  row(CARD, 'name mismatch', card('李四', ZHANG.idNumber, NORMAL_CARD), -5803),
  row(CARD, 'ID mismatch', card(ZHANG.name, BUSY.idNumber, NORMAL_CARD), -5803),
  row(
    CARD,
    'card lost (any refused card state)',
    card(ZHANG.name, ZHANG.idNumber, cardIn('lost')),
    -5803,
  ),
  row(CARD, 'unknown card', card(ZHANG.name, ZHANG.idNumber, ABSENT.bankCard), -5804),
  row(
    CARD,
    'unknown card failing Luhn',
    card(ZHANG.name, ZHANG.idNumber, '6222021000000000001'),
    -5804,
  ),
  row(CARD, 'card number format', card(ZHANG.name, ZHANG.idNumber, '6222-0210'), -5806),
  row(CARD, 'ID number format', card(ZHANG.name, '123', NORMAL_CARD), -5806),
  row(CARD, 'bank busy', card(BUSY.name, BUSY.idNumber, cardOf(BUSY)), -5807),
  row(CARD, 'attempt limit', card(LIMITED.name, LIMITED.idNumber, cardOf(LIMITED)), -5807),
  row(
    CARD,
    'authority upgrading',
    card(UPGRADING.name, UPGRADING.idNumber, cardOf(UPGRADING)),
    108,
  ),
  row(CARD, 'missing bankcard_number', ZHANG_ID, 21),
];

const platform = (description: string, trigger: LegacyTrigger, code: number): LegacyRow =>
  row(ID, description, ZHANG_ID, code, { trigger });

/** Platform codes, shown on /auth/idcard; /auth/idbankcard answers them the same way. */
const platformRows: LegacyRow[] = [
  platform('request that cannot be read (both routes)', 'broken-json', 3),
  platform('unsigned (both routes)', 'unsigned', 4),
  platform('malformed signature (both routes)', 'malformed-signature', 5),
  platform('signature for another AppID (both routes)', 'other-appid', 6),
  platform('expired signature (both routes)', 'expired', 9),
  platform('unknown AppID (both routes)', 'unknown-appid', 10),
  platform('unknown SecretId (both routes)', 'unknown-secretid', 11),
  platform("another app's SecretId (both routes)", 'secretid-of-other-app', 12),
  platform('single-use signature replayed (both routes)', 'replay', 13),
  platform('wrong SecretKey (both routes)', 'wrong-secret', 14),
  platform('rate limit (both routes)', 'rate-limit', 15),
  platform('body too large (both routes)', 'too-large', 23),
  platform('disabled app (both routes)', 'disabled', 24),
  platform('quota used up (both routes)', 'quota', 25),
  row(ID, 'dependency down (both routes)', {}, 107, {
    unreachable:
      'only a failing dependency (the record store) produces it; no request can cause that',
  }),
  row(ID, 'server failure (both routes)', {}, 213, {
    unreachable: 'only an internal failure (a bug) produces it',
  }),
];

export const LEGACY_ROWS: readonly LegacyRow[] = [...idcard, ...idbankcard, ...platformRows];
