/**
 * Body framing for the legacy routes: `application/json` or `multipart/form-data` (seed 000,
 * "content-type: application/json 或 multipart/form-data"). Any other content type, a body that
 * is not UTF-8 JSON object text, or broken multipart framing is a bad request (code 3).
 *
 * @example
 *   readBody(request) // → Map { 'appid' => '1250000000', 'idcard_name' => '张三', ... } or a Refusal
 */
import { outcome } from '../../core/outcomes.ts';
import { type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import { boundaryOf, readMultipart } from './multipart.ts';

export type BodyFields = ReadonlyMap<string, unknown>;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const malformed = (): Refusal => refuse(outcome('malformed_request'));

const mediaType = (contentType: string): string =>
  (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readJson = (body: Buffer): BodyFields | Refusal => {
  try {
    const value: unknown = JSON.parse(utf8.decode(body));
    return isPlainObject(value) ? new Map(Object.entries(value)) : malformed();
  } catch {
    return malformed();
  }
};

const readForm = (body: Buffer, contentType: string): BodyFields | Refusal => {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined) return malformed();
  const result = readMultipart(body, boundary);
  if ('fields' in result) return result.fields;
  return result.error === 'duplicate'
    ? refuse(outcome('invalid_parameter', { parameter: result.name }))
    : malformed();
};

/** The body's fields by wire name, values as decoded (JSON types, or strings for multipart). */
export const readBody = (request: WireRequest): BodyFields | Refusal => {
  const contentType = request.headers['content-type'] ?? '';
  const type = mediaType(contentType);
  if (type === 'application/json') return readJson(request.body);
  if (type === 'multipart/form-data') return readForm(request.body, contentType);
  return malformed();
};
