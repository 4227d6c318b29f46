/**
 * Wire: VerifyMaterial (and seed 004's VerifyMaterials) and DescribeVerifyResult through
 * @alicloud/pop-core (RPC v1, POST) and @alicloud/cloudauth20190307 (ACS3, and RPC v1 with
 * `signatureAlgorithm: 'v2'`) against one real server with the standard face pack and the
 * ID-card reader, in demo mode, with a BizType made by `shiming biztypes create shop`.
 *
 * Images travel as URLs of a loopback image server (the server may fetch from it: `fetchAllow`).
 * ID cards are generated for the sandbox personas (card-photos.ts); the selfie and the faces
 * pasted on the cards are third-party photos read from ../shared/data/faces-dev (never copied
 * here; the test skips visibly without them). `ROWS` reaches every VerifyStatus of seed 004 (1–10,
 * 12, 13) and every error code of the action; `UNREACHABLE` says why the rest cannot be reached.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import * as $Cloudauth from '@alicloud/cloudauth20190307';
import RPCClient from '@alicloud/pop-core';
import sharp from 'sharp';
import { ABSENT, PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { type AppCredentials, startTestServer, type TestServer } from '../../support/server.ts';
import { cardPersona, cardPhoto, cutOff, type Someone } from './card-photos.ts';
import { type Json, teaClient } from './wire-client.ts';

const DEV = join(import.meta.dirname, '../../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const photo = (rel: string) => readFileSync(join(DEV, rel));

const someone = (name: string): Someone => PERSONAS.find((p) => p.record.name === name)!.record;
const ZHANG = someone('张三');
const LI_NA = someone('李娜');
const who = (s: Someone) => ({ Name: s.name, IdCardNumber: s.idNumber });

// ---- images ----

type Photos = Record<string, Buffer>;

const grey = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#777' } }).jpeg();

/**
 * The selfie is spoof/img18_real (a live photo); the card that matches it carries another photo
 * of the same person (deepface/img19), the card that does not someone else's (deepface/img1).
 */
