/**
 * Server-side materials verification: a selfie, name + ID number and optionally both sides of
 * the ID card, checked against the authority and against each other; the result is stored under
 * BizType + BizId, and a task may be resubmitted until it passes (seed 004, VerifyMaterials).
 *
 * The steps run in this order and the first that fails is the answer:
 *   0. the services the request needs are loaded (face engine; ID-card reader when a card side
 *      is given; the store)                                → service_unavailable
 *   1. the BizType exists                                  → unknown_biz_type
 *   2. the task has not already passed                     → already_passed (the stored pass)
 *   3. the ID number, then the name, are valid             → invalid_id_number / invalid_name
 *   4. the authority holds the person and the name matches → not_found / mismatch {name} /
 *                                 authority_unavailable / authority_upgrading / attempt_limit
 *   5. front side (when given): readable                   → card_unreadable {cardProblem}
 *      its name, then its number, are the submitted ones   → card_mismatch {name | id_number}
 *      the card shows colour (card-colour.ts)              → card_not_original
 *   6. back side (when given): readable, not expired       → card_unreadable / card_expired
 *   7. the selfie: one clear face, live (liveness on)      → no_face, poor_quality,
 *                                                 liveness_failed, image_* …
 *   8. selfie vs the card portrait (front given)           → mismatch {face, against: card}
 *   9. selfie vs the authority portrait                    → mismatch {face, against: authority}
 *                                                            / no_portrait {portraitProblem}
 *  10. risk rules (the sandbox's risk personas)            → risk_rejected {risk}
 *  → match.
 *
 * Every answer carries `facts.materials` (a new verify token per submission, the status, the
 * scores and what was read); from step 3 on it is stored, sealed, before the answer returns
 * (`materials.result` reads it back). Images are not kept unless the operator turns retention
 * on (`retainImagesDays` > 0): then the photos of each stored submission (selfie, front, back,
 * as loaded) are stored too, sealed, replacing the task's earlier ones, until they are purged
 * that many days later. The card portrait crop is never stored, and no image is ever echoed:
 * only the URLs the caller gave.
 */
import { randomBytes } from 'node:crypto';
import type { PersonRecord } from '../authorities/authority.ts';
import type { FaceAnalysis } from '../engines/face/index.ts';
import type { IdCardReader } from '../engines/idcard/index.ts';
import type {
  BizTypeStore,
  MaterialsImages,
  MaterialsRecord,
  MaterialsStore,
} from '../store/store.ts';
import type { DescribeMaterials, ImageInput, VerifyMaterials } from './commands.ts';
import {
  analyzeBytes,
  analyzePhoto,
  compareWithPortrait,
  findNamedPerson,
  verdict,
} from './face-check.ts';
import {
  type CardRead,
  type IdCardDeps,
  idCardFacts,
  MONOCHROME_COPY,
  readCard,
} from './idcard-check.ts';
import { loadImage } from './images.ts';
import { checkName } from './inputs.ts';
import { type IdCardFacts, type MaterialsFacts, type Outcome, outcome } from './outcomes.ts';

