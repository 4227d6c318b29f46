/**
 * ID-card photos for the materials and ID-card wire tests (this dialect's and tencent-faceid's),
 * made with the project's generator (src/engines/idcard/synth) for the sandbox personas: the
 * persona's name and number on an otherwise invented card, photographed under a named capture
 * condition. A real face photo can be pasted over the drawn portrait (the generator draws a
 * placeholder that holds no face), so that the card's portrait can be compared.
 *
 * Face photos are third-party images the caller reads from ../shared/data/faces-dev; nothing
 * here is written to disk.
 *
 * @example
 *   const front = await cardPhoto(cardPersona(ZHANG), 'front', { seed: 1, face: photo });
 */
import { loadImage } from '@napi-rs/canvas';
import sharp from 'sharp';
import {
  createRng,
  type Persona,
  renderCard,
  type Side,
  variantByName,
} from '../../../src/engines/idcard/synth/index.ts';
import { photograph } from '../../../src/engines/idcard/synth/photo.ts';

export interface Someone {
  name: string;
  idNumber: string;
  idCard?: { authority?: string; validFrom?: string; validTo?: string };
}

/** Birth date and sex come from the number (GB 11643); the rest is invented but plausible. */
export const cardPersona = (who: Someone, over: Partial<Persona> = {}): Persona => {
  const n = who.idNumber;
  return {
    name: who.name,
    sex: Number(n[16]) % 2 === 1 ? '男' : '女',
    nation: '汉',
    birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
    address: '北京市朝阳区建国路88号院3号楼2单元601室',
    idNumber: n,
    authority: who.idCard?.authority ?? '北京市公安局朝阳分局',
    validFrom: who.idCard?.validFrom ?? '2016-05-01',
    validTo: who.idCard?.validTo ?? '2036-05-01',
    ...over,
  };
};

export interface CardOptions {
  seed: number;
  /** A face photo pasted over the portrait area of the front. */
  face?: Buffer;
  /** A capture condition of the generator (default `clean`). */
  variant?: string;
  /** A black-and-white copy of the photo. */
  grey?: boolean;
}

/** The portrait area of the front in the card's 856 × 540 frame (render.ts drawFront). */
const PORTRAIT = { x: 586, y: 66, width: 228, height: 278 };

const pasteFace = async (canvas: ReturnType<typeof renderCard>, face: Buffer) => {
  const { width, height } = PORTRAIT;
  const fitted = await sharp(face)
    .rotate()
    .resize(width * 2, height * 2, { fit: 'cover', position: 'attention' })
    .png()
    .toBuffer();
  // renderCard leaves the context scaled to the card frame.
  canvas.getContext('2d').drawImage(await loadImage(fitted), PORTRAIT.x, PORTRAIT.y, width, height);
};

/** One photographed side of a persona's card, JPEG. */
export const cardPhoto = async (persona: Persona, side: Side, o: CardOptions): Promise<Buffer> => {
  const rng = createRng(o.seed);
  const canvas = renderCard(persona, side, rng);
  if (o.face && side === 'front') await pasteFace(canvas, o.face);
  const spec = variantByName(o.variant ?? 'clean');
  if (!spec) throw new Error(`unknown card variant ${o.variant}`);
  const { image } = await photograph(canvas, spec.make(rng), rng);
  return o.grey ? sharp(image).grayscale().jpeg({ quality: 90 }).toBuffer() : image;
};

/** The left 70 % of a photographed card: the card runs off the picture. */
export const cutOff = async (photo: Buffer): Promise<Buffer> => {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  return sharp(photo)
    .extract({ left: 0, top: 0, width: Math.round(width * 0.55), height })
    .jpeg()
    .toBuffer();
};
