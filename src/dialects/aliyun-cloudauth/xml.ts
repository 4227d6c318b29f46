/**
 * A tiny XML serializer for `Format=XML` answers (spec aliyun.md §9.3): one element per JSON
 * field, nested for objects, list items as repeated `<element>`; text escaped, characters that
 * XML 1.0 cannot carry dropped.
 *
 * @example
 *   toXml('Error', { Code: 'A&B' })
 *   // → '<?xml version="1.0" encoding="UTF-8"?><Error><Code>A&amp;B</Code></Error>'
 */

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | XmlObject;
export interface XmlObject {
  [name: string]: XmlValue;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** XML 1.0 `Char`: tab, LF, CR and U+0020…U+D7FF, U+E000…U+FFFD, U+10000 and up. */
const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  code >= 0x10000;

/** Escapes markup characters and drops what XML cannot carry (control characters, lone surrogates). */
export const escapeXml = (text: string): string => {
  let out = '';
  for (const char of text) {
    if (isXmlChar(char.codePointAt(0)!)) out += ENTITIES[char] ?? char;
  }
  return out;
};

const element = (name: string, value: XmlValue): string => {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  return `<${name}>${content(value)}</${name}>`;
};

const content = (value: Exclude<XmlValue, null | undefined>): string => {
  if (Array.isArray(value)) return value.map((item) => element('element', item)).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([name, child]) => element(name, child))
      .join('');
  }
  return escapeXml(String(value));
};

/** A complete document with the XML declaration and `root` as the document element. */
export const toXml = (root: string, value: XmlObject): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${element(root, value)}`;
