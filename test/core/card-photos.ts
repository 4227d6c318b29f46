/**
 * ID-card photos for the core tests: the synthetic generator's card for a chosen persona, with
 * a real face photo in the portrait area (the generator draws a cartoon the face engine does not
 * take for a face) and optionally turned into a black-and-white photocopy before it is
 * "photographed" on a desk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Image } from '@napi-rs/canvas';
import sharp from 'sharp';
import type { PersonRecord } from '../../src/authorities/authority.ts';
import type { ImageInput } from '../../src/core/commands.ts';
import {
  createRng,
  type Persona,
  renderCard,
  variantByName,
} from '../../src/engines/idcard/synth/index.ts';
import { photograph } from '../../src/engines/idcard/synth/photo.ts';

export interface CardPhotoOptions {
  persona: Persona;
  side: 'front' | 'back';
  seed: number;
  /** A face photo for the portrait area (front only). */
  face?: Buffer;
  /** Photocopy in black and white before photographing. */
  monochrome?: boolean;
  variant?: string;
}

/** The portrait area of the generator's card, in card pixels (render.ts: 590, 70, 220 × 270). */
const PORTRAIT = { x: 584, y: 64, width: 232, height: 282 };

const drawFace = async (canvas: ReturnType<typeof renderCard>, face: Buffer) => {
  const s = canvas.width / 856;
  const w = Math.round(PORTRAIT.width * s);
  const h = Math.round(PORTRAIT.height * s);
  const image = new Image();
  image.src = await sharp(face).rotate().resize(w, h, { fit: 'cover' }).png().toBuffer();
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(image, Math.round(PORTRAIT.x * s), Math.round(PORTRAIT.y * s), w, h);
};

const toGrey = (canvas: ReturnType<typeof renderCard>) => {
  const ctx = canvas.getContext('2d');
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const d = data.data;
  for (let i = 0; i < d.length; i += 4) {
    const y = (d[i]! * 77 + d[i + 1]! * 150 + d[i + 2]! * 29) >> 8;
    d[i] = d[i + 1] = d[i + 2] = y;
  }
  ctx.putImageData(data, 0, 0);
};

export const cardPhoto = async (options: CardPhotoOptions): Promise<Buffer> => {
  const rng = createRng(options.seed);
  const canvas = renderCard(options.persona, options.side, rng);
  if (options.face && options.side === 'front') await drawFace(canvas, options.face);
  if (options.monochrome) toGrey(canvas);
  const variant = variantByName(options.variant ?? 'clean')!;
  return (await photograph(canvas, variant.make(rng), rng)).image;
};

/** The day the tests run on (the generator's and the reader's default persona day). */
export const TODAY = '2026-11-24';

const DEV = join(import.meta.dirname, '../../../shared/data/faces-dev');
/** Whether the shared face photos are there (they are read, never copied into the repo). */
export const FACES_PRESENT = existsSync(join(DEV, 'labels.csv'));
export const FACES_ABSENT = '../shared/data/faces-dev is absent: face cases not run';
export const facePhoto = (rel: string): Buffer => readFileSync(join(DEV, rel));

/** A sandbox person as printed on a card (sex and birth date from the number). */
export const cardPersona = (record: PersonRecord, overrides: Partial<Persona> = {}): Persona => {
  const id = record.idNumber;
  return {
    name: record.name,
    idNumber: id,
    sex: Number(id[16]) % 2 === 1 ? '男' : '女',
    nation: '汉',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    address: '北京市朝阳区建国路88号院3号楼1单元502室',
    authority: record.idCard?.authority ?? '北京市公安局朝阳分局',
    validFrom: record.idCard?.validFrom ?? '2015-03-01',
    validTo: record.idCard?.validTo ?? '2035-03-01',
    ...overrides,
  };
};

export const inline = (bytes: Buffer): ImageInput => ({ base64: bytes.toString('base64') });
