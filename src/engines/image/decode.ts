/**
 * Image decoding with hard limits, shared by the face and OCR engines. Accepts JPEG, PNG,
 * WebP, GIF (first frame) and TIFF (first page); applies EXIF orientation; refuses
 * decompression bombs by pixel count before any pixel is decoded; pre-resizes so that no
 * later stage sees more than `maxSide` pixels on the long edge.
 *
 * @example
 *   const decoded = await decodeImage(buffer, { maxSide: 1280 });
 *   if (!decoded.ok) return decoded.code; // 'image_invalid' | 'image_too_large'
 *   decoded.image.data; // RGB, 3 bytes per pixel
 */
import sharp, { type Metadata, type SharpOptions } from 'sharp';

/** Interleaved 8-bit RGB pixels, row-major. */
export interface RgbImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type DecodeFailure = 'image_invalid' | 'image_too_large';

export type DecodeResult =
  | {
      ok: true;
      image: RgbImage;
      format: AcceptedFormat;
      /** Oriented size of the original before pre-resizing. */
      original: { width: number; height: number };
      /** original pixels per decoded pixel (≥ 1). */
      scale: number;
    }
  | { ok: false; code: DecodeFailure; reason: string };

export interface DecodeLimits {
  /** Largest accepted payload in bytes. */
  maxBytes: number;
  /** Largest accepted width × height (checked from the header, before decoding). */
  maxPixels: number;
  /** Long edge of the decoded image; larger images are shrunk (never enlarged). */
  maxSide: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 1280,
});

export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff'] as const;
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

const isAccepted = (format: string | undefined): format is AcceptedFormat =>
  (ACCEPTED_FORMATS as readonly string[]).includes(format ?? '');

// sharp's message when limitInputPixels trips.
const PIXEL_LIMIT = /pixel limit/i;

const fail = (code: DecodeFailure, reason: string): DecodeResult => ({ ok: false, code, reason });

/** Decodes `input` to RGB within `limits`; never throws for bad input. */
export const decodeImage = async (
  input: Uint8Array,
  limits: Partial<DecodeLimits> = {},
): Promise<DecodeResult> => {
  const lim = { ...DEFAULT_DECODE_LIMITS, ...limits };
  if (input.byteLength === 0) return fail('image_invalid', 'empty payload');
  if (input.byteLength > lim.maxBytes) return fail('image_too_large', 'payload over maxBytes');
  const options = { limitInputPixels: lim.maxPixels, failOn: 'error' as const, pages: 1 };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (err) {
    const message = (err as Error).message;
    if (PIXEL_LIMIT.test(message)) return fail('image_too_large', message);
    return fail('image_invalid', `unreadable header: ${message}`);
  }
  if (!isAccepted(meta.format)) return fail('image_invalid', `format ${meta.format} refused`);
  const { width = 0, height = 0 } = meta;
  if (width * height > lim.maxPixels) return fail('image_too_large', 'pixel count over maxPixels');
  if (width === 0 || height === 0) return fail('image_invalid', 'zero-sized image');
  return decodePixels(input, options, meta, lim);
};

const decodePixels = async (
  input: Uint8Array,
  options: SharpOptions,
  meta: Metadata,
  lim: DecodeLimits,
): Promise<DecodeResult> => {
  // EXIF orientations 5–8 swap the axes.
  const swap = (meta.orientation ?? 1) >= 5;
  const original = swap
    ? { width: meta.height ?? 0, height: meta.width ?? 0 }
    : { width: meta.width ?? 0, height: meta.height ?? 0 };
  try {
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({ width: lim.maxSide, height: lim.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const image = toRgb(data, info.width, info.height, info.channels);
    const scale = original.width / info.width;
    return { ok: true, image, format: meta.format as AcceptedFormat, original, scale };
  } catch (err) {
    const message = (err as Error).message;
    if (PIXEL_LIMIT.test(message)) return fail('image_too_large', message);
    return fail('image_invalid', `undecodable: ${message}`);
  }
};

const toRgb = (data: Buffer, width: number, height: number, channels: number): RgbImage => {
  if (channels === 3)
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width, height };
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < out.length; i += channels, j += 3) {
    const g = data[i]!;
    out[j] = g;
    out[j + 1] = channels >= 3 ? data[i + 1]! : g;
    out[j + 2] = channels >= 3 ? data[i + 2]! : g;
  }
  return { data: out, width, height };
};
