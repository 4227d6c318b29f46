/**
 * The fields the two ID-card actions answer next to `Result` and `Description` (spec tencent.md
 * §1.3; SDK 4.1.313 typings; Tencent's published examples), filled from the card the core read
 * (`facts.idCard`):
 *
 * - IdCardOCRVerification: `Name`, `IdCard` (the elements checked: typed, or read from the
 *   photo), `Sex`, `Nation`, `Birth`, `Address` (the card's, "" when no photo was read, as the
 *   example with typed input shows), `Portrait` (base64 JPEG of the card's photo area),
 *   `Warnings`, `Quality`.
 * - CheckIdCardInformation: `Sim` ('tencent-v2' scale, 0 when no comparison counts), `Name`,
 *   `Sex`, `Nation`, `Birth`, `Address`, `IdNum`, `Portrait`, `Warnings`, `Quality`,
 *   `Encryption: null`.
 *
 * `Birth` is `YYYY/M/D` as in the examples ("1654/12/20", "1995/8/6"); `Warnings` the
 * `|`-joined codes of idcard-config.ts; `Quality` the reader's 0–1 quality × 100, null when no
 * card was read.
 *
 * @example
 *   idCardFields(parsed, outcome('match', { idCard }), 'Success') // → { Sim: 90, Name: '张三', …, Encryption: null }
 */
import type { IdCardFacts, Outcome } from '../../core/outcomes.ts';
import { simFor } from './face-results.ts';
import { configOf, qualityOf, warningsFor } from './idcard-config.ts';
import { type Params, read } from './params.ts';
import type { FaceIdParsed } from './parse.ts';

type Fields = Record<string, unknown>;

/** `YYYY-MM-DD` (or `YYYYMMDD`) → `YYYY/M/D`; "" when unknown. */
export const tencentBirth = (date: string | undefined): string => {
  const m = date ? /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date) : null;
  return m ? `${m[1]}/${Number(m[2])}/${Number(m[3])}` : '';
};

/** What the card says, "" for what was not read. */
const cardText = (card: IdCardFacts | undefined): Fields => ({
  Sex: card?.sex ?? '',
  Nation: card?.nation ?? '',
  Birth: tencentBirth(card?.birthDate),
  Address: card?.address ?? '',
});

const textOf = (params: Params, name: string): string => {
  const value = read(params, name);
  return typeof value === 'string' ? value : '';
};

/** Typed elements win (request-map.ts): then the card was not read and they are echoed. */
const typed = (params: Params): boolean =>
  textOf(params, 'IdCard') !== '' && textOf(params, 'Name') !== '';

const imageFields = (o: Outcome, action: FaceIdParsed['action'], params: Params): Fields => {
  const warnings = warningsFor(
    action as 'IdCardOCRVerification' | 'CheckIdCardInformation',
    o,
    configOf(params),
  );
  return {
    Portrait: o.facts?.idCard?.portrait ?? '',
    Warnings: warnings.join('|'),
    Quality: qualityOf(o) ?? null,
  };
};

const ocrVerification = (parsed: FaceIdParsed, o: Outcome): Fields => {
  const card = o.facts?.idCard;
  const byText = typed(parsed.params);
  return {
    Name: byText ? textOf(parsed.params, 'Name') : (card?.name ?? ''),
    IdCard: byText ? textOf(parsed.params, 'IdCard') : (card?.idNumber ?? ''),
    ...cardText(byText ? undefined : card),
    ...(byText
      ? { Portrait: '', Warnings: '', Quality: null }
      : imageFields(o, parsed.action, parsed.params)),
  };
};

const cardCheck = (parsed: FaceIdParsed, o: Outcome, code: string): Fields => {
  const card = o.facts?.idCard;
  // "当在Config中配置了告警信息会停止人像比对": a warning leaves no comparison to report.
  const sim = code === 'FailedOperation.OcrWarningOccurred' ? 0 : simFor(o, 'tencent-v2');
  return {
    Sim: sim,
    Name: card?.name ?? '',
    ...cardText(card),
    IdNum: card?.idNumber ?? '',
    ...imageFields(o, parsed.action, parsed.params),
    Encryption: null,
  };
};

/** The ID-card actions' fields besides Result and Description (see the module comment). */
export const idCardFields = (parsed: FaceIdParsed, o: Outcome, code: string): Fields =>
  parsed.action === 'CheckIdCardInformation'
    ? cardCheck(parsed, o, code)
    : ocrVerification(parsed, o);
