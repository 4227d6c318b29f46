import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boundaryOf, readMultipart } from '../../../src/dialects/tencent-legacy/multipart.ts';
import { multipartOf } from './fixtures.ts';

const part = (name: string, value: string, extra = '') =>
  `Content-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}`;
const frame = (boundary: string, parts: string[]) =>
  Buffer.from(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`);
const fieldsOf = (body: Buffer, boundary: string) => {
  const result = readMultipart(body, boundary);
  assert.ok('fields' in result, JSON.stringify(result));
  return Object.fromEntries(result.fields);
};

describe('tencent-legacy multipart: boundary', () => {
  const cases: Array<[string, string | undefined]> = [
    ['multipart/form-data; boundary=abc', 'abc'],
    ['multipart/form-data; boundary="a b:c"', 'a b:c'],
    [
      'multipart/form-data;boundary=----WebKitFormBoundary7MA4YWxk',
      '----WebKitFormBoundary7MA4YWxk',
    ],
    ['multipart/form-data; charset=utf-8; boundary=x', 'x'],
    ['multipart/form-data', undefined],
    ['multipart/form-data; boundary=', undefined],
    ['multipart/form-data; boundary=a; boundary=b', undefined],
    ['multipart/form-data; boundary="ends with space "', undefined],
    [`multipart/form-data; boundary=${'x'.repeat(71)}`, undefined],
    ['multipart/form-data; boundary=a<b', undefined],
    ['multipart/form-data; junk', undefined],
  ];
  for (const [contentType, boundary] of cases) {
    test(`case=${JSON.stringify(contentType).slice(0, 60)}`, () =>
      assert.equal(boundaryOf(contentType), boundary));
  }
});

describe('tencent-legacy multipart: reading', () => {
  test('case=undici-formdata', async () => {
    const form = await multipartOf({
      appid: '1250000000',
      idcard_name: '阿依古丽·买买提',
      empty: '',
    });
    const fields = fieldsOf(form.body, boundaryOf(form.contentType)!);
    assert.deepEqual(fields, { appid: '1250000000', idcard_name: '阿依古丽·买买提', empty: '' });
  });
  test('case=preamble-epilogue-padding-and-part-headers', () => {
    const body = Buffer.from(
      'preamble\r\n--b  \r\n' +
        'content-disposition: form-data; name=appid\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n1\r\n' +
        '--b\r\nContent-Disposition: form-data; name="x"; filename="a.txt"\r\n\r\nline1\r\nline2\r\n--b--\r\nepilogue',
    );
    assert.deepEqual(fieldsOf(body, 'b'), { appid: '1', x: 'line1\r\nline2' });
  });
  test('case=boundary-lookalike-inside-value', () => {
    assert.deepEqual(fieldsOf(frame('b', [part('v', 'a--b c')]), 'b'), { v: 'a--b c' });
  });
  test('case=duplicate-field', () => {
    assert.deepEqual(readMultipart(frame('b', [part('a', '1'), part('a', '2')]), 'b'), {
      error: 'duplicate',
      name: 'a',
    });
  });
  const malformed: Record<string, Buffer> = {
    empty: Buffer.alloc(0),
    'no-parts': Buffer.from('--b--\r\n'),
    'no-delimiter': Buffer.from('hello'),
    'preamble-without-crlf': Buffer.from(
      'x--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--',
    ),
    unterminated: Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'),
    'no-close': Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b\r\n'),
    'junk-after-delimiter': Buffer.from(
      '--bjunk\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--',
    ),
    'no-headers': frame('b', ['\r\nvalue']),
    'no-blank-line': frame('b', ['Content-Disposition: form-data; name="a"']),
    'no-disposition': frame('b', ['Content-Type: text/plain\r\n\r\n1']),
    'not-form-data': frame('b', ['Content-Disposition: attachment; name="a"\r\n\r\n1']),
    'no-name': frame('b', ['Content-Disposition: form-data; filename="a"\r\n\r\n1']),
    'empty-name': frame('b', ['Content-Disposition: form-data; name=""\r\n\r\n1']),
    'two-names': frame('b', ['Content-Disposition: form-data; name="a"; name="b"\r\n\r\n1']),
    'header-without-colon': frame('b', [
      'Content-Disposition: form-data; name="a"\r\nbroken\r\n\r\n1',
    ]),
    'duplicate-header': frame('b', [`${part('a', '1').split('\r\n')[0]}\r\n${part('a', '1')}`]),
    'unclosed-quote': frame('b', ['Content-Disposition: form-data; name="a\r\n\r\n1']),
    'value-not-utf8': Buffer.concat([
      Buffer.from(`--b\r\n${part('a', '')}`),
      Buffer.from([0xff]),
      Buffer.from('\r\n--b--'),
    ]),
    'too-many-parts': frame(
      'b',
      Array.from({ length: 70 }, (_, i) => part(`f${i}`, 'v')),
    ),
  };
  for (const [name, body] of Object.entries(malformed)) {
    test(`case=malformed-${name}`, () =>
      assert.deepEqual(readMultipart(body, 'b'), { error: 'malformed' }));
  }
});
