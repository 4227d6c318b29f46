/**
 * The bodies of the legacy real-person answers (spec aliyun.md §5.1, §9.1; seed 004), filled
 * from the outcome's facts (`facts.materials`: the task as the core stored it).
 *
 * - VerifyMaterial: `{RequestId, VerifyToken, VerifyStatus, AuthorityComparisionScore,
 *   AuthorityComparisonScore, IdCardFaceComparisonScore, Material}` and no Code (§9.1). The
 *   authority score goes under both spellings: the live API's `Comparision` (the SDKs read it)
 *   and seed 004's `Comparison`.
 * - VerifyMaterials (seed 004's name): the same fields inside `Data`, next to `Success: true` and
 *   `Code: "200"`, as the seed's example shows.
 * - DescribeVerifyResult: `{RequestId, VerifyStatus, AuthorityComparisionScore,
 *   IdCardFaceComparisonScore, Material}`; VerifyStatus -1 alone when there is no result.
 *
 * Scores are on the 'alibaba' 0–100 scale (95/90/80/60 at FAR 1e-5/1e-4/1e-3/1e-2) with 2
 * decimals, and absent when the comparison did not run (a failure before it, or no card photo).
 * `Material` echoes the submitted name, number and image addresses and carries the card's OCR in
 * `IdCardInfo`. Dates are `yyyymmdd` as the metadata says (§5.1), `yyyy-MM-dd` in the seed's
 * shape; a long-term card's end date is `长期`. Not provided, so absent: FaceGlobalUrl,
 * FaceMask, FaceQuality, VideoUrls, FaceComparisonScore (no retained photo exists here).
 *
 * @example
 *   materialsBody(status(1), parsed, facts, requestId) // → { RequestId, VerifyToken: '…', VerifyStatus: 1, … }
 */
import type { FaceScore, IdCardFacts, MaterialsFacts, OutcomeFacts } from '../../core/outcomes.ts';
import { toScale } from '../face-scores.ts';
import { certifyId } from './face-render.ts';
import type { CloudauthRequest } from './framing.ts';
import type { XmlObject } from './xml.ts';

type Submitted = Partial<MaterialsFacts['submitted']>;
type DateStyle = 'compact' | 'dashed';

interface Task {
  verifyToken: string;
  authorityScore?: FaceScore;
  cardScore?: FaceScore;
  idCard?: IdCardFacts;
  submitted: Submitted;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const score = (s: FaceScore | undefined): number | undefined =>
  s && !Number.isNaN(s.far) ? round2(toScale(s.far, 'alibaba')) : undefined;

/** What the request itself says (the core's stored copy wins when the outcome carries one). */
const submittedOf = (params: ReadonlyMap<string, string>): Submitted => ({
  name: params.get('Name'),
  idNumber: params.get('IdCardNumber'),
  faceUrl: params.get('FaceImageUrl'),
  frontUrl: params.get('IdCardFrontImageUrl') || undefined,
  backUrl: params.get('IdCardBackImageUrl') || undefined,
});

/** Without a stored task, a face comparison's score belongs to the side it was made against. */
const taskOf = (facts: OutcomeFacts, parsed: CloudauthRequest, requestId: string): Task => {
  const stored = facts.materials;
  if (stored) return stored;
  const onCard = facts.against === 'card';
  return {
    verifyToken: certifyId(requestId),
    ...(facts.face && (onCard ? { cardScore: facts.face } : { authorityScore: facts.face })),
    ...(facts.idCard && { idCard: facts.idCard }),
    submitted: submittedOf(parsed.params),
  };
};

/** `YYYY-MM-DD` / `YYYYMMDD` in the style asked; anything else (长期) as it is. */
export const cardDate = (value: string | undefined, style: DateStyle): string | undefined => {
  const m = value ? /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value) : null;
  if (!m) return value;
  return style === 'compact' ? `${m[1]}${m[2]}${m[3]}` : `${m[1]}-${m[2]}-${m[3]}`;
};

const cardInfo = (task: Task, style: DateStyle): XmlObject | undefined => {
  const { frontUrl, backUrl } = task.submitted;
  const card = task.idCard;
  if (!frontUrl && !backUrl && !card) return undefined;
  return {
    FrontImageUrl: frontUrl,
    BackImageUrl: backUrl,
    Name: card?.name,
    Number: card?.idNumber,
    Sex: card?.sex,
    Nationality: card?.nation,
    Address: card?.address,
    Birth: cardDate(card?.birthDate, style),
    StartDate: cardDate(card?.validFrom, style),
    EndDate: cardDate(card?.validTo, style),
    Authority: card?.authority,
  };
};

const material = (task: Task, style: DateStyle): XmlObject | undefined => {
  const { name, idNumber, faceUrl } = task.submitted;
  const IdCardInfo = cardInfo(task, style);
  if (!name && !idNumber && !faceUrl && !IdCardInfo) return undefined;
  return { FaceImageUrl: faceUrl, IdCardName: name, IdCardNumber: idNumber, IdCardInfo };
};

/** VerifyMaterial / VerifyMaterials: the verdict of this submission. */
const submitted = (task: Task, verifyStatus: number, style: DateStyle): XmlObject => {
  const authority = score(task.authorityScore);
  return {
    VerifyToken: task.verifyToken,
    VerifyStatus: verifyStatus,
    AuthorityComparisionScore: authority,
    AuthorityComparisonScore: authority,
    IdCardFaceComparisonScore: score(task.cardScore),
    Material: material(task, style),
  };
};

/** DescribeVerifyResult: the stored task, or VerifyStatus -1 alone. */
const described = (facts: OutcomeFacts, verifyStatus: number): XmlObject => {
  const stored = facts.materials;
  if (!stored) return { VerifyStatus: verifyStatus };
  return {
    VerifyStatus: verifyStatus,
    AuthorityComparisionScore: score(stored.authorityScore),
    IdCardFaceComparisonScore: score(stored.cardScore),
    Material: material(stored, 'compact'),
  };
};

/** The whole body of a legacy real-person verdict (see the module comment). */
export const materialsBody = (
  verifyStatus: number,
  parsed: CloudauthRequest,
  facts: OutcomeFacts,
  requestId: string,
): XmlObject => {
  const head = { RequestId: requestId };
  if (parsed.served.family === 'materialsResult') {
    return { ...head, ...described(facts, verifyStatus) };
  }
  const task = taskOf(facts, parsed, requestId);
  if (!parsed.served.seedShape) return { ...head, ...submitted(task, verifyStatus, 'compact') };
  const Data = submitted(task, verifyStatus, 'dashed');
  return { ...head, Data, Success: true, Code: '200' };
};
