/**
 * Named capture conditions for generated card photos. `realistic` marks the conditions the
 * accuracy targets apply to (rotation ≤ 15°, blur ≤ 1.2 px, JPEG ≥ q45); the others probe
 * the limits and the quality gate.
 */
import type { Background, PhotoVariant } from './photo.ts';
import type { Rng } from './rng.ts';

export interface VariantSpec {
  name: string;
  realistic: boolean;
  description: string;
  make(rng: Rng): PhotoVariant;
}

const FRAME = { width: 1280, height: 960 };

const base = (rng: Rng, name: string): PhotoVariant => ({
  name,
  rotation: rng.range(-3, 3),
  upsideDown: false,
  tilt: 0,
  cardWidth: rng.range(860, 960),
  blur: 0,
  jpeg: 92,
  lighting: rng.range(0, 0.1),
  gain: rng.range(0.95, 1.05),
  noise: 2,
  glare: 0,
  background: rng.pick<Background>(['desk', 'dark', 'fabric']),
  frame: FRAME,
});

const signed = (rng: Rng, lo: number, hi: number) => (rng.chance(0.5) ? -1 : 1) * rng.range(lo, hi);

export const VARIANTS: readonly VariantSpec[] = [
  { name: 'clean', realistic: true, description: 'flat, ±3°, q92', make: (r) => base(r, 'clean') },
  {
    name: 'rotated',
    realistic: true,
    description: '5–15° in-plane, blur 0.6, q85',
    make: (r) => ({
      ...base(r, 'rotated'),
      rotation: signed(r, 5, 15),
      cardWidth: r.range(780, 900),
      blur: 0.6,
      jpeg: 85,
    }),
  },
  {
    name: 'perspective',
    realistic: true,
    description: 'one edge 6–15 % shorter, ±8°, q85',
    make: (r) => ({
      ...base(r, 'perspective'),
      tilt: r.range(0.06, 0.15),
      rotation: r.range(-8, 8),
      jpeg: 85,
    }),
  },
  {
    name: 'blur',
    realistic: true,
    description: 'Gaussian blur 0.9–1.2 px, ±5°, q80',
    make: (r) => ({
      ...base(r, 'blur'),
      blur: r.range(0.9, 1.2),
      rotation: r.range(-5, 5),
      jpeg: 80,
    }),
  },
  {
    name: 'jpeg',
    realistic: true,
    description: 'JPEG q45–55, blur 0.5, ±5°',
    make: (r) => ({ ...base(r, 'jpeg'), jpeg: r.int(45, 55), blur: 0.5, rotation: r.range(-5, 5) }),
  },
  {
    name: 'lighting',
    realistic: true,
    description: 'strong lighting gradient, gain 0.8–1.15, noise σ 5',
    make: (r) => ({
      ...base(r, 'lighting'),
      lighting: r.range(0.25, 0.4),
      gain: r.range(0.8, 1.15),
      noise: 5,
      jpeg: 80,
    }),
  },
  {
    name: 'small',
    realistic: true,
    description: 'card 620–700 px wide, ±8°, blur 0.5, q80',
    make: (r) => ({
      ...base(r, 'small'),
      cardWidth: r.range(620, 700),
      rotation: r.range(-8, 8),
      blur: 0.5,
      jpeg: 80,
    }),
  },
  {
    name: 'upside-down',
    realistic: true,
    description: '180° ± 10°, q85',
    make: (r) => ({
      ...base(r, 'upside-down'),
      upsideDown: true,
      rotation: r.range(-10, 10),
      jpeg: 85,
    }),
  },
  {
    name: 'rotated-30',
    realistic: false,
    description: '15–30° in-plane plus mild perspective, q80',
    make: (r) => ({
      ...base(r, 'rotated-30'),
      rotation: signed(r, 15, 30),
      tilt: r.range(0, 0.08),
      cardWidth: r.range(760, 820),
      jpeg: 80,
    }),
  },
  {
    name: 'hard',
    realistic: false,
    description: 'card ≈ 530 px, 8–18°, blur 1.6, q30 (the spec\'s "hard")',
    make: (r) => ({
      ...base(r, 'hard'),
      cardWidth: r.range(520, 560),
      rotation: signed(r, 8, 18),
      blur: 1.6,
      jpeg: 30,
    }),
  },
  {
    name: 'low-contrast',
    realistic: false,
    description: 'light-grey desk behind the card, ±6°, q85',
    make: (r) => ({
      ...base(r, 'low-contrast'),
      background: 'light',
      rotation: r.range(-6, 6),
      jpeg: 85,
    }),
  },
];

/** Conditions the quality gate must refuse (used by tests and the evaluation's gate table). */
export const RETAKE_VARIANTS: readonly VariantSpec[] = [
  {
    name: 'too-small',
    realistic: false,
    description: 'card 300–360 px wide',
    make: (r) => ({ ...base(r, 'too-small'), cardWidth: r.range(300, 360) }),
  },
  {
    name: 'too-blurred',
    realistic: false,
    description: 'Gaussian blur 4.5–6 px',
    make: (r) => ({ ...base(r, 'too-blurred'), blur: r.range(4.5, 6) }),
  },
  {
    name: 'glare',
    realistic: false,
    description: 'saturated specular highlight over the text',
    make: (r) => ({ ...base(r, 'glare'), glare: r.range(1.6, 2.2) }),
  },
];

export const variantByName = (name: string): VariantSpec | undefined =>
  [...VARIANTS, ...RETAKE_VARIANTS].find((v) => v.name === name);
