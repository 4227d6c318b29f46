/**
 * Body framing for `POST /release/face_id_card/post`: form-urlencoded (every sample of seed 002)
 * or JSON. The seed's curl line sends a JSON text with curl's default form content type and a
 * trailing comma (`--data '{"idcard":"",…,"url":"",}'`), so a form or untyped body that starts
 * with `{` is read as JSON, and one trailing comma before the closing brace is forgiven.
 * Other content types (multipart included) and bodies that are not UTF-8 are malformed.
 *
 * @example
 *   readBody(request) // → { encoding: 'form', fields: Map { 'idcard' => '…', 'name' => '张三' } }
 */
import { outcome } from '../../core/outcomes.ts';
import { type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';

export interface DecodedBody {
  encoding: 'form' | 'json';
  /** Values as decoded: JSON types, strings for forms (a repeated form field is an array). */
  fields: ReadonlyMap<string, unknown>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const malformed = (): Refusal => refuse(outcome('malformed_request'));

const mediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.replace(/,\s*}\s*$/, '}'));
  }
};

const readJson = (text: string): DecodedBody | Refusal => {
  try {
    const value = parseJson(text);
    return isPlainObject(value)
      ? { encoding: 'json', fields: new Map(Object.entries(value)) }
      : malformed();
  } catch {
    return malformed();
  }
};

const readForm = (text: string): DecodedBody => {
  const fields = new Map<string, unknown>();
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = fields.get(key);
    fields.set(key, seen === undefined ? value : [seen, value].flat());
  }
  return { encoding: 'form', fields };
};

const decode = (body: Buffer): string | undefined => {
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
};

/** The body's fields, or malformed_request. Never throws. */
export const readBody = (request: WireRequest): DecodedBody | Refusal => {
  const type = mediaType(request.headers['content-type']);
  const text = decode(request.body);
  if (text === undefined) return malformed();
  if (type === 'application/json') return readJson(text);
  if (type !== '' && type !== 'application/x-www-form-urlencoded') return malformed();
  return text.trimStart().startsWith('{') ? readJson(text) : readForm(text);
};
