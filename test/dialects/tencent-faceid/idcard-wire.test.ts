/**
 * Wire: IdCardOCRVerification and CheckIdCardInformation through the official
 * tencentcloud-sdk-nodejs against one real server with the standard face pack and the ID-card
 * reader, in demo mode. ID cards are generated for the sandbox personas (the aliyun dialect's
 * card-photos.ts); a real face photo from ../shared/data/faces-dev is pasted over the drawn
 * portrait where the card's portrait must be compared (the test skips visibly without them).
 * Images travel as ImageBase64, or as ImageUrl of a loopback image server (`fetchAllow`).
 *
 * `ROWS` is the sandbox table of the two actions: every documented Result reached, or marked
 * unreachable with why; the Errors a caller meets on the way.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { ABSENT, PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { RESULTS } from '../../../src/dialects/tencent-faceid/codes.ts';
import { MAX_CARD_CHECK_BASE64 } from '../../../src/dialects/tencent-faceid/request-map.ts';
import { startTestServer } from '../../support/server.ts';
import { cardPersona, cardPhoto, type Someone } from '../aliyun-cloudauth/card-photos.ts';
import { type FaceidClient, faceidClient, MODES, sdkError } from './sdk-client.ts';

const DEV = join(import.meta.dirname, '../../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const photo = (rel: string) => readFileSync(join(DEV, rel));

const someone = (name: string): Someone => PERSONAS.find((p) => p.record.name === name)!.record;
const ZHANG = someone('张三');
const F = 'FailedOperation.';

type Action = 'IdCardOCRVerification' | 'CheckIdCardInformation';
type Expect = { result: string; fields?: Record<string, unknown> } | { error: string };

interface Row {
  action: Action;
  description: string;
  /** Wire fields; `{name}` is a photo's base64, `{url:name}` its loopback URL. */
  inputs: Record<string, unknown>;
  expect: Expect;
  /** Set on Results no caller can produce on purpose: why. */
  unreachable?: string;
}

// ---- images ----

type Photos = Record<string, Buffer>;

const grey = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#777' } })
    .jpeg()
    .toBuffer();

/** A card of the person, with a real face as its portrait (deepface/img19). */
const makePhotos = async (): Promise<Photos> => {
  const face = photo('deepface/img19.jpg');
  const card = (s: Someone, seed: number, extra = {}) =>
    cardPhoto(cardPersona(s), 'front', { seed, face, ...extra });
  const zhang = cardPersona(ZHANG);
  return {
    zhang: await card(ZHANG, 201),
    liNa: await card(someone('李娜'), 202),
    wang: await card(someone('王芳'), 203),
    minor: await card(someone('刘小宝'), 204),
    busy: await card(someone('陈忙'), 205),
    upgrading: await card(someone('赵升'), 206),
    limited: await card(someone('孙限'), 207),
    otherName: await card({ ...ZHANG, name: '李四' }, 208),
    absent: await card({ ...ZHANG, idNumber: ABSENT.idNumber }, 209),
    copy: await card(ZHANG, 210, { grey: true }),
    blurred: await card(ZHANG, 211, { variant: 'too-blurred' }),
    glare: await card(ZHANG, 212, { variant: 'glare' }),
    faceless: await cardPhoto(zhang, 'front', { seed: 213, face: await grey(200, 250) }),
    back: await cardPhoto(zhang, 'back', { seed: 214 }),
    blank: await grey(1280, 960),
    notAnImage: Buffer.from('not an image at all'),
  };
};

