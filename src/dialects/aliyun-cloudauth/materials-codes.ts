/**
 * The legacy real-person actions' part of the code table (codes.ts asks here first): VerifyMaterial
 * (also under seed 004's name VerifyMaterials) and DescribeVerifyResult (spec aliyun.md §4.1,
 * §4.4, §5.1, §9.1). A verdict is HTTP 200 with `VerifyStatus`; everything else is an HTTP error
 * with the RPC error envelope, since the legacy body has no Code for a business failure.
 *
 * VerifyStatus follows seed 004's table, which the spec's metadata table (§4.1) numbers
 * differently at the end: the seed's 12 (no usable authority portrait) and 13 (authority error)
 * are the metadata's 11 and 12. shiming answers the seed's numbers under every action name.
 *
 * Name + ID number checks: VerifyMaterial (metadata) reports them as the verdict VerifyStatus 2
 * ("实名校验不通过"); VerifyMaterials reports them as seed 004's error codes 3101 (name and
 * number disagree) and 3102 (no such person), HTTP 400. An invalid ID number is 3103 under both
 * names (the only code any document gives it; nothing was verified, so it is no verdict).
 *
 * Photos the core cannot use (no face, several, poor quality, not an image, too large, not
 * downloadable) are the action's documented 400 `InvalidParam.MaterialsNotValid`, saying why.
 *
 * @example
 *   materialsCodeFor(outcome('card_expired'), { family: 'materials', facts }, rule) // → status 5
 */
import type { MaterialsFacts, Outcome, OutcomeCode, OutcomeFacts } from '../../core/outcomes.ts';
import { MATERIALS_FAMILIES } from './actions.ts';
import { type CodeView, gateway, INTERNAL_ERROR, status, type WireCode } from './wire-codes.ts';

type Rule = (v: CodeView) => WireCode;
type Table = Readonly<Partial<Record<OutcomeCode, Rule>>>;

/** VerifyStatus values, seed 004 "认证状态说明" (-1: no result yet, spec §4.1). */
export const VERIFY_STATUS = {
  noResult: -1,
  passed: 1,
  identity: 2,
  cardName: 3,
  cardNumber: 4,
  cardExpired: 5,
  faceVsCard: 6,
  faceVsAuthority: 7,
  cardNotOriginal: 8,
  notAccountHolder: 9,
  notThePerson: 10,
  noPortrait: 12,
  authorityError: 13,
} as const;

const S = VERIFY_STATUS;

/** Retake reasons about the card photo as a whole ("未提交有效身份证照片", 8), not its text. */
const NO_VALID_PHOTO: ReadonlySet<string> = new Set([
  'card_not_found',
  'card_cut_off',
  'card_too_small',
  'wrong_side',
]);

/**
 * An unreadable card: 8 when the photo shows no usable card, or when its text was read but the
 * card still failed (its portrait holds no usable face); otherwise 3 ("fonts unreadable", the
 * name) unless the name was read and the number was not (4).
 */
const unreadable = (facts: OutcomeFacts): number => {
  if (facts.cardProblem && NO_VALID_PHOTO.has(facts.cardProblem)) return S.cardNotOriginal;
  const card = facts.idCard ?? facts.materials?.idCard;
  if (card?.name && card.idNumber && facts.cardProblem === 'unreadable') return S.cardNotOriginal;
  return card?.name && !card.idNumber ? S.cardNumber : S.cardName;
};

const faceMismatch = (facts: OutcomeFacts): number =>
  facts.against === 'card' ? S.faceVsCard : S.faceVsAuthority;

/** The VerifyStatus of a verdict, or undefined when the outcome is not a verdict. */
export const verifyStatusOf = (code: OutcomeCode, facts: OutcomeFacts): number | undefined => {
  switch (code) {
    case 'match':
      return S.passed;
    case 'mismatch':
      return facts.mismatch === 'face' ? faceMismatch(facts) : S.identity;
    case 'not_found':
      return S.identity;
    case 'card_unreadable':
      return unreadable(facts);
    case 'card_mismatch':
      return facts.mismatch === 'id_number' ? S.cardNumber : S.cardName;
    case 'card_expired':
      return S.cardExpired;
    case 'card_not_original':
      return S.cardNotOriginal;
    // A photo of a photo or a screen is someone other than the person acting ("非本人操作").
    case 'risk_rejected':
      return facts.risk === 'different_person' ? S.notThePerson : S.notAccountHolder;
    case 'liveness_failed':
      return S.notThePerson;
    case 'no_portrait':
      return S.noPortrait;
    case 'authority_unavailable':
    case 'authority_upgrading':
      return S.authorityError;
    default:
      return undefined;
  }
};

/**
 * The facts a stored task implies when the result outcome carries only `facts.materials`: which
 * comparison failed follows from the scores (the worse one), and the card read is the stored one.
 */
const storedFacts = (m: MaterialsFacts): OutcomeFacts => {
  const { authorityScore: authority, cardScore: card } = m;
  const compared = authority !== undefined || card !== undefined;
  const cardWorse = card !== undefined && (authority === undefined || card.far > authority.far);
  return {
    ...(m.idCard && { idCard: m.idCard }),
    ...(compared && { mismatch: 'face' as const, against: cardWorse ? 'card' : 'authority' }),
  };
};

