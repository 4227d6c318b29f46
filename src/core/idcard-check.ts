/**
 * ID-card commands: name + ID number whose elements may come from a photo of the card's portrait
 * side (`idcard.verify`), and the card's portrait against the authority's (`idcard.check`).
 * The reader refuses photos it cannot read reliably (a typed retake, here `card_unreadable`);
 * every outcome after a successful read carries what it read (`facts.idCard`).
 */
import type { PersonRecord } from '../authorities/authority.ts';
import type {
  BackResult,
  CardSide,
  FrontResult,
  IdCardReader,
  Retake,
} from '../engines/idcard/index.ts';
import { isMonochromeCopy } from './card-colour.ts';
import type { CheckIdCard, ImageInput, VerifyIdCard } from './commands.ts';
import { analyzeBytes, compareWithPortrait, type FaceDeps, findNamedPerson } from './face-check.ts';
import { type IdentityDeps, verifyIdentity } from './identity-check.ts';
import { loadImage } from './images.ts';
import { type CardProblem, type IdCardFacts, type Outcome, outcome } from './outcomes.ts';

export interface IdCardDeps extends FaceDeps, IdentityDeps {
  /** Undefined when the server runs without the ID-card reader: card commands fail cleanly. */
  cards?: IdCardReader;
}

/** The warning added to `IdCardFacts.warnings` when the card shows no colour (card-colour.ts). */
export const MONOCHROME_COPY = 'black_and_white_copy';

type Side<S extends CardSide> = S extends 'front' ? FrontResult : BackResult;

export type CardRead<S extends CardSide> =
  | { ok: true; result: Side<S>; bytes: Buffer }
  | { ok: false; outcome: Outcome };

const retakeOutcome = (retake: Retake): Outcome => {
  const reason = retake.reason;
  if (reason === 'image_invalid' || reason === 'image_too_large') return outcome(reason);
  return outcome('card_unreadable', { cardProblem: reason as CardProblem });
};

/** Loads a caller's image and reads one side; an image or reading failure is the outcome. */
export const readCard = async <S extends CardSide>(
  input: ImageInput,
  side: S,
  deps: Pick<IdCardDeps, 'cards' | 'images'>,
): Promise<CardRead<S>> => {
  if (!deps.cards) return { ok: false, outcome: outcome('service_unavailable') };
  const image = await loadImage(input, deps.images);
  if (!image.ok) return image;
  const result =
    side === 'front'
      ? await deps.cards.readFront(image.bytes)
      : await deps.cards.readBack(image.bytes);
  if (result.kind === 'retake') return { ok: false, outcome: retakeOutcome(result) };
  return { ok: true, result: result as Side<S>, bytes: image.bytes };
};

/** Copies the fields that were read (nulls dropped). */
const present = <T extends object>(fields: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> =>
  Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== null && v !== undefined),
  ) as Partial<{ [K in keyof T]: NonNullable<T[K]> }>;

/**
 * What was read from the card's sides, as outcome facts: fields, warning codes (the colour
 * signal's among them), the front's photo quality, and the portrait when asked for.
 */
export const idCardFacts = async (
  front: CardRead<'front'> | undefined,
  back: CardRead<'back'> | undefined,
  options: { portrait: boolean },
): Promise<IdCardFacts> => {
  const f = front?.ok ? front : undefined;
  const b = back?.ok ? back : undefined;
  const warnings = [...(f?.result.warnings ?? []), ...(b?.result.warnings ?? [])].map(
    (w) => w.code,
  );
  const facts: IdCardFacts = {
    ...present(f?.result.fields ?? {}),
    ...present(b?.result.fields ?? {}),
    warnings: [...new Set<string>(warnings)],
  };
  const quality = (f ?? b)?.result.quality.score;
  if (quality !== undefined) facts.quality = quality;
  if (f && (await isMonochromeCopy(f.bytes, f.result.corners)))
    facts.warnings.push(MONOCHROME_COPY);
  if (f && options.portrait) facts.portrait = f.result.portrait.image.toString('base64');
  return facts;
};

const withIdCard = (o: Outcome, idCard: IdCardFacts): Outcome => ({
  code: o.code,
  facts: { ...o.facts, idCard },
});

/** Text elements win; otherwise the portrait side is read and its elements are checked. */
export const verifyIdCard = async (cmd: VerifyIdCard, deps: IdCardDeps): Promise<Outcome> => {
  if (cmd.name && cmd.idNumber) {
    return verifyIdentity(
      { kind: 'identity.verify', name: cmd.name, idNumber: cmd.idNumber },
      deps,
    );
  }
  if (!cmd.image) return outcome('missing_parameter');
  const front = await readCard(cmd.image, 'front', deps);
  if (!front.ok) return front.outcome;
  const idCard = await idCardFacts(front, undefined, { portrait: true });
  const { name, idNumber } = front.result.fields;
  if (!name || !idNumber) {
    return outcome('card_unreadable', { cardProblem: 'unreadable', idCard });
  }
  const verified = await verifyIdentity({ kind: 'identity.verify', name, idNumber }, deps);
  return withIdCard(verified, idCard);
};

/** The card portrait against the authority portrait of the person the card names. */
const portraitCheck = async (
  person: PersonRecord,
  front: FrontResult,
  deps: IdCardDeps,
): Promise<Outcome> => {
  if (!person.portrait) return outcome('no_portrait', { portraitProblem: 'missing' });
  const card = await analyzeBytes(front.portrait.image, deps, 'portrait');
  // A card portrait without a usable face is a card photo to take again.
  if (!card.ok) return outcome('card_unreadable', { cardProblem: 'unreadable' });
  const compared = compareWithPortrait(person, card.analysis, deps);
  return compared.code === 'match' || compared.code === 'mismatch'
    ? outcome(compared.code, { ...compared.facts, against: 'authority' })
    : compared;
};

/**
 * OCR of the portrait side, then the card's portrait against the authority's portrait of the
 * card's name + number (the name must match the record, as for a face check).
 */
export const checkIdCard = async (cmd: CheckIdCard, deps: IdCardDeps): Promise<Outcome> => {
  if (!deps.faces) return outcome('service_unavailable');
  const front = await readCard(cmd.image, 'front', deps);
  if (!front.ok) return front.outcome;
  const idCard = await idCardFacts(front, undefined, { portrait: true });
  const { name, idNumber } = front.result.fields;
  if (!name || !idNumber) {
    return outcome('card_unreadable', { cardProblem: 'unreadable', idCard });
  }
  const person = await findNamedPerson(name, idNumber, deps);
  if (!person.ok) return withIdCard(person.outcome, idCard);
  return withIdCard(await portraitCheck(person.value, front.result, deps), idCard);
};