const imageServer = async (photos: Photos): Promise<{ server: Server; base: string }> => {
  const server = createServer((request, response) => {
    const bytes = photos[(request.url ?? '').slice(1)];
    if (!bytes) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const fill = (inputs: Record<string, unknown>, photos: Photos, base: string) =>
  Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => {
      if (typeof value !== 'string') return [name, value];
      const m = /^\{(url:)?(\w+)\}$/.exec(value);
      if (!m) return [name, value];
      return [name, m[1] ? `${base}/${m[2]}` : photos[m[2]!]!.toString('base64')];
    }),
  );

// ---- the rows ----

/** Sim on the 'tencent-v2' scale of each sandbox portrait verdict (face-results.ts). */
const SIM = { same: 90, different: 5.27 } as const;

const O = 'IdCardOCRVerification';
const C = 'CheckIdCardInformation';
const text = (s: Someone) => ({ IdCard: s.idNumber, Name: s.name });
const row = (action: Action, description: string, inputs: Row['inputs'], expect: Expect): Row => ({
  action,
  description,
  inputs,
  expect,
});
const never = (action: Action, result: string, description: string, why: string): Row => ({
  ...row(action, description, {}, { result }),
  unreachable: why,
});

/** What the reader reads off the Zhang San card (card-photos.ts cardPersona). */
const ZHANG_CARD = {
  Name: '张三',
  Sex: '男',
  Nation: '汉',
  Birth: '1990/3/7',
  Address: cardPersona(ZHANG).address,
};

const OCR_ROWS: Row[] = [
  row(O, 'by text: consistent', text(ZHANG), {
    result: '0',
    fields: { Name: '张三', IdCard: ZHANG.idNumber, Sex: '', Birth: '', Portrait: '' },
  }),
  row(O, 'by text: name differs', { ...text(ZHANG), Name: '李四' }, { result: '-1' }),
  row(
    O,
    'by text: bad check digit',
    { ...text(ZHANG), IdCard: '110105199003070018' },
    {
      result: '-2',
    },
  ),
  row(O, 'by text: bad name', { ...text(ZHANG), Name: '张3' }, { result: '-3' }),
  row(O, 'by text: authority busy', text(someone('陈忙')), { result: '-4' }),
  row(O, 'by text: no record', { ...text(ZHANG), IdCard: ABSENT.idNumber }, { result: '-5' }),
  row(O, 'by text: authority upgrading', text(someone('赵升')), { result: '-6' }),
  row(O, 'by text: daily limit', text(someone('孙限')), { result: '-7' }),
  row(
    O,
    'by text, a card photo too: text wins',
    { ...text(ZHANG), ImageBase64: '{otherName}' },
    {
      result: '0',
      fields: { Name: '张三', Sex: '' },
    },
  ),
  row(
    O,
    'by ImageBase64: the card read',
    { ImageBase64: '{zhang}' },
    {
      result: '0',
      fields: { ...ZHANG_CARD, IdCard: ZHANG.idNumber, Warnings: '' },
    },
  ),
  row(O, 'by ImageUrl', { ImageUrl: '{url:zhang}' }, { result: '0', fields: ZHANG_CARD }),
  row(
    O,
    'ImageBase64 wins over ImageUrl',
    { ImageBase64: '{zhang}', ImageUrl: '{url:blank}' },
    {
      result: '0',
    },
  ),
  row(
    O,
    'card shows another name',
    { ImageBase64: '{otherName}' },
    {
      result: '-1',
      fields: { Name: '李四' },
    },
  ),
  row(O, 'card of nobody on record', { ImageBase64: '{absent}' }, { result: '-5' }),
  row(
    O,
    'black-and-white copy, CopyWarn',
    { ImageBase64: '{copy}', Config: '{"CopyWarn":true}' },
    {
      result: '0',
      fields: { Warnings: '-9108' },
    },
  ),
  row(
    O,
    'black-and-white copy, no Config',
    { ImageBase64: '{copy}' },
    {
      result: '0',
      fields: { Warnings: '' },
    },
  ),
  row(O, 'blurred card', { ImageBase64: '{blurred}' }, { error: `${F}ImageBlur` }),
  row(O, 'glare on the card', { ImageBase64: '{glare}' }, { error: `${F}OcrFailed` }),
  row(O, 'no card in the photo', { ImageBase64: '{blank}' }, { error: `${F}ImageNoIdCard` }),
  row(
    O,
    'the back instead of the front',
    { ImageBase64: '{back}' },
    {
      error: `${F}ImageNoIdCard`,
    },
  ),
  row(O, 'not an image', { ImageBase64: '{notAnImage}' }, { error: `${F}ImageDecodeFailed` }),
  row(O, 'URL not found', { ImageUrl: '{url:missing}' }, { error: `${F}DownLoadError` }),
  row(
    O,
    'Config not JSON',
    { ImageBase64: '{zhang}', Config: '{CopyWarn:true' },
    {
      error: 'InvalidParameterValue',
    },
  ),
  row(O, 'nothing to check', { Name: '张三' }, { error: 'MissingParameter' }),
];

const card = (image: string, extra: Record<string, unknown> = {}) => ({
  ImageBase64: image,
  ...extra,
});

const CHECK_ROWS: Row[] = [
  row(C, 'same person', card('{zhang}'), {
    result: 'Success',
    fields: { ...ZHANG_CARD, IdNum: ZHANG.idNumber, Sim: SIM.same, Encryption: null },
  }),
  row(C, 'same person, by ImageUrl', { ImageUrl: '{url:zhang}' }, { result: 'Success' }),
  row(
    C,
    'ImageUrl wins over ImageBase64',
    { ImageUrl: '{url:zhang}', ImageBase64: '{blank}' },
    {
      result: 'Success',
    },
  ),
  row(C, 'different person', card('{liNa}'), {
    result: `${F}CompareLowSimilarity`,
    fields: { Sim: SIM.different },
  }),
  row(C, 'card name differs from the record', card('{otherName}'), {
    result: `${F}IdNameMisMatch`,
  }),
  row(C, 'card of nobody on record', card('{absent}'), { result: `${F}IdNoExistSystem` }),
  row(C, 'no authority portrait', card('{wang}'), { result: `${F}IdPhotoNoExist` }),
  row(C, 'authority portrait unusable', card('{minor}'), { result: `${F}IdPhotoPoorQuality` }),
  row(C, 'authority busy', card('{busy}'), { result: `${F}IdPhotoSystemNoanswer` }),
  row(C, 'authority upgrading', card('{upgrading}'), {
    result: `${F}CompareLibServiceUnavailable`,
  }),
  row(C, 'daily limit', card('{limited}'), { result: `${F}RequestLimitExceeded` }),
  row(C, 'black-and-white copy, CopyWarn', card('{copy}', { Config: '{"CopyWarn":true}' }), {
    result: `${F}OcrWarningOccurred`,
    fields: { Warnings: '-9102', Sim: 0, Description: '出现OCR告警' },
  }),
  row(C, 'black-and-white copy, no Config', card('{copy}'), { result: 'Success' }),
  row(C, 'blurred card', card('{blurred}'), { result: `${F}ImageBlur` }),
  row(C, 'glare on the card', card('{glare}'), { result: `${F}OcrFailed` }),
  row(C, 'card portrait holds no face', card('{faceless}'), { result: `${F}OcrFailed` }),
  row(C, 'no card in the photo', card('{blank}'), { result: `${F}ImageNoIdCard` }),
  row(C, 'the back instead of the front', card('{back}'), { result: `${F}ImageNoIdCard` }),
  row(C, 'not an image', card('{notAnImage}'), { result: `${F}ImageDecodeFailed` }),
  row(C, 'URL not found', { ImageUrl: '{url:missing}' }, { error: `${F}DownLoadError` }),
  row(C, 'no image', {}, { error: `${F}EmptyImageError` }),
  row(C, 'ImageBase64 over 7 MB', card('{oversize}'), { error: `${F}ImageSizeTooLarge` }),
  row(C, 'encrypted answer asked', card('{zhang}', { IsEncrypt: true }), {
    error: 'InvalidParameter.UnsupportEncryptField',
  }),
  row(C, 'Config not JSON', card('{zhang}', { Config: '[]' }), { error: 'InvalidParameterValue' }),
  never(
    C,
    `${F}IdFormatError`,
    'ID number malformed',
    'the reader returns only checksum-valid numbers it could read; any other card is "cannot be read" (OcrFailed)',
  ),
  never(
    C,
    `${F}NameFormatError`,
    'name malformed',
    'the reader drops a name it cannot vouch for; such a card is "cannot be read" (OcrFailed)',
  ),
  never(
    C,
    `${F}LifePhotoDetectNoFaces`,
    'no face on the card',
    'the core reports a card portrait without a usable face as a card to take again (OcrFailed)',
  ),
  never(
    C,
    `${F}LifePhotoDetectFaces`,
    'several faces on the card',
    'as above: an unusable card portrait is OcrFailed',
  ),
  never(
    C,
    `${F}LifePhotoPoorQuality`,
    'poor card portrait',
    'as above: an unusable card portrait is OcrFailed',
  ),
];

const ROWS: Row[] = [...OCR_ROWS, ...CHECK_ROWS];

/** Warning codes no generated photo raises, and why (idcard-config.ts). */
const UNREACHABLE_WARNINGS: Record<string, string> = {
  '-9101':
    'the generator cannot crop a card so that the reader still finds it with a corner outside (it says "no card")',
  '-9103, -9104, -9105, -9106':
    'the engine detects no recapture, temporary card, occlusion or retouching',
  '-9107, -9109':
    'IdCardOCRVerification answers a glare refusal as an Error, and a portrait side carries no dates',
  '-8001': 'a card the reader accepts has quality ≥ 50; a blurred one is an Error / ImageBlur',
};

test('case=the rows cover every documented Result of both actions', () => {
  for (const action of [O, C] as const) {
    const results = ROWS.filter((r) => r.action === action && 'result' in r.expect).map(
      (r) => (r.expect as { result: string }).result,
    );
    assert.deepEqual(
      [...new Set(results)].sort(),
      Object.keys(RESULTS[action].documented).sort(),
      action,
    );
  }
  assert.ok(UNREACHABLE_WARNINGS['-9101']);
});

const call = (client: FaceidClient, row: Row, params: Record<string, unknown>) =>
  row.action === O
    ? client.IdCardOCRVerification(params as Parameters<FaceidClient['IdCardOCRVerification']>[0])
    : client.CheckIdCardInformation(
        params as Parameters<FaceidClient['CheckIdCardInformation']>[0],
      );

test('IdCardOCRVerification / CheckIdCardInformation through the SDK, face pack and OCR', async (t) => {
  if (!present) {
    t.skip('../shared/data/faces-dev is absent: ID-card wire tests not run');
    return;
  }
  const photos = await makePhotos();
  photos.oversize = Buffer.alloc(Math.ceil((MAX_CARD_CHECK_BASE64 * 3) / 4) + 3, 0xff);
  const images = await imageServer(photos);
  t.after(() => images.server.close());
  const server = await startTestServer({
    config: { facePack: 'standard', ocr: true, fetchAllow: ['127.0.0.1/32'] },
  });
  t.after(() => server.close());
  const app = await server.createApp({ name: 'faceid-idcard', qps: 100_000 });

  const check = async (mode: (typeof MODES)[number], row: Row) => {
    const client = faceidClient(server.port, mode, app);
    const params = fill(row.inputs, photos, images.base);
    if ('error' in row.expect) {
      assert.equal((await sdkError(call(client, row, params))).code, row.expect.error);
      return;
    }
    const response = (await call(client, row, params)) as Record<string, unknown>;
    const context = JSON.stringify({ ...response, Portrait: undefined }).slice(0, 400);
    assert.equal(response.Result, row.expect.result, context);
    assert.equal(response.Description, RESULTS[row.action].documented[row.expect.result]);
    for (const [name, value] of Object.entries(row.expect.fields ?? {})) {
      assert.deepEqual(response[name], value, `${name}: ${context}`);
    }
    const read = typeof response.Portrait === 'string' && response.Portrait !== '';
    if (row.action === C && row.expect.result === 'Success') assert.ok(read, 'Portrait');
  };

  const tc3 = MODES.find((m) => m.name === 'tc3-post')!;
  for (const row of ROWS.filter((r) => r.unreachable === undefined)) {
    await t.test(`case=${tc3.name} ${row.action} ${row.description}`, () => check(tc3, row));
  }

  // Every other POST transport, on one Result of each action.
  const samples = ROWS.filter((r) =>
    ['by ImageBase64: the card read', 'same person'].includes(r.description),
  );
  for (const mode of MODES.filter((m) => m.reqMethod === 'POST' && m !== tc3)) {
    for (const row of samples) {
      await t.test(`case=${mode.name} ${row.action} ${row.description}`, () => check(mode, row));
    }
  }
});
