/**
 * Routing, body framing and the wire → command mapping (seed 002): both body encodings, the
 * seed samples' habits (empty unused fields, curl's JSON under a form content type), and bad
 * input of every kind becoming a refusal, never an exception.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Outcome } from '../../../src/core/outcomes.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { DIALECTS } from '../../../src/dialects/index.ts';
import {
  type MarketParsed,
  parse,
  toCommand,
} from '../../../src/dialects/tencent-market/request-map.ts';
import { claims } from '../../../src/dialects/tencent-market/routes.ts';
import { marketRequest, PATH, ZHANG } from './fixtures.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

const parsedOf = (body: string | Buffer, contentType?: string): MarketParsed => {
  const parsed = parse(marketRequest({ body, headers: { 'content-type': contentType } }));
  assert.ok(!isRefusal(parsed), 'routed');
  return parsed;
};

const commandOf = (body: string | Buffer, contentType: string | undefined = FORM) =>
  toCommand(parsedOf(body, contentType));

const refusalOf = (body: string | Buffer, contentType: string | undefined = FORM): Outcome => {
  const command = commandOf(body, contentType);
  assert.ok(isRefusal(command), `expected a refusal, got ${JSON.stringify(command)}`);
  return command.refused;
};

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const json = (fields: Record<string, unknown>) => JSON.stringify(fields);
const ZHANG_FIELDS = { idcard: ZHANG.idcard, name: ZHANG.name };
const verify = (image: { base64: string } | { url: string }) => ({
  kind: 'face.verify',
  name: ZHANG.name,
  idNumber: ZHANG.idcard,
  image,
  liveness: false,
});

test('case=claims every path under /release/ and nothing else', () => {
  const at = (path: string) => claims(marketRequest({ path }));
  for (const path of [PATH, '/release', '/release/', '/release/other/post'])
    assert.ok(at(path), path);
  for (const path of ['/', '/releases/x', '/auth/idcard', '/prepub/face_id_card/post']) {
    assert.ok(!at(path), path);
  }
});

test('case=the dialect list asks tencent-market first and only it claims /release/', () => {
  assert.equal(DIALECTS[0]?.name, 'tencent-market');
  const claimants = DIALECTS.filter((d) => d.claims(marketRequest()));
  assert.deepEqual(
    claimants.map((d) => d.name),
    ['tencent-market'],
  );
});

test('case=other paths and methods under /release/ are unknown actions', () => {
  for (const request of [
    marketRequest({ path: '/release/face_id_card/get' }),
    marketRequest({ path: '/release' }),
    marketRequest({ method: 'GET' }),
    marketRequest({ method: 'PUT' }),
  ]) {
    assert.deepEqual(parse(request), { refused: { code: 'unknown_action' } });
  }
});

test('case=seed sample body: form with every field, the unused one empty', () => {
  const body = form({ idcard: ZHANG.idcard, image: '/9j/AAAA', name: ZHANG.name, url: '' });
  assert.deepEqual(commandOf(body), verify({ base64: '/9j/AAAA' }));
});

test('case=form url instead of image', () => {
  const body = form({ ...ZHANG_FIELDS, image: '', url: 'http://127.0.0.1:9/a.jpg?x=1&y=2' });
  assert.deepEqual(commandOf(body), verify({ url: 'http://127.0.0.1:9/a.jpg?x=1&y=2' }));
});

test('case=JSON body', () => {
  const body = json({ ...ZHANG_FIELDS, image: 'ab+/cd==' });
  assert.deepEqual(commandOf(body, JSON_TYPE), verify({ base64: 'ab+/cd==' }));
  assert.deepEqual(
    commandOf(body, 'application/json; charset=utf-8'),
    verify({ base64: 'ab+/cd==' }),
  );
});

test('case=seed curl line: JSON with a trailing comma under curl default form type', () => {
  const body = `{"idcard":"${ZHANG.idcard}","image":"","name":"${ZHANG.name}","url":"https://example.com/a.jpg",}`;
  assert.deepEqual(commandOf(body, FORM), verify({ url: 'https://example.com/a.jpg' }));
  assert.deepEqual(commandOf(body, undefined), verify({ url: 'https://example.com/a.jpg' }));
});

test('case=an unescaped + in a form image comes back as +', () => {
  const body = `idcard=${ZHANG.idcard}&name=${encodeURIComponent(ZHANG.name)}&image=ab+/cd==`;
  assert.deepEqual(commandOf(body), verify({ base64: 'ab+/cd==' }));
});

test('case=parameter refusals in the seed order: idcard, name, photo', async (t) => {
  const cases: Array<[string, string, Outcome]> = [
    ['nothing', '', { code: 'missing_parameter', facts: { parameter: 'idcard' } }],
    [
      'empty idcard',
      form({ idcard: '', name: 'x', image: 'AAAA' }),
      { code: 'missing_parameter', facts: { parameter: 'idcard' } },
    ],
    [
      'no name',
      form({ idcard: ZHANG.idcard, image: 'AAAA' }),
      { code: 'missing_parameter', facts: { parameter: 'name' } },
    ],
    [
      'no photo',
      form({ ...ZHANG_FIELDS, image: '', url: '' }),
      { code: 'missing_parameter', facts: { parameter: 'image,url' } },
    ],
    [
      'both photos',
      form({ ...ZHANG_FIELDS, image: 'AAAA', url: 'http://a/b.jpg' }),
      { code: 'invalid_parameter', facts: { parameter: 'image,url' } },
    ],
    [
      'url not http',
      form({ ...ZHANG_FIELDS, url: 'file:///etc/passwd' }),
      { code: 'invalid_parameter', facts: { parameter: 'url' } },
    ],
    [
      'url not a url',
      form({ ...ZHANG_FIELDS, url: 'not a url' }),
      { code: 'invalid_parameter', facts: { parameter: 'url' } },
    ],
    [
      'repeated idcard',
      `idcard=1&idcard=2&${form({ name: 'x', image: 'AAAA' })}`,
      { code: 'invalid_parameter', facts: { parameter: 'idcard' } },
    ],
  ];
  for (const [name, body, expected] of cases) {
    await t.test(`case=${name}`, () => assert.deepEqual(refusalOf(body), expected));
  }
});

test('case=JSON values of the wrong type', async (t) => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['idcard as a number', { idcard: 110105199003070, name: '张三', image: 'AAAA' }, 'idcard'],
    ['name as an object', { ...ZHANG_FIELDS, name: { a: 1 } }, 'name'],
    ['image as an array', { ...ZHANG_FIELDS, image: ['AAAA'] }, 'image'],
    ['url as true', { ...ZHANG_FIELDS, url: true }, 'url'],
  ];
  for (const [name, fields, parameter] of cases) {
    await t.test(`case=${name}`, () =>
      assert.deepEqual(refusalOf(json(fields), JSON_TYPE), {
        code: 'invalid_parameter',
        facts: { parameter },
      }),
    );
  }
  await t.test('case=null counts as absent', () =>
    assert.deepEqual(refusalOf(json({ idcard: null }), JSON_TYPE), {
      code: 'missing_parameter',
      facts: { parameter: 'idcard' },
    }),
  );
});

test('case=malformed bodies are refused, never thrown', async (t) => {
  const cases: Array<[string, string | Buffer, string | undefined]> = [
    ['broken JSON', '{"idcard": ', JSON_TYPE],
    ['JSON array', '[1,2]', JSON_TYPE],
    ['JSON string', '"x"', JSON_TYPE],
    ['two trailing commas', '{"a":1,,}', FORM],
    ['not UTF-8', Buffer.from([0x69, 0x64, 0x3d, 0xff, 0xfe]), FORM],
    ['multipart', '--b\r\n\r\n', 'multipart/form-data; boundary=b'],
    ['xml', '<a/>', 'text/xml'],
  ];
  for (const [name, body, type] of cases) {
    await t.test(`case=${name}`, () =>
      assert.deepEqual(refusalOf(body, type), { code: 'malformed_request' }),
    );
  }
});

test('case=a body problem waits for toCommand: the signature is judged first', () => {
  const parsed = parsedOf('{broken', JSON_TYPE);
  assert.ok(!isRefusal(parsed.credential));
  assert.ok(isRefusal(parsed.body));
});

test('case=the Authorization header is read at parse time, refusals kept for auth', () => {
  const unsigned = parse(marketRequest({ headers: { authorization: undefined } }));
  assert.ok(!isRefusal(unsigned) && isRefusal(unsigned.credential));
  assert.deepEqual(!isRefusal(unsigned) && unsigned.credential, { refused: { code: 'unsigned' } });
});

test('case=huge and odd inputs do not throw', () => {
  const huge = form({ ...ZHANG_FIELDS, image: 'A'.repeat(5_000_000) });
  const command = commandOf(huge);
  assert.ok(!isRefusal(command) && command.kind === 'face.verify');
  assert.deepEqual(refusalOf('%%%=%%%&idcard=%E4', FORM), {
    code: 'missing_parameter',
    facts: { parameter: 'name' },
  });
  assert.ok(isRefusal(commandOf('{"__proto__": {"idcard": "x"}}', JSON_TYPE)));
});
