/**
 * Turns a caller's image (base64 or URL) into bytes, or the outcome that explains why not.
 * URLs go through the safe fetcher only; the byte cap applies to both forms.
 */
import type { SafeFetcher } from '../security/safe-fetch.ts';
import type { ImageInput } from './commands.ts';
import { type Outcome, outcome } from './outcomes.ts';

export interface ImageSource {
  fetcher: SafeFetcher;
  /** Largest decoded image accepted, in bytes. */
  maxImageBytes: number;
}

export type LoadedImage = { ok: true; bytes: Buffer } | { ok: false; outcome: Outcome };

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
/** A `data:image/…;base64,` prefix, which some clients send although the APIs ask for bare base64. */
const DATA_URL = /^data:[\w/+.-]+;base64,/;

const fromBase64 = (text: string, source: ImageSource): LoadedImage => {
  const bare = text.replace(DATA_URL, '');
  if (bare.trim() === '' || !BASE64.test(bare))
    return { ok: false, outcome: outcome('image_invalid') };
  if (Math.floor((bare.length * 3) / 4) > source.maxImageBytes + 3) {
    return { ok: false, outcome: outcome('image_too_large') };
  }
  return { ok: true, bytes: Buffer.from(bare, 'base64') };
};

const FETCH_OUTCOMES = { too_large: 'image_too_large', not_an_image: 'image_invalid' } as const;

export const loadImage = async (input: ImageInput, source: ImageSource): Promise<LoadedImage> => {
  if ('base64' in input) return fromBase64(input.base64, source);
  const fetched = await source.fetcher.fetchImage(input.url);
  if (fetched.ok) return { ok: true, bytes: fetched.bytes };
  const code =
    FETCH_OUTCOMES[fetched.problem as keyof typeof FETCH_OUTCOMES] ?? 'image_unavailable';
  return { ok: false, outcome: outcome(code) };
};