/**
 * DescribeVerifyResult's VerifyStatus: the stored task's, with the outcome's own facts when the
 * outcome is the stored one. A task that ended without a verdict (its photos were unusable, the
 * attempt limit…) was never verified: -1, as for no task at all (§4.1).
 */
export const storedStatus = (o: Outcome): number => {
  const facts = o.facts ?? {};
  const stored = facts.materials;
  if (!stored) return verifyStatusOf(o.code, facts) ?? S.noResult;
  const own = stored.status === o.code ? facts : storedFacts(stored);
  return verifyStatusOf(stored.status, own) ?? S.noResult;
};

const MATERIALS_NOT_VALID = (why: string): WireCode =>
  gateway(400, 'InvalidParam.MaterialsNotValid', `The param materials is not valid: ${why}.`);

const seedError = (code: string, message: string): WireCode => gateway(400, code, message);
const IDENTITY_INVALID = seedError('3103', 'identity number invalid.');

const QUALITY_WHY = 'the face in FaceImageUrl is not good enough to compare';

/** Refusals and platform codes both legacy actions share (the verdicts are per action). */
const COMMON: Table = {
  invalid_id_number: () => IDENTITY_INVALID,
  unsupported_cert_type: () => IDENTITY_INVALID,
  no_face: () => MATERIALS_NOT_VALID('no face was found in FaceImageUrl'),
  several_faces: () => MATERIALS_NOT_VALID('FaceImageUrl shows more than one face'),
  poor_quality: (v) =>
    MATERIALS_NOT_VALID(v.facts.quality ? `${QUALITY_WHY} (${v.facts.quality})` : QUALITY_WHY),
  image_invalid: () => MATERIALS_NOT_VALID('an image cannot be decoded'),
  image_too_large: () => MATERIALS_NOT_VALID('an image is too large'),
  image_unavailable: () =>
    MATERIALS_NOT_VALID('an image cannot be downloaded (http(s):// addresses are read)'),
  // No documented code: the action's second metadata error (HTTP 401), saying what happened.
  attempt_limit: () =>
    gateway(
      401,
      'Error.InternalError',
      'Too many verification attempts for this identity today; retry tomorrow.',
    ),
  // Alibaba names a missing resource `Invalid<Thing>.NotFound` with HTTP 404.
  unknown_biz_type: () =>
    gateway(404, 'InvalidBizType.NotFound', 'Specified BizType is not found.'),
  // The legacy "duplicate task id" code; the message says what it means here.
  already_passed: () =>
    gateway(
      400,
      'Error.DuplicatedTicketId',
      'The task (BizType + BizId) has already passed; start a new task with a new BizId.',
    ),
  // As on CompareFaces / DetectFaceAttributes: the refusal of a caller the service will not serve.
  quota_exhausted: () =>
    gateway(
      403,
      'Error.NoPermissionAccess',
      'No permission to access our service: the application has used up its quota.',
    ),
  missing_parameter: (v) =>
    gateway(
      400,
      'MissingParameter',
      `The input parameter "${v.facts.parameter ?? 'Unknown'}" that is mandatory for processing this request is not supplied.`,
    ),
  invalid_parameter: (v) =>
    gateway(
      400,
      'InvalidParameter',
      `The specified parameter "${v.facts.parameter ?? 'Unknown'}" is not valid.`,
    ),
  invalid_name: () =>
    gateway(400, 'InvalidParameter', 'The specified parameter "Name" is not valid.'),
};

/** VerifyMaterials (seed 004): name + ID number failures are its 3101 / 3102 errors. */
const seedIdentity = (o: Outcome): WireCode | undefined => {
  if (o.code === 'not_found') return seedError('3102', 'identity number not exist.');
  if (o.code === 'mismatch' && o.facts?.mismatch !== 'face') {
    return seedError('3101', 'name not match with identity number.');
  }
  return undefined;
};

const submitCode = (o: Outcome, v: CodeView): WireCode | undefined => {
  const seed = v.seedShape ? seedIdentity(o) : undefined;
  if (seed) return seed;
  const verdict = verifyStatusOf(o.code, v.facts);
  return verdict === undefined ? COMMON[o.code]?.(v) : status(verdict);
};

const resultCode = (o: Outcome, v: CodeView): WireCode | undefined => {
  if (o.code === 'no_result' || o.facts?.materials) return status(storedStatus(o));
  const verdict = verifyStatusOf(o.code, v.facts);
  return verdict === undefined ? COMMON[o.code]?.(v) : status(verdict);
};

/**
 * The legacy actions' code, or undefined for other actions. Outcomes neither table names take the
 * generic rule when it is an HTTP error (platform errors); the rest is the generic InternalError.
 */
export const materialsCodeFor = (o: Outcome, v: CodeView, generic: Rule): WireCode | undefined => {
  if (!v.family || !MATERIALS_FAMILIES.has(v.family)) return undefined;
  const own = v.family === 'materials' ? submitCode(o, v) : resultCode(o, v);
  if (own) return own;
  const code = generic(v);
  return code.kind === 'gateway' ? code : INTERNAL_ERROR;
};
