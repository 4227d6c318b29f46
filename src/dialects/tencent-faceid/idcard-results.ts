/**
 * The Result tables of the two ID-card actions (spec tencent.md §1.3; SDK 4.1.313 typings).
 *
 * IdCardOCRVerification answers IdCardVerification's codes ("0" … "-7") for the name and ID
 * number it checked — typed, or read from the card photo. A photo that cannot be read has no
 * Result of its own: it is an Error (`FailedOperation.OcrFailed`, `ImageNoIdCard`, `ImageBlur`,
 * codes.ts), like any request the service could not act on.
 *
 * CheckIdCardInformation reads the card and compares its portrait with the authority's: "Success"
 * or a `FailedOperation.*` Result next to `Sim` on the 'tencent-v2' scale with the fixed
 * threshold 70 (FAR 1e-4), as ImageRecognitionV2 (face-results.ts). A photo that cannot be read is
 * a Result too (the typings: "错误情况请参考下方错误码列表中FailedOperation部分"): `ImageNoIdCard`
 * when there is no card (or only its back), `ImageBlur` when it is blurred, `OcrFailed`
 * otherwise. When a warning the caller switched on in `Config` fires, the Result is
 * `OcrWarningOccurred` and the comparison does not count (idcard-config.ts).
 *
 * @example
 *   resultCode('CheckIdCardInformation', outcome('card_unreadable', { cardProblem: 'blurred' }), {}) // → 'FailedOperation.ImageBlur'
 */
import type { Outcome, OutcomeCode } from '../../core/outcomes.ts';
import {
  COMPARISON_RESULTS,
  compared,
  IMAGE_DOCUMENTED,
  portraitRefined,
  simFor,
  V2_THRESHOLD,
} from './face-results.ts';
import { configOf, warningsFor } from './idcard-config.ts';
import type { Params } from './params.ts';
import { IDENTITY, type ResultTable } from './results.ts';

const F = 'FailedOperation.';

export const ID_CARD_OCR: ResultTable = {
  documented: IDENTITY.documented,
  byOutcome: IDENTITY.byOutcome,
};

/** Retake reasons that mean "no card in this photo" (the back is not the portrait side). */
const NO_CARD: ReadonlySet<string> = new Set(['card_not_found', 'wrong_side']);

/** A card photo that could not be read, as a FailedOperation code (Result or Error). */
export const unreadableCode = (o: Outcome): string => {
  const reason = o.facts?.cardProblem ?? '';
  if (NO_CARD.has(reason)) return `${F}ImageNoIdCard`;
  return reason === 'blurred' ? `${F}ImageBlur` : `${F}OcrFailed`;
};

// A card portrait is never held to liveness (only selfies are), so that Result is not documented.
const { liveness_failed: _selfieOnly, ...PORTRAIT_RESULTS } = COMPARISON_RESULTS;

/** The card's portrait is the photo compared, so the photo-comparison Results apply, plus OCR's. */
const BY_OUTCOME: Readonly<Partial<Record<OutcomeCode, string>>> = {
  ...PORTRAIT_RESULTS,
  card_unreadable: `${F}OcrFailed`,
  // A copy or a screen (CopyWarn / ReshootWarn): the documented way to refuse one.
  card_not_original: `${F}OcrWarningOccurred`,
};

/** Warnings first (they stop the comparison), then the comparison, then the finer codes. */
const refineCheck = (o: Outcome, params: Params, code: string): string => {
  if (warningsFor('CheckIdCardInformation', o, configOf(params)).length > 0) {
    return `${F}OcrWarningOccurred`;
  }
  if (compared(o)) {
    return simFor(o, 'tencent-v2') >= V2_THRESHOLD ? 'Success' : `${F}CompareLowSimilarity`;
  }
  if (o.code === 'card_unreadable') return unreadableCode(o);
  return portraitRefined(o, code);
};

/** The photo actions' Results but liveness (a card is not held to it), plus the OCR ones. */
const { [`${F}LifePhotoDetectFake`]: _liveness, ...CARD_PHOTO_DOCUMENTED } = IMAGE_DOCUMENTED;

export const CHECK_ID_CARD: ResultTable = {
  documented: {
    ...CARD_PHOTO_DOCUMENTED,
    [`${F}OcrFailed`]: 'OCR识别失败',
    [`${F}ImageNoIdCard`]: '图片中未检测到身份证',
    [`${F}ImageBlur`]: '图片模糊',
    [`${F}OcrWarningOccurred`]: '出现OCR告警',
  },
  byOutcome: BY_OUTCOME,
  refine: refineCheck,
};
