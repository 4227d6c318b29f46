/**
 * The ID-card actions' `Config` (spec tencent.md §1.3; SDK 4.1.313 typings): a JSON *string* of
 * booleans, all false by default — `CopyWarn`, `BorderCheckWarn`, `ReshootWarn`, `DetectPsWarn`,
 * `TempIdWarn`, `Quality` — and the `Warnings` codes the facts honestly support.
 *
 * What shiming can tell from a photo, and so the only warnings it raises:
 * - `-9101` incomplete border: the card runs off the photo (the reader's `card_cut_off`);
 * - `-8001` blur: the reader refused the photo as blurred, or its quality is below 50;
 * - `-9108` black-and-white copy (IdCardOCRVerification; CheckIdCardInformation lists only the
 *   general `-9102`): the core found no colour on the card (`black_and_white_copy`);
 * - `-9102` / `-9103` copy / recapture: when the core says the card is not an original (and
 *   `-9102` for a black-and-white copy on CheckIdCardInformation);
 * - `-9107` glare, `-9109` invalid validity date (IdCardOCRVerification, always on): the reader's
 *   glare refusal and its date warnings.
 * The engine detects no occlusion (-9105), temporary card (-9104) or retouching (-9106).
 * A refused photo (cut off, blurred, glare) is an Error on IdCardOCRVerification, which has no
 * Warnings field then: there only -9108 (and -8001 below quality 50) can show.
 *
 * @example
 *   parseIdCardConfig('{"BorderCheckWarn":true}') // → { BorderCheckWarn: true }
 *   parseIdCardConfig('{oops')                   // → undefined (refused as InvalidParameterValue)
 */
import type { Outcome } from '../../core/outcomes.ts';
import { type Params, read } from './params.ts';

export const CONFIG_FLAGS = [
  'CopyWarn',
  'BorderCheckWarn',
  'ReshootWarn',
  'DetectPsWarn',
  'TempIdWarn',
  'Quality',
] as const;
export type ConfigFlag = (typeof CONFIG_FLAGS)[number];
export type IdCardConfig = Readonly<Partial<Record<ConfigFlag, boolean>>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fromJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The options of a `Config` value: a JSON object text as the SDK sends it, or the object itself
 * (the API Explorer's form). Unknown keys are ignored; a known key that is not a boolean, or text
 * that is not a JSON object, is undefined (an invalid parameter). Absent is no option.
 */
export const parseIdCardConfig = (value: unknown): IdCardConfig | undefined => {
  if (value === undefined || value === null || value === '') return {};
  const object = typeof value === 'string' ? fromJson(value) : value;
  if (!isRecord(object)) return undefined;
  const config: Partial<Record<ConfigFlag, boolean>> = {};
  for (const flag of CONFIG_FLAGS) {
    const option = object[flag];
    if (option === undefined || option === null) continue;
    if (typeof option !== 'boolean') return undefined;
    config[flag] = option;
  }
  return config;
};

/** The request's options; an invalid Config never reaches rendering (request-map refuses it). */
export const configOf = (params: Params): IdCardConfig =>
  parseIdCardConfig(read(params, 'Config')) ?? {};

/** The reader's quality on Tencent's 0–100 scale, or undefined when no card was read. */
export const qualityOf = (o: Outcome): number | undefined => {
  const quality = o.facts?.idCard?.quality;
  return quality === undefined ? undefined : Math.round(quality * 100);
};

/** "低于50分会触发模糊告警" (typings). */
export const BLUR_THRESHOLD = 50;

type Check = (o: Outcome, config: IdCardConfig) => boolean;

const problem = (o: Outcome, name: string): boolean => o.facts?.cardProblem === name;
const blurred: Check = (o) => problem(o, 'blurred') || (qualityOf(o) ?? 100) < BLUR_THRESHOLD;
const flagged = (o: Outcome, ...codes: string[]): boolean =>
  (o.facts?.idCard?.warnings ?? []).some((w) => codes.includes(w));
/** The core's colour check (src/core/idcard-check.ts MONOCHROME_COPY). */
const MONOCHROME = 'black_and_white_copy';
const notOriginal: Check = (o) => o.code === 'card_not_original';
const copied: Check = (o) => notOriginal(o, {}) || flagged(o, MONOCHROME);

/** A warning code, the Config option that turns it on (none: always on) and its evidence. */
interface Warning {
  code: string;
  option?: ConfigFlag;
  raised: Check;
}

/** CheckIdCardInformation: configured warnings stop the comparison (OcrWarningOccurred). */
const CHECK_WARNINGS: readonly Warning[] = [
  { code: '-9101', option: 'BorderCheckWarn', raised: (o) => problem(o, 'card_cut_off') },
  { code: '-9102', option: 'CopyWarn', raised: copied },
  { code: '-9103', option: 'ReshootWarn', raised: notOriginal },
  { code: '-8001', option: 'Quality', raised: blurred },
];

/** IdCardOCRVerification: warnings are information next to the Result. */
const OCR_WARNINGS: readonly Warning[] = [
  { code: '-9101', option: 'BorderCheckWarn', raised: (o) => problem(o, 'card_cut_off') },
  { code: '-9102', option: 'CopyWarn', raised: notOriginal },
  { code: '-9103', option: 'ReshootWarn', raised: notOriginal },
  { code: '-9107', raised: (o) => problem(o, 'glare') },
  { code: '-9108', option: 'CopyWarn', raised: (o) => flagged(o, MONOCHROME) },
  { code: '-9109', raised: (o) => flagged(o, 'expired', 'validity_malformed') },
  { code: '-8001', option: 'Quality', raised: blurred },
];

const fired = (warnings: readonly Warning[], o: Outcome, config: IdCardConfig): string[] =>
  warnings
    .filter((w) => (w.option === undefined || config[w.option] === true) && w.raised(o, config))
    .map((w) => w.code);

/** The Warnings codes an outcome raises under a Config, in the documented order. */
export const warningsFor = (
  action: 'IdCardOCRVerification' | 'CheckIdCardInformation',
  o: Outcome,
  config: IdCardConfig,
): string[] =>
  fired(action === 'CheckIdCardInformation' ? CHECK_WARNINGS : OCR_WARNINGS, o, config);
