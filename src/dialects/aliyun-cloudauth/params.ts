/**
 * Reading the parameters of a Cloudauth request: URL query and form body, decoded and merged
 * (spec aliyun.md §2: "a server must merge query and body and treat location as
 * insignificant"). Nothing here throws: malformed input is reported in `problem`.
 *
 * @example
 *   const read = readParams(request);
 *   if (read.problem) return refuse(outcome('malformed_request'));
 *   read.merged.get('Action'); // 'Id2MetaVerify'
 */
import type { WireRequest } from '../../http/wire.ts';

export type Pair = readonly [name: string, value: string];

export interface ParamsProblem {
  problem: 'encoding' | 'content_type' | 'duplicate';
  /** The wire name of what is wrong (a parameter name, `Body`, `QueryString` or `Content-Type`). */
  parameter: string;
}

export interface Params {
  /** URL query pairs, in order (ACS3 signs only these). */
  query: Pair[];
  /** Form body pairs, in order. */
  body: Pair[];
  /** Query ∪ body; on a repeated name the first occurrence wins (and `problem` is set). */
  merged: ReadonlyMap<string, string>;
  /** Set when the request cannot be read exactly; the fields above hold what could be read. */
  problem?: ParamsProblem;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const decodeComponent = (text: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(text.replace(/\+/g, ' '));
    return LONE_SURROGATE.test(decoded) ? undefined : decoded;
  } catch {
    return undefined; // bad %-escape or bytes that are not UTF-8
  }
};

/** Decodes form-urlencoded text (`+` is a space); undefined when malformed. */
export const decodeForm = (text: string): Pair[] | undefined => {
  const pairs: Pair[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (name === undefined || value === undefined) return undefined;
    pairs.push([name, value]);
  }
  return pairs;
};

/**
 * Percent-encoding of both signature schemes (§6.1 "pct"): RFC 3986 unreserved characters stay,
 * everything else is %XX with upper-case hex, so space is %20 and `*` is %2A.
 */
export const pct = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** SDKs label every body they send (§2); an unlabelled body is not read as a form. */
const isForm = (contentType: string | undefined): boolean =>
  (contentType ?? '').trim().toLowerCase().startsWith('application/x-www-form-urlencoded');

const decodeBody = (request: WireRequest): Pair[] | ParamsProblem => {
  if (request.body.length === 0) return [];
  if (!isForm(request.headers['content-type'])) {
    return { problem: 'content_type', parameter: 'Content-Type' };
  }
  let text: string;
  try {
    text = UTF8.decode(request.body);
  } catch {
    return { problem: 'encoding', parameter: 'Body' };
  }
  return decodeForm(text) ?? { problem: 'encoding', parameter: 'Body' };
};

const merge = (query: Pair[], body: Pair[], problem?: ParamsProblem): Params => {
  const merged = new Map<string, string>();
  for (const [name, value] of [...query, ...body]) {
    // A repeated name is ambiguous: which value did the caller sign, which one do we act on?
    if (merged.has(name)) problem ??= { problem: 'duplicate', parameter: name };
    else merged.set(name, value);
  }
  return problem ? { query, body, merged, problem } : { query, body, merged };
};

const read = (request: WireRequest): Params => {
  const query = decodeForm(request.rawQuery);
  const body = decodeBody(request);
  if (query === undefined) return merge([], [], { problem: 'encoding', parameter: 'QueryString' });
  return 'problem' in body ? merge(query, [], body) : merge(query, body);
};

const cache = new WeakMap<WireRequest, Params>();

/** Query and body of a request, decoded once per request (claims, parse and render share it). */
export const readParams = (request: WireRequest): Params => {
  let params = cache.get(request);
  if (!params) {
    params = read(request);
    cache.set(request, params);
  }
  return params;
};
