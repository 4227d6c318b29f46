/**
 * A simple "not an original card" signal: how much colour varies over the card. An original
 * second-generation card carries colour everywhere a copy loses it (the tinted guilloche, the
 * blue labels, the colour portrait); a black-and-white photocopy, photographed or scanned,
 * is grey: whatever colour the photo has is the light's or the camera's. So the measure is the
 * chroma left over the card once a colour cast (white balance on the card's median) and a
 * colour gradient (a plane fitted over the card) are taken out.
 *
 * It catches black-and-white copies (photographed or scanned) and photos converted to
 * greyscale. It does not catch colour copies, colour prints, screen recaptures or edited
 * originals; a black-and-white copy under strongly mixed, uneven coloured light may pass; a
 * colour card under near-monochromatic light (a sodium lamp) could be taken for a copy.
 */
import { decodeImage } from '../engines/image/index.ts';
import {
  applyHomography,
  homographyFromQuads,
  type Quad,
  rectQuad,
} from '../engines/ocr/geometry.ts';

/**
 * The spread (see `spreadOf`) below which the card counts as a monochrome copy. Measured: the
 * shared sample fronts 25–47; generated fronts 18–46 with the drawn portrait, 49–61 with a face
 * photo; black-and-white copies of those, photographed with a warm cast and colour noise, 4–10,
 * and 12–14 under a ±10 % colour gradient across the frame; greyscale conversions 0.
 */
export const MONOCHROME_SPREAD = 15;

interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Samples across and down the card (inset from its edges, where the background bleeds in). */
const GRID = { across: 120, down: 76, inset: 0.05 } as const;

/** Half-width of the block each sample averages: sensor chroma noise averages out, areas do not. */
const BLOCK = 2;

/** A block whose brightest channel reaches this is (nearly) clipped. */
const CLIPPED = 250;

/** A sample: its place on the card (0..1 across and down) and its mean colour. */
interface Sample {
  u: number;
  v: number;
  rgb: [number, number, number];
}

/** Mean colour of a small block around x, y. */
const colourAt = (img: Raster, x: number, y: number): Sample['rgb'] => {
  let [r, g, b, n] = [0, 0, 0, 0];
  for (let yy = Math.max(0, y - BLOCK); yy <= Math.min(img.height - 1, y + BLOCK); yy++) {
    for (let xx = Math.max(0, x - BLOCK); xx <= Math.min(img.width - 1, x + BLOCK); xx++) {
      const i = (yy * img.width + xx) * 3;
      r += img.data[i]!;
      g += img.data[i + 1]!;
      b += img.data[i + 2]!;
      n++;
    }
  }
  return [r / n, g / n, b / n];
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Colour samples on a grid inside the card, `corners` in the decoded image's pixels. */
const sampleCard = (image: Raster, corners: Quad): Sample[] => {
  const toPhoto = homographyFromQuads(rectQuad(1, 1), corners);
  const samples: Sample[] = [];
  const { across, down, inset } = GRID;
  for (let j = 0; j < down; j++) {
    for (let i = 0; i < across; i++) {
      const u = inset + ((1 - 2 * inset) * (i + 0.5)) / across;
      const v = inset + ((1 - 2 * inset) * (j + 0.5)) / down;
      const p = applyHomography(toPhoto, { x: u, y: v });
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const rgb = colourAt(image, x, y);
      // A clipped channel has lost its share of the colour: such a sample says nothing.
      if (Math.max(...rgb) < CLIPPED) samples.push({ u, v, rgb });
    }
  }
  return samples;
};

/** Least-squares plane z ≈ a + b·u + c·v through the samples; returns the residuals. */
const residualsOfPlane = (samples: Sample[], z: number[]): number[] => {
  let [n, su, sv, suu, svv, suv, sz, suz, svz] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  samples.forEach(({ u, v }, i) => {
    n++;
    su += u;
    sv += v;
    suu += u * u;
    svv += v * v;
    suv += u * v;
    sz += z[i]!;
    suz += u * z[i]!;
    svz += v * z[i]!;
  });
  // Normal equations, solved by Cramer's rule (3 × 3).
  const det3 = (m: number[]) =>
    m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) -
    m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) +
    m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const A = [n, su, sv, su, suu, suv, sv, suv, svv];
  const d = det3(A);
  if (Math.abs(d) < 1e-9) return z.map((value) => value - sz / n);
  const a = det3([sz, su, sv, suz, suu, suv, svz, suv, svv]) / d;
  const b = det3([n, sz, sv, su, suz, suv, sv, svz, svv]) / d;
  const c = det3([n, su, sz, su, suu, suz, sv, suv, svz]) / d;
  return samples.map(({ u, v }, i) => z[i]! - (a + b * u + c * v));
};

/**
 * The 95th percentile of the samples' chroma (red–green, yellow–blue) once the light is taken
 * out: each channel is white-balanced on the card's median (a colour cast multiplies the
 * channels, so this removes it at every brightness), then a plane fitted over the card removes
 * a colour gradient (mixed daylight and lamp light).
 */
const spreadOf = (samples: Sample[]): number => {
  const mid = [0, 1, 2].map((c) => Math.max(1, median(samples.map((s) => s.rgb[c]!))));
  const balanced = samples.map(({ rgb: [r, g, b] }) => [
    (r * mid[1]!) / mid[0]!,
    g,
    (b * mid[1]!) / mid[2]!,
  ]);
  const rg = residualsOfPlane(
    samples,
    balanced.map(([r, g]) => r! - g!),
  );
  const yb = residualsOfPlane(
    samples,
    balanced.map(([r, g, b]) => (r! + g!) / 2 - b!),
  );
  const distances = rg.map((x, i) => Math.hypot(x, yb[i]!)).sort((a, b) => a - b);
  return distances[Math.floor(distances.length * 0.95)]!;
};

/**
 * The chroma spread over the card in `photo`, whose corners the reader located (in original
 * pixels); undefined when the photo cannot be decoded or the card falls outside it.
 */
export const chromaSpread = async (
  photo: Uint8Array,
  corners: Quad,
): Promise<number | undefined> => {
  const decoded = await decodeImage(photo, { maxSide: 800 });
  if (!decoded.ok) return undefined;
  const s = 1 / decoded.scale;
  const scaled = corners.map((p) => ({ x: p.x * s, y: p.y * s })) as unknown as Quad;
  const samples = sampleCard(decoded.image, scaled);
  return samples.length < 100 ? undefined : spreadOf(samples);
};

/** True when the card shows no colour of its own: a black-and-white copy. */
export const isMonochromeCopy = async (photo: Uint8Array, corners: Quad): Promise<boolean> => {
  const spread = await chromaSpread(photo, corners);
  return spread !== undefined && spread < MONOCHROME_SPREAD;
};