const makePhotos = async (): Promise<Photos> => {
  const same = photo('deepface/img19.jpg');
  const zhang = cardPersona(ZHANG);
  const front = await cardPhoto(zhang, 'front', { seed: 101, face: same });
  const back = await cardPhoto(zhang, 'back', { seed: 102 });
  return {
    selfie: photo('spoof/img18_real.jpg'),
    spoof: photo('spoof/img18_screen.jpg'),
    blank: await grey(640, 480).toBuffer(),
    notAnImage: Buffer.from('not an image at all'),
    front,
    back,
    frontOtherFace: await cardPhoto(zhang, 'front', {
      seed: 103,
      face: photo('deepface/img1.jpg'),
    }),
    // A featureless patch where the portrait goes: the card holds no face at all.
    frontFaceless: await cardPhoto(zhang, 'front', {
      seed: 104,
      face: await grey(200, 250).toBuffer(),
    }),
    frontCopy: await cardPhoto(zhang, 'front', { seed: 105, face: same, grey: true }),
    frontOtherName: await cardPhoto(cardPersona({ ...ZHANG, name: '张珊' }), 'front', {
      seed: 106,
      face: same,
    }),
    frontOtherNumber: await cardPhoto(
      cardPersona({ ...ZHANG, idNumber: LI_NA.idNumber }),
      'front',
      {
        seed: 107,
        face: same,
      },
    ),
    frontBlurred: await cardPhoto(zhang, 'front', {
      seed: 108,
      face: same,
      variant: 'too-blurred',
    }),
    frontCutOff: await cutOff(front),
    backExpired: await cardPhoto(
      cardPersona(ZHANG, { validFrom: '2005-03-01', validTo: '2015-03-01' }),
      'back',
      { seed: 109 },
    ),
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

// ---- the rows ----

type Expect = { verifyStatus: number } | { error: string; status: number };

interface Row {
  description: string;
  /** Wire fields; `{name}` becomes the loopback URL of a photo. BizType/BizId are added. */
  inputs: Record<string, string>;
  expect: Expect;
  bizType?: string;
}

const status = (verifyStatus: number): Expect => ({ verifyStatus });
const error = (code: string, httpStatus = 400): Expect => ({ error: code, status: httpStatus });

const submit = (s: Someone, selfie = '{selfie}', extra: Record<string, string> = {}) => ({
  ...who(s),
  FaceImageUrl: selfie,
  ...extra,
});
const withCard = (front: string, back?: string) => ({
  IdCardFrontImageUrl: `{${front}}`,
  ...(back && { IdCardBackImageUrl: `{${back}}` }),
});
const row = (description: string, inputs: Record<string, string>, expect: Expect): Row => ({
  description,
  inputs,
  expect,
});

const PASS = row(
  'passed, both card sides',
  submit(ZHANG, '{selfie}', withCard('front', 'back')),
  status(1),
);

const ROWS: Row[] = [
  PASS,
  row('passed, no card photos', submit(ZHANG), status(1)),
  row('name and number disagree', submit({ ...ZHANG, name: '李四' }), status(2)),
  row('no record', submit({ ...ZHANG, idNumber: ABSENT.idNumber }), status(2)),
  row('card shows another name', submit(ZHANG, '{selfie}', withCard('frontOtherName')), status(3)),
  row('card too blurred to read', submit(ZHANG, '{selfie}', withCard('frontBlurred')), status(3)),
  row(
    'card shows another number',
    submit(ZHANG, '{selfie}', withCard('frontOtherNumber')),
    status(4),
  ),
  row('card expired', submit(ZHANG, '{selfie}', withCard('front', 'backExpired')), status(5)),
  row(
    'face is not the card portrait',
    submit(ZHANG, '{selfie}', withCard('frontOtherFace')),
    status(6),
  ),
  row('face is not the authority portrait', submit(LI_NA), status(7)),
  row(
    'black-and-white copy of the card',
    submit(ZHANG, '{selfie}', withCard('frontCopy')),
    status(8),
  ),
  row(
    'card portrait holds no face',
    submit(ZHANG, '{selfie}', withCard('frontFaceless')),
    status(8),
  ),
  row('card cut off', submit(ZHANG, '{selfie}', withCard('frontCutOff')), status(8)),
  row('back sent as the front', submit(ZHANG, '{selfie}', withCard('back')), status(8)),
  row('no card, a blank photo', submit(ZHANG, '{selfie}', withCard('blank')), status(8)),
  row('not the account holder', submit(someone('钱户')), status(9)),
  row('a different person operating', submit(someone('郑异')), status(10)),
  row('selfie of a screen', submit(ZHANG, '{spoof}'), status(10)),
  row('no authority portrait', submit(someone('王芳')), status(12)),
  row('authority portrait unusable', submit(someone('刘小宝')), status(12)),
  row('authority busy', submit(someone('陈忙')), status(13)),
  row('authority upgrading', submit(someone('赵升')), status(13)),
  row('bad check digit', submit({ ...ZHANG, idNumber: '110105199003070018' }), error('3103')),
  row('bad name', submit({ ...ZHANG, name: '张3' }), error('InvalidParameter')),
  row('daily attempt limit', submit(someone('孙限')), error('Error.InternalError', 401)),
  row('selfie without a face', submit(ZHANG, '{blank}'), error('InvalidParam.MaterialsNotValid')),
  row(
    'selfie not an image',
    submit(ZHANG, '{notAnImage}'),
    error('InvalidParam.MaterialsNotValid'),
  ),
  row('selfie URL not found', submit(ZHANG, '{missing}'), error('InvalidParam.MaterialsNotValid')),
  row(
    'selfie on OSS',
    submit(ZHANG, 'oss://bucket:face.jpg'),
    error('InvalidParam.MaterialsNotValid'),
  ),
  row('no FaceImageUrl', who(ZHANG), error('MissingParameter')),
  {
    ...row('unknown BizType', submit(ZHANG), error('InvalidBizType.NotFound', 404)),
    bizType: 'nope',
  },
];

/** Documented codes of these actions that no caller can reach on purpose, and why. */
const UNREACHABLE: Record<string, string> = {
  'VerifyStatus 11':
    'seed 004 numbers the portrait and authority failures 12 and 13; the metadata calls them 11 and 12 (spec §4.1)',
  'VerifyStatus -1 on VerifyMaterial': 'only DescribeVerifyResult reports "not verified"',
  '3101 / 3102 on VerifyMaterial':
    'VerifyMaterial reports the name + number check as VerifyStatus 2; VerifyMaterials as 3101 / 3102',
  'DescribeVerifyResult 410 DataExpired': 'shiming keeps materials tasks; none expires',
  'FaceComparisonScore, FaceGlobalUrl, FaceMask, FaceQuality':
    'no retained photo and no mask / quality grading exist here',
};

test('case=the rows reach every VerifyStatus of seed 004', () => {
  const reached = new Set(
    ROWS.flatMap((r) => ('verifyStatus' in r.expect ? [r.expect.verifyStatus] : [])),
  );
  assert.deepEqual(
    [...reached].sort((a, b) => a - b),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13],
  );
  assert.ok(UNREACHABLE['VerifyStatus 11']);
});

// ---- clients ----

type ClientName = 'pop-core POST' | 'tea ACS3' | 'tea v2';
const CLIENTS: ClientName[] = ['pop-core POST', 'tea ACS3', 'tea v2'];

interface Reply {
  /** The body's Code (absent on the legacy success shape) or the error code. */
  code?: string;
  /** HTTP status (Tea only). */
  status?: number;
  /** PascalCase body (Tea's model turned back with toMap). */
  body: Json;
}

const popCall = async (server: TestServer, app: AppCredentials, action: string, params: Json) => {
  const client = new RPCClient({
    accessKeyId: app.accessKeyId,
    accessKeySecret: app.accessKeySecret,
    endpoint: server.url,
    apiVersion: '2019-03-07',
  });
  try {
    const body = (await client.request(action, params, { method: 'POST' })) as Json;
    return { code: body.Code, body } as Reply;
  } catch (e) {
    const failure = e as { code: string; data?: Json };
    if (!failure.data) throw e;
    return { code: failure.code, body: failure.data } as Reply;
  }
};

const camel = (params: Json): Json =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]));

