/**
 * Strict decoding of what FaceID callers send: a JSON object (TC3 POST) or flat
 * `application/x-www-form-urlencoded` pairs (v1 body, any GET query; nested input arrives
 * flattened as `Encryption.EncryptList.0=…`, spec tencent.md §4.3). Every decoder answers
 * `undefined` for input it cannot read, and never throws.
 *
 * @example
 *   decodeForm('IdCard=1&Name=%E5%BC%A0%E4%B8%89') // → { IdCard: '1', Name: '张三' }
 *   decodeForm('a=1&a=2')                          // → undefined (a repeated name is ambiguous)
 */

/** Action parameters: typed JSON values, or strings from a form or query. */
export type Params = Readonly<Record<string, unknown>>;
export type FlatParams = Record<string, string>;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or undefined when it is not valid UTF-8. */
export const utf8 = (bytes: Buffer): string | undefined => {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
};

const component = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
};

/** Form/query pairs into a prototype-free record; undefined on a bad escape or a repeated name. */
export const decodeForm = (raw: string): FlatParams | undefined => {
  const out: FlatParams = Object.create(null);
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = component(eq < 0 ? pair : pair.slice(0, eq));
    const value = component(eq < 0 ? '' : pair.slice(eq + 1));
    if (name === undefined || value === undefined || Object.hasOwn(out, name)) return undefined;
    out[name] = value;
  }
  return out;
};

/** A JSON object body; an empty body counts as `{}` (GetLiveCode-style calls send `{}`). */
export const decodeJsonObject = (text: string): Params | undefined => {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return isObject ? (value as Params) : undefined;
  } catch {
    return undefined;
  }
};

/** A parameter's own value (never one inherited from Object.prototype). */
export const read = (params: Params, name: string): unknown =>
  Object.hasOwn(params, name) ? params[name] : undefined;

/** The media type of a Content-Type header: lower case, without parameters. */
export const mediaType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/**
 * A tolerant look at a request's flat parameters (query, plus a form body) for routing and for
 * naming the action in an error; the strict decoders above are what parse uses.
 */
export const peekParams = (rawQuery: string, contentType: string | undefined, body: Buffer) => {
  const params = new URLSearchParams(rawQuery);
  if (mediaType(contentType) !== FORM || body.length === 0) return params;
  for (const [name, value] of new URLSearchParams(body.toString('utf8')))
    params.append(name, value);
  return params;
};