export interface MaterialsDeps extends IdCardDeps {
  /** Undefined only in cores built without a store (unit tests): materials commands then fail cleanly. */
  bizTypes?: BizTypeStore;
  materials?: MaterialsStore;
  /** Days a stored submission's photos are kept (sealed); 0 or undefined: never kept. */
  retainImagesDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the checks found on the way, reported whatever the outcome. */
type Found = Partial<Pick<MaterialsFacts, 'idCard' | 'cardScore' | 'authorityScore'>>;

const urlOf = (image: ImageInput | undefined): string | undefined =>
  image && 'url' in image ? image.url : undefined;

const submittedOf = (cmd: VerifyMaterials): MaterialsFacts['submitted'] => {
  const urls = { faceUrl: urlOf(cmd.face), frontUrl: urlOf(cmd.front), backUrl: urlOf(cmd.back) };
  const given = Object.entries(urls).filter(([, url]) => url !== undefined);
  return { name: cmd.name, idNumber: cmd.idNumber, ...Object.fromEntries(given) };
};

const unavailable = (cmd: VerifyMaterials, deps: MaterialsDeps): boolean =>
  !deps.bizTypes || !deps.materials || !deps.faces || (!deps.cards && !!(cmd.front || cmd.back));

/** Step 5: the portrait side shows the submitted person, on an original card. */
const frontProblem = (
  front: CardRead<'front'> | undefined,
  person: PersonRecord,
  idCard: IdCardFacts | undefined,
): Outcome | undefined => {
  if (!front) return undefined;
  if (!front.ok) return front.outcome;
  const { name, idNumber } = front.result.fields;
  if (!name || !idNumber) return outcome('card_unreadable', { cardProblem: 'unreadable' });
  const read = checkName(name);
  if ((read.ok ? read.value : name) !== person.name) {
    return outcome('card_mismatch', { mismatch: 'name' });
  }
  if (idNumber.toUpperCase() !== person.idNumber.toUpperCase()) {
    return outcome('card_mismatch', { mismatch: 'id_number' });
  }
  if (idCard?.warnings.includes(MONOCHROME_COPY)) return outcome('card_not_original');
  return undefined;
};

/** Step 6: the emblem side is readable and the card has not expired (Asia/Shanghai today). */
const backProblem = (back: CardRead<'back'> | undefined, today: string): Outcome | undefined => {
  if (!back) return undefined;
  if (!back.ok) return back.outcome;
  const validTo = back.result.fields.validTo;
  if (!validTo) return outcome('card_unreadable', { cardProblem: 'unreadable' });
  return validTo !== '长期' && validTo < today ? outcome('card_expired') : undefined;
};

/** Steps 8 and 9: the selfie against the card portrait, then against the authority's. */
const faceProblem = async (
  selfie: FaceAnalysis,
  front: CardRead<'front'> | undefined,
  person: PersonRecord,
  deps: MaterialsDeps,
  found: Found,
): Promise<Outcome | undefined> => {
  if (front?.ok) {
    const card = await analyzeBytes(front.result.portrait.image, deps, 'portrait');
    // A card whose portrait holds no usable face is a card photo to take again.
    if (!card.ok) return outcome('card_unreadable', { cardProblem: 'unreadable' });
    found.cardScore = deps.faces!.compare(selfie, card.analysis);
    const compared = verdict(found.cardScore, deps);
    if (compared.code !== 'match')
      return outcome(compared.code, { ...compared.facts, against: 'card' });
  }
  const authority = compareWithPortrait(person, selfie, deps);
  if (authority.facts?.face) found.authorityScore = authority.facts.face;
  if (authority.code === 'mismatch') {
    return outcome('mismatch', { ...authority.facts, against: 'authority' });
  }
  return authority.code === 'match' ? undefined : authority;
};

/** The card reader, noting in `loaded` the bytes of each side it is given. */
const notingCards = (
  cards: IdCardReader | undefined,
  loaded: MaterialsImages,
): IdCardReader | undefined =>
  cards && {
    readFront: (image: Uint8Array) => {
      loaded.front = image;
      return cards.readFront(image);
    },
    readBack: (image: Uint8Array) => {
      loaded.back = image;
      return cards.readBack(image);
    },
    close: () => cards.close(),
  };

/** `analyzePhoto` of the selfie, noting its bytes in `loaded`. */
const analyzeSelfie = async (
  cmd: VerifyMaterials,
  deps: MaterialsDeps,
  loaded: MaterialsImages,
) => {
  if (!deps.faces) return analyzePhoto(cmd.face, deps, 'selfie', true);
  const image = await loadImage(cmd.face, deps.images);
  if (!image.ok) return image;
  loaded.face = image.bytes;
  return analyzeBytes(image.bytes, deps, 'selfie', true);
};

/** Steps 3 to 10, recording in `found` what was read and scored and in `loaded` the photos. */
const runChecks = async (
  cmd: VerifyMaterials,
  deps: MaterialsDeps,
  found: Found,
  loaded: MaterialsImages,
): Promise<Outcome> => {
  const person = await findNamedPerson(cmd.name, cmd.idNumber, deps);
  if (!person.ok) return person.outcome;
  const reading = { cards: notingCards(deps.cards, loaded), images: deps.images };
  // The slow reads run together; their results are then judged in the documented order.
  const [front, back, selfie] = await Promise.all([
    cmd.front ? readCard(cmd.front, 'front', reading) : undefined,
    cmd.back ? readCard(cmd.back, 'back', reading) : undefined,
    analyzeSelfie(cmd, deps, loaded),
  ]);
  if (front?.ok || back?.ok) found.idCard = await idCardFacts(front, back, { portrait: false });
  const early = frontProblem(front, person.value, found.idCard) ?? backProblem(back, deps.today());
  if (early) return early;
  if (!selfie.ok) return selfie.outcome;
  const face = await faceProblem(selfie.analysis, front, person.value, deps, found);
  if (face) return face;
  if (person.value.risk) return outcome('risk_rejected', { risk: person.value.risk });
  return outcome('match', found.authorityScore && { face: found.authorityScore });
};

const alreadyPassed = (task: MaterialsRecord): Outcome =>
  outcome('already_passed', { materials: task.outcome.facts?.materials });

export const verifyMaterials = async (
  cmd: VerifyMaterials,
  deps: MaterialsDeps,
): Promise<Outcome> => {
  const verifyToken = randomBytes(16).toString('hex');
  const submitted = submittedOf(cmd);
  const answer = (o: Outcome, found: Found = {}): Outcome => ({
    code: o.code,
    facts: { ...o.facts, materials: { verifyToken, status: o.code, ...found, submitted } },
  });
  if (unavailable(cmd, deps)) return answer(outcome('service_unavailable'));
  const [bizTypes, materials] = [deps.bizTypes!, deps.materials!];
  if (!(await bizTypes.exists(cmd.bizType))) return answer(outcome('unknown_biz_type'));
  const earlier = await materials.find(cmd.bizType, cmd.bizId);
  if (earlier?.outcome.code === 'match') return alreadyPassed(earlier);
  const [found, loaded]: [Found, MaterialsImages] = [{}, {}];
  const result = answer(await runChecks(cmd, deps, found, loaded), found);
  const task = { bizType: cmd.bizType, bizId: cmd.bizId, outcome: result, updatedAt: Date.now() };
  if (await materials.save(task)) {
    const days = deps.retainImagesDays ?? 0;
    if (days > 0) {
      const purgeAt = task.updatedAt + days * DAY_MS;
      await materials.retainImages(cmd.bizType, cmd.bizId, loaded, purgeAt);
    }
    return result;
  }
  // A concurrent submission of the same task passed first: the pass stands.
  const passed = await materials.find(cmd.bizType, cmd.bizId);
  return passed ? alreadyPassed(passed) : result;
};

/** The stored result of a task: the outcome it ended with, `facts.materials` included. */
export const describeMaterials = async (
  cmd: DescribeMaterials,
  deps: MaterialsDeps,
): Promise<Outcome> => {
  if (!deps.bizTypes || !deps.materials) return outcome('service_unavailable');
  if (!(await deps.bizTypes.exists(cmd.bizType))) return outcome('unknown_biz_type');
  const task = await deps.materials.find(cmd.bizType, cmd.bizId);
  return task ? task.outcome : outcome('no_result');
};