type TeaMethod = (r: unknown) => Promise<{ statusCode: number; body: { toMap(): Json } }>;

const teaCall = async (
  server: TestServer,
  app: AppCredentials,
  v2: boolean,
  action: 'VerifyMaterial' | 'DescribeVerifyResult',
  params: Json,
): Promise<Reply> => {
  const client = teaClient(server, app, v2) as unknown as Record<string, TeaMethod>;
  const Request = ($Cloudauth as unknown as Record<string, new (m: object) => unknown>)[
    `${action}Request`
  ]!;
  const method = action[0]!.toLowerCase() + action.slice(1);
  try {
    const response = await client[method]!.call(client, new Request(camel(params)));
    return { status: response.statusCode, body: response.body.toMap() };
  } catch (e) {
    const failure = e as { code?: string; statusCode?: number; data?: Json };
    if (failure.code === undefined || failure.statusCode === undefined) throw e;
    return { code: failure.code, status: failure.statusCode, body: failure.data ?? {} };
  }
};

const fill = (inputs: Record<string, string>, base: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, v.replace(/^\{(\w+)\}$/, `${base}/$1`)]),
  );

const checkRow = (row: Row, client: ClientName, reply: Reply) => {
  const context = JSON.stringify(reply.body).slice(0, 400);
  if ('error' in row.expect) {
    assert.equal(reply.code, row.expect.error, context);
    if (client !== 'pop-core POST') assert.equal(reply.status, row.expect.status);
    return;
  }
  assert.equal(reply.code, undefined, `the legacy success shape has no Code: ${context}`);
  assert.equal(reply.body.VerifyStatus, row.expect.verifyStatus, context);
  assert.match(reply.body.VerifyToken, /^[0-9a-f]{32}$/);
  assert.equal(reply.body.Material.IdCardNumber, row.inputs.IdCardNumber);
};

