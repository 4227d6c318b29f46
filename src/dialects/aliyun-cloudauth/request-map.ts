/**
 * Wire → core command for the served information-verification actions (spec aliyun.md §5.3);
 * the face actions are face-map.ts's, the legacy real-person actions materials-map.ts's.
 * A required business parameter that is absent or empty is refused as `missing_parameter`
 * (rendered as Code "400", 参数不能为空); an unusable value as `invalid_parameter` (Code "401").
 * Values go to the core raw: validating names, ID numbers, cards and phones is the core's job.
 *
 * ParamType: only `normal` (the default). `md5` is refused with Code "401": Alibaba itself
 * refuses md5 for the Id2Meta actions ("由于权威数据源限制…不支持MD5加密方式"), and for the
 * others an md5 of a whole phone number or of a card's last six digits can be matched only
 * by brute force or by storing md5 indexes of personal data, neither of which shiming does.
 *
 * @example
 *   toCommand(parsed) // → { kind: 'phone.verify', name: '张三', idNumber: '1101…', phone: '138…' }
 */
import type { Command } from '../../core/commands.ts';
import { outcome } from '../../core/outcomes.ts';
import { type Refusal, refuse } from '../../http/dialect.ts';
import type { Family } from './actions.ts';
import { faceCommand } from './face-map.ts';
import type { CloudauthRequest } from './framing.ts';
import { materialsCommand } from './materials-map.ts';

type Params = ReadonlyMap<string, string>;
type Fields = Record<string, string>;

const missing = (parameter: string) => refuse(outcome('missing_parameter', { parameter }));
const invalid = (parameter: string) => refuse(outcome('invalid_parameter', { parameter }));

/** The named parameters, all present and non-empty, or the refusal for the first one that is not. */
const take = (params: Params, names: readonly string[]): Fields | Refusal => {
  const fields: Fields = {};
  for (const name of names) {
    const value = params.get(name);
    if (value === undefined || value === '') return missing(name);
    fields[name] = value;
  }
  return fields;
};

const isRefused = (value: object): value is Refusal => 'refused' in value;

/**
 * Long-term ID cards: Alibaba's docs say to send `长期` as ValidityEndDate; `00000000` is the
 * other convention in use among Chinese verification APIs. Both become the registry's `长期`.
 */
const LONG_TERM = new Set(['长期', '00000000']);

const identity = (params: Params, period: boolean): Command | Refusal => {
  const names = ['UserName', 'IdentifyNum'];
  const f = take(params, period ? [...names, 'ValidityStartDate', 'ValidityEndDate'] : names);
  if (isRefused(f)) return f;
  const command: Command = { kind: 'identity.verify', name: f.UserName!, idNumber: f.IdentifyNum! };
  if (!period) return command;
  const end = f.ValidityEndDate!;
  const validity = { begin: f.ValidityStartDate!, end: LONG_TERM.has(end) ? '长期' : end };
  return { ...command, validity };
};

/** BANK_CARD_2/3/4_META → the elements each one checks (§5.3 BankMetaVerify). */
const BANK_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  BANK_CARD_2_META: ['UserName', 'BankCard'],
  BANK_CARD_3_META: ['UserName', 'BankCard', 'IdentifyNum'],
  BANK_CARD_4_META: ['UserName', 'BankCard', 'IdentifyNum', 'Mobile'],
};

/** IdentityType `01` (or none) is the resident ID card, certType 0; other codes are not served. */
const certTypeOf = (identityType: string | undefined): number | Refusal => {
  if (identityType === undefined || identityType === '' || identityType === '01') return 0;
  return /^(0[2-9]|[1-9]\d)$/.test(identityType) ? Number(identityType) : invalid('IdentityType');
};

const bankCard = (params: Params): Command | Refusal => {
  const productType = params.get('ProductType');
  if (!productType) return missing('ProductType');
  const elements = Object.hasOwn(BANK_ELEMENTS, productType) && BANK_ELEMENTS[productType];
  if (!elements) return invalid('ProductType');
  const mode = params.get('VerifyMode');
  if (mode !== undefined && mode !== '' && mode !== 'VERIFY_BANK_CARD')
    return invalid('VerifyMode');
  const certType = certTypeOf(params.get('IdentityType'));
  if (typeof certType !== 'number') return certType;
  const f = take(params, elements);
  if (isRefused(f)) return f;
  return {
    kind: 'bankcard.verify',
    name: f.UserName!,
    bankCard: f.BankCard!,
    ...(f.IdentifyNum !== undefined && { idNumber: f.IdentifyNum }),
    ...(f.Mobile !== undefined && { phone: f.Mobile }),
    certType,
  };
};

const phone = (params: Params): Command | Refusal => {
  const f = take(params, ['UserName', 'IdentifyNum', 'Mobile']);
  if (isRefused(f)) return f;
  return { kind: 'phone.verify', name: f.UserName!, idNumber: f.IdentifyNum!, phone: f.Mobile! };
};

/** ParamType belongs to the information checks (see the module comment). */
const plain =
  (build: (params: Params, parsed: CloudauthRequest) => Command | Refusal) =>
  (params: Params, parsed: CloudauthRequest): Command | Refusal => {
    const paramType = params.get('ParamType');
    if (paramType !== undefined && paramType !== '' && paramType !== 'normal') {
      return invalid('ParamType');
    }
    return build(params, parsed);
  };

const BUILD: Record<Family, (params: Params, parsed: CloudauthRequest) => Command | Refusal> = {
  id2: plain((params, parsed) => identity(params, parsed.served.period === true)),
  bank: plain(bankCard),
  mobileSimple: plain(phone),
  mobileDetail: plain(phone),
  compare: (params) => faceCommand('compare', params),
  detect: (params) => faceCommand('detect', params),
  faceFlow: (params, parsed) =>
    faceCommand(parsed.served.liveness ? 'liveness' : 'contrast', params),
  materials: (params) => materialsCommand('verify', params),
  materialsResult: (params) => materialsCommand('result', params),
};

/** Dialect step 3 (see the module comment; the face actions are face-map.ts's). */
export const toCommand = (parsed: CloudauthRequest): Command | Refusal =>
  BUILD[parsed.served.family](parsed.params, parsed);
