/**
 * Wire → core for `POST /release/face_id_card/post` (seed 002): `idcard`, `name`, and a photo
 * as `image` (base64) or `url` (one of the two) become `face.verify` with liveness off — the
 * seed sells a photo-against-portrait comparison, not a liveness check.
 *
 * `parse` only routes and decodes. Like the gateway in front of the real API, the signature is
 * judged before the vendor sees the body (§6), so an unreadable Authorization or body is kept
 * and refused later: the credential by auth.ts, the body by `toCommand`.
 *
 * The seed's samples send every field, the unused ones empty (`'url': ''`), so an empty value
 * counts as absent. Field values go to the core raw (it judges ID numbers and names).
 *
 * @example
 *   toCommand(parse(request))
 *   // → { kind: 'face.verify', name: '张三', idNumber: '110105199003070017', image: { base64: '/9j/…' }, liveness: false }
 */
import type { Command, ImageInput } from '../../core/commands.ts';
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import { type DecodedBody, readBody } from './body.ts';
import { PARAMETER } from './codes.ts';
import { type HmacCredential, readCredential } from './hmac.ts';
import { actionOf, type MarketAction } from './routes.ts';

export interface MarketParsed {
  action: MarketAction;
  /** The Authorization header read, or the refusal it earns (unsigned, malformed). */
  credential: HmacCredential | Refusal;
  body: DecodedBody | Refusal;
}

const missing = (parameter: string): Refusal => refuse(outcome('missing_parameter', { parameter }));
const invalid = (parameter: string): Refusal => refuse(outcome('invalid_parameter', { parameter }));

const credentialOf = (authorization: string | undefined): HmacCredential | Refusal => {
  if (authorization === undefined || authorization.trim() === '') {
    return refuse(outcome('unsigned'));
  }
  const credential = readCredential(authorization.trim());
  if (typeof credential !== 'string') return credential;
  const parameter = credential === 'format' ? PARAMETER.authorization : credential;
  return refuse(outcome('malformed_signature', { parameter }));
};

/** Routing and framing only; never throws. */
export const parse = (request: WireRequest): MarketParsed | Refusal => {
  const action = actionOf(request);
  if (action === undefined) return refuse(outcome('unknown_action'));
  try {
    const credential = credentialOf(request.headers.authorization);
    return { action, credential, body: readBody(request) };
  } catch {
    return refuse(outcome('malformed_request'));
  }
};

/** A text field: undefined when absent or empty, a refusal when not a string. */
const optionalText = (fields: ReadonlyMap<string, unknown>, name: string) => {
  const value = fields.get(name);
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : invalid(name);
};

const requiredText = (fields: ReadonlyMap<string, unknown>, name: string): string | Refusal =>
  optionalText(fields, name) ?? missing(name);

const isWebUrl = (text: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

// A form decoder turns an unescaped `+` into a space, and base64 has no spaces: a client that
// forgot to escape its image gets it back intact.
const imageOf = (body: DecodedBody): ImageInput | Refusal => {
  const image = optionalText(body.fields, 'image');
  const url = optionalText(body.fields, 'url');
  if (isRefusal(image)) return image;
  if (isRefusal(url)) return url;
  if (image !== undefined && url !== undefined) return invalid(PARAMETER.imageOrUrl);
  if (url !== undefined) return isWebUrl(url) ? { url } : invalid('url');
  if (image === undefined) return missing(PARAMETER.imageOrUrl);
  return { base64: body.encoding === 'form' ? image.replaceAll(' ', '+') : image };
};

/** The seed's order: ID number, name, then the photo. */
export const toCommand = (parsed: MarketParsed): Command | Refusal => {
  if (isRefusal(parsed.body)) return parsed.body;
  const idNumber = requiredText(parsed.body.fields, 'idcard');
  if (isRefusal(idNumber)) return idNumber;
  const name = requiredText(parsed.body.fields, 'name');
  if (isRefusal(name)) return name;
  const image = imageOf(parsed.body);
  if (isRefusal(image)) return image;
  return { kind: 'face.verify', name, idNumber, image, liveness: false };
};