test('Cloudauth VerifyMaterial / VerifyMaterials / DescribeVerifyResult, face pack and OCR', async (t) => {
  if (!present) {
    t.skip('../shared/data/faces-dev is absent: materials wire tests not run');
    return;
  }
  const photos = await makePhotos();
  const images = await imageServer(photos);
  t.after(() => images.server.close());
  const server = await startTestServer({
    config: { facePack: 'standard', ocr: true, fetchAllow: ['127.0.0.1/32'] },
  });
  t.after(() => server.close());
  await server.cli(['biztypes', 'create', 'shop']);
  const app = await server.createApp({ name: 'cloudauth-materials', qps: 100_000 });

  let serial = 0;
  const task = (bizType = 'shop') => ({ BizType: bizType, BizId: `task-${++serial}` });
  const verify = (client: ClientName, params: Json) =>
    client === 'pop-core POST'
      ? popCall(server, app, 'VerifyMaterial', params)
      : teaCall(server, app, client === 'tea v2', 'VerifyMaterial', params);
  const describe = (client: ClientName, params: Json) =>
    client === 'pop-core POST'
      ? popCall(server, app, 'DescribeVerifyResult', params)
      : teaCall(server, app, client === 'tea v2', 'DescribeVerifyResult', params);

  for (const client of CLIENTS) {
    for (const r of ROWS) {
      await t.test(`case=${client} VerifyMaterial ${r.description}`, async () => {
        const params = { ...task(r.bizType), ...fill(r.inputs, images.base) };
        checkRow(r, client, await verify(client, params));
      });
    }
  }

  await t.test(
    'case=a pass: scores under both spellings, the card read, then already passed',
    async () => {
      const key = task();
      const params: Record<string, string> = { ...key, ...fill(PASS.inputs, images.base) };
      const { body } = await popCall(server, app, 'VerifyMaterial', params);
      assert.equal(body.VerifyStatus, 1);
      // The sandbox's "same person" verdict stands for FAR 1e-6: 97.5 on the alibaba scale.
      assert.deepEqual(
        [body.AuthorityComparisionScore, body.AuthorityComparisonScore],
        [97.5, 97.5],
      );
      assert.ok(body.IdCardFaceComparisonScore >= 90, String(body.IdCardFaceComparisonScore));
      // pop-core parses with json-bigint: plain copies compare.
      assert.deepEqual(
        { ...body.Material.IdCardInfo },
        {
          FrontImageUrl: params.IdCardFrontImageUrl,
          BackImageUrl: params.IdCardBackImageUrl,
          Name: '张三',
          Number: ZHANG.idNumber,
          Sex: '男',
          Nationality: '汉',
          Address: cardPersona(ZHANG).address,
          Birth: '19900307',
          StartDate: '20150301',
          EndDate: '20350301',
          Authority: '北京市公安局朝阳分局',
        },
      );
      const again = await teaCall(server, app, false, 'VerifyMaterial', params);
      assert.deepEqual([again.status, again.code], [400, 'Error.DuplicatedTicketId']);

      for (const client of CLIENTS) {
        const described = await describe(client, key);
        assert.equal(described.body.VerifyStatus, 1, client);
        assert.equal(described.body.AuthorityComparisionScore, 97.5, client);
        assert.equal(described.body.Material.IdCardInfo.Number, ZHANG.idNumber, client);
      }
    },
  );

  await t.test(
    'case=DescribeVerifyResult: a failed task, no task, an unknown BizType',
    async () => {
      const failed = task();
      const inputs = submit(ZHANG, '{selfie}', withCard('frontOtherFace'));
      await popCall(server, app, 'VerifyMaterial', { ...failed, ...fill(inputs, images.base) });
      for (const client of CLIENTS) {
        assert.equal((await describe(client, failed)).body.VerifyStatus, 6, client);
        const none = await describe(client, { BizType: 'shop', BizId: 'never-submitted' });
        assert.deepEqual([none.code, none.body.VerifyStatus], [undefined, -1], client);
        const unknown = await describe(client, { BizType: 'nope', BizId: 'x' });
        assert.equal(unknown.code, 'InvalidBizType.NotFound', client);
        if (client !== 'pop-core POST') assert.equal(unknown.status, 404);
      }
    },
  );

  await t.test('case=VerifyMaterials (seed 004): its shape and its 3101–3103', async () => {
    const call = (inputs: Record<string, string>) =>
      popCall(server, app, 'VerifyMaterials', { ...task(), ...fill(inputs, images.base) });
    const passed = await call(PASS.inputs);
    assert.equal(passed.code, '200');
    assert.deepEqual([passed.body.Success, passed.body.Data.VerifyStatus], [true, 1]);
    assert.equal(passed.body.Data.AuthorityComparisonScore, 97.5);
    assert.equal(passed.body.Data.Material.IdCardInfo.StartDate, '2015-03-01');
    const expired = await call(submit(ZHANG, '{selfie}', withCard('front', 'backExpired')));
    assert.equal(expired.body.Data.VerifyStatus, 5);
    assert.equal((await call(submit({ ...ZHANG, name: '李四' }))).code, '3101');
    assert.equal((await call(submit({ ...ZHANG, idNumber: ABSENT.idNumber }))).code, '3102');
    const badDigit = submit({ ...ZHANG, idNumber: '110105199003070018' });
    assert.equal((await call(badDigit)).code, '3103');
  });

  await t.test('case=BizId over 64 characters', async () => {
    for (const client of CLIENTS) {
      const params = {
        BizType: 'shop',
        BizId: 'x'.repeat(65),
        ...fill(submit(ZHANG), images.base),
      };
      const reply = await verify(client, params);
      assert.equal(reply.code, 'InvalidParameter', client);
    }
  });

  await t.test('case=quota used up: 403 Error.NoPermissionAccess', async () => {
    const metered = await server.createApp({ name: 'cloudauth-materials-quota', quota: 1 });
    const params = () => ({ ...task(), ...fill(submit(ZHANG), images.base) });
    assert.equal(
      (await teaCall(server, metered, false, 'VerifyMaterial', params())).body.VerifyStatus,
      1,
    );
    const refused = await teaCall(server, metered, false, 'VerifyMaterial', params());
    assert.deepEqual([refused.status, refused.code], [403, 'Error.NoPermissionAccess']);
  });
});
