/**
 * Synthetic ID-card photos for tests, the evaluation and the benchmark (development only: it
 * needs the devDependencies `@napi-rs/canvas` and `@fontsource-variable/noto-sans-sc`).
 * Everything derives from one seed, so `generateCard(42, 'front', 'blur')` is the same image on
 * every machine with the same package versions.
 *
 * @example
 *   const { image, persona } = await generateCard(7, 'front', 'rotated');
 *   const result = await reader.readFront(image);
 */
import { type Persona, makePersona } from './persona.ts';
import { type Photo, photograph } from './photo.ts';
import { type Side, renderCard } from './render.ts';
import { createRng } from './rng.ts';
import { variantByName } from './variants.ts';

export { type Persona, makePersona } from './persona.ts';
export type { Background, Photo, PhotoVariant } from './photo.ts';
export { CARD_H, CARD_W, renderCard, type Side } from './render.ts';
export { createRng, type Rng } from './rng.ts';
export { RETAKE_VARIANTS, VARIANTS, type VariantSpec, variantByName } from './variants.ts';

export interface GeneratedCard extends Photo {
  persona: Persona;
  side: Side;
  variant: string;
  seed: number;
}

/** One photo of one side of the persona derived from `seed`, under the named variant. */
export const generateCard = async (
  seed: number,
  side: Side,
  variant: string,
): Promise<GeneratedCard> => {
  const spec = variantByName(variant);
  if (!spec) throw new Error(`unknown card variant: ${variant}`);
  const persona = makePersona(createRng(seed));
  const rng = createRng(seed * 7919 + (side === 'front' ? 1 : 2));
  const card = renderCard(persona, side, rng);
  const photo = await photograph(card, spec.make(rng), rng);
  return { ...photo, persona, side, variant, seed };
};
