/**
 * A small, strict `multipart/form-data` reader (RFC 7578 / RFC 2046 §5.1) for text fields: the
 * legacy routes take only short strings, so a dependency is not worth it. Anything off the
 * grammar is `malformed`; a field sent twice is `duplicate` (which copy is meant is unknowable).
 *
 * @example
 *   readMultipart(body, boundaryOf('multipart/form-data; boundary=xyz')!)
 *   // → { fields: Map { 'appid' => '1250000000', ... } }
 */
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_PARTS = 64;
// RFC 2046 §5.1.1 bchars; 1..70 characters, not ending in a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type MultipartResult =
  | { fields: Map<string, string> }
  | { error: 'malformed' }
  | { error: 'duplicate'; name: string };

const MALFORMED = { error: 'malformed' } as const;

interface Param {
  name: string;
  value: string;
}

/** `; key=value` / `; key="value"` parameters after a media type or disposition type. */
export const readParams = (text: string): Param[] | undefined => {
  const params: Param[] = [];
  const pattern = /^\s*;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s"]+)\s*/;
  let rest = text;
  while (rest.trim() !== '') {
    const match = pattern.exec(rest);
    if (!match) return undefined;
    const raw = match[2]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    params.push({ name: match[1]!.toLowerCase(), value });
    rest = rest.slice(match[0].length);
  }
  return params;
};

/** The boundary of a `multipart/form-data` content type, when it has a valid one. */
export const boundaryOf = (contentType: string): string | undefined => {
  const semicolon = contentType.indexOf(';');
  if (semicolon < 0) return undefined;
  const params = readParams(contentType.slice(semicolon));
  const found = params?.filter((p) => p.name === 'boundary') ?? [];
  if (found.length !== 1) return undefined;
  return BOUNDARY.test(found[0]!.value) ? found[0]!.value : undefined;
};

const headerLines = (head: string): Map<string, string> | undefined => {
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (headers.has(name)) return undefined;
    headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
};

/** The field name of a part from its `Content-Disposition: form-data; name="…"` header. */
const fieldName = (disposition: string | undefined): string | undefined => {
  const match = disposition === undefined ? null : /^form-data\s*(;.*)?$/i.exec(disposition);
  if (!match) return undefined;
  const names = readParams(match[1] ?? '')?.filter((p) => p.name === 'name') ?? [];
  return names.length === 1 && names[0]!.value !== '' ? names[0]!.value : undefined;
};

const decode = (bytes: Buffer): string | undefined => {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
};

/** One part: header lines, an empty line, the value (text, UTF-8). */
const readPart = (part: Buffer): { name: string; value: string } | undefined => {
  const split = part.indexOf(HEADER_END);
  if (split <= 0) return undefined;
  const head = decode(part.subarray(0, split));
  const headers = head === undefined ? undefined : headerLines(head);
  const name = fieldName(headers?.get('content-disposition'));
  const value = decode(part.subarray(split + HEADER_END.length));
  return name === undefined || value === undefined ? undefined : { name, value };
};

/** Where the first delimiter ends; a preamble is allowed only before a CRLF (RFC 2046). */
const firstDelimiterEnd = (body: Buffer, delimiter: Buffer): number => {
  if (body.subarray(0, delimiter.length).equals(delimiter)) return delimiter.length;
  const at = body.indexOf(Buffer.concat([CRLF, delimiter]));
  return at < 0 ? -1 : at + CRLF.length + delimiter.length;
};

/** After a delimiter: `--` closes; otherwise optional padding, then CRLF. -1 when neither. */
const afterDelimiter = (body: Buffer, at: number): number | 'close' => {
  if (body[at] === 0x2d && body[at + 1] === 0x2d) return 'close';
  let cursor = at;
  while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor += 1;
  return body[cursor] === 0x0d && body[cursor + 1] === 0x0a ? cursor + 2 : -1;
};

/** Splits the body into part buffers; undefined when the framing is broken. */
const splitParts = (body: Buffer, boundary: string): Buffer[] | undefined => {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const next = Buffer.concat([CRLF, delimiter]);
  const parts: Buffer[] = [];
  let at = firstDelimiterEnd(body, delimiter);
  while (at >= 0 && parts.length <= MAX_PARTS) {
    const start = afterDelimiter(body, at);
    if (start === 'close') return parts;
    const end = start < 0 ? -1 : body.indexOf(next, start);
    if (end < 0) return undefined;
    parts.push(body.subarray(start, end));
    at = end + next.length;
  }
  return undefined;
};

export const readMultipart = (body: Buffer, boundary: string): MultipartResult => {
  const parts = splitParts(body, boundary);
  if (!parts || parts.length === 0) return MALFORMED;
  const fields = new Map<string, string>();
  for (const raw of parts) {
    const part = readPart(raw);
    if (!part) return MALFORMED;
    if (fields.has(part.name)) return { error: 'duplicate', name: part.name };
    fields.set(part.name, part.value);
  }
  return { fields };
};
