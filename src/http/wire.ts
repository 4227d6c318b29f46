/** What a dialect sees of an HTTP request and what it hands back. Framework-free on purpose. */
export interface WireRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The raw query string (without `?`), exactly as received. */
  rawQuery: string;
  /** Header names in lower case; repeated headers joined with ", " except where noted. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Buffer;
  /** Server clock when the request arrived, in milliseconds. */
  receivedAt: number;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const jsonResponse = (
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): WireResponse => ({
  status,
  headers: { 'content-type': contentType, ...headers },
  body: JSON.stringify(value),
});
