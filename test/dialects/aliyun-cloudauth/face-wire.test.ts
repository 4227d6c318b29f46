/**
 * Wire: CompareFaces, DetectFaceAttributes, ContrastFaceVerify and LivenessFaceVerify through
 * @alicloud/pop-core (RPC v1, POST) and @alicloud/cloudauth20190307 (ACS3, and RPC v1 with
 * `signatureAlgorithm: 'v2'`) against one real server with the standard face pack, in demo mode
 * (ContrastFaceVerify compares the photo with the sandbox persona's documented verdict).
 * `ROWS` is the sandbox table of the four actions: every Passed/SubCode, Code and error code a
 * caller can reach, with the photos named in braces — `{selfie}` is sent as base64, `{url:selfie}`
 * as a URL on a loopback image server the server may fetch from (`fetchAllow`).
 *
 * Photos are third-party images read from ../shared/data/faces-dev (never copied here); the
 * blank, two-face and tiny-face images are made with sharp. pop-core GET is not used: a photo in
 * the query string exceeds what an HTTP server accepts as a request line.
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
import { type Json, teaClient } from './wire-client.ts';

const DEV = join(import.meta.dirname, '../../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const photo = (rel: string) => readFileSync(join(DEV, rel));

type Action = 'CompareFaces' | 'DetectFaceAttributes' | 'ContrastFaceVerify' | 'LivenessFaceVerify';

interface Expect {
  /** The body's Code ("200", a face-flow Code) or the gateway error code. */
  code: string;
  /** HTTP status when not 200 (Tea reports it). */
  status?: number;
  passed?: 'T' | 'F';
  subCode?: string;
  /** DetectFaceAttributes: how many faces. */
  faces?: number;
  /** CompareFaces: SimilarityScore at or above 90 (FAR 1e-4) or below 60 (FAR 1e-2). */
  similarity?: 'same' | 'different';
}

interface Row {
  action: Action;
  description: string;
  /** Wire fields; `{name}` is a photo's base64, `{url:name}` its loopback URL. */
  inputs: Record<string, string>;
  expect: Expect;
}

const persona = (name: string) => {
  const { record } = PERSONAS.find((p) => p.record.name === name)!;
  return { CertName: record.name, CertNo: record.idNumber };
};
const ZHANG = persona('张三');

const ok = (extra: Partial<Expect> = {}): Expect => ({ code: '200', ...extra });
const verdict = (passed: 'T' | 'F', subCode: string): Expect => ok({ passed, subCode });
const gw = (code: string, status = 400): Expect => ({ code, status });

type Case = readonly [description: string, inputs: Record<string, string>, expect: Expect];
const rowsOf = (action: Action, cases: readonly Case[]): Row[] =>
  cases.map(([description, inputs, expect]) => ({ action, description, inputs, expect }));

const pair = (source: string, target: string, types = ['FacePic', 'FacePic']) => ({
  SourceImageType: types[0]!,
  SourceImageValue: source,
  TargetImageType: types[1]!,
  TargetImageValue: target,
});

const C = 'CompareFaces';
const COMPARE = rowsOf(C, [
  ['same person', pair('base64://{sameA}', 'base64://{sameB}'), ok({ similarity: 'same' })],
  [
    'different people',
    pair('base64://{sameA}', 'base64://{otherPerson}'),
    ok({ similarity: 'different' }),
  ],
  ['same person, one by URL', pair('{url:sameA}', 'base64://{sameB}'), ok({ similarity: 'same' })],
  [
    'ID-chip portrait as the source',
    pair('{url:sameB}', 'base64://{sameA}', ['IDPic', 'FacePic']),
    ok({ similarity: 'same' }),
  ],
  ['no face', pair('base64://{blank}', 'base64://{sameB}'), gw('Error.NoFaceDetected')],
  ['two faces', pair('base64://{twoFaces}', 'base64://{sameB}'), gw('Error.InternalError')],
  ['face too small', pair('base64://{sameA}', 'base64://{tinyFace}'), gw('Error.InternalError')],
  [
    'not an image',
    pair('base64://{notAnImage}', 'base64://{sameB}'),
    gw('InvalidParam.ImageValuePatternError'),
  ],
  [
    'URL of something else than an image',
    pair('{url:notAnImage}', 'base64://{sameB}'),
    gw('InvalidParam.ImageValuePatternError'),
  ],
  ['URL not found', pair('{url:missing}', 'base64://{sameB}'), gw('InvalidParam.ImageNotFound')],
  [
    'OSS address',
    pair('oss://bucket:face.jpg', 'base64://{sameB}'),
    gw('InvalidParam.ImageNotFound'),
  ],
  [
    'base64 without base64://',
    pair('{sameA}', 'base64://{sameB}'),
    gw('InvalidParam.ImageValuePatternError'),
  ],
  [
    'no face photo among the two',
    pair('base64://{sameA}', 'base64://{sameB}', ['IDPic', 'IDPic']),
    gw('InvalidParam.FacePicNotGiven'),
  ],
  [
    'unknown image type',
    pair('base64://{sameA}', 'base64://{sameB}', ['FacePic', 'Selfie']),
    gw('InvalidParam.ImageTypeInvalid'),
  ],
  [
    'no image type',
    { SourceImageValue: 'base64://{sameA}', TargetImageType: 'FacePic', TargetImageValue: 'x' },
    gw('InvalidParam.ImageTypeEmpty'),
  ],
  [
    'no target image',
    {
      SourceImageType: 'FacePic',
      SourceImageValue: 'base64://{sameA}',
      TargetImageType: 'FacePic',
    },
    gw('InvalidParam.ParamsMissing'),
  ],
]);

const D = 'DetectFaceAttributes';
const DETECT = rowsOf(D, [
  ['one face', { MaterialValue: 'base64://{selfie}' }, ok({ faces: 1 })],
  ['one face by URL', { MaterialValue: '{url:selfie}', BizType: 'RPBasicTest' }, ok({ faces: 1 })],
  ['two faces', { MaterialValue: 'base64://{twoFaces}' }, ok({ faces: 2 })],
  ['no face', { MaterialValue: 'base64://{blank}' }, ok({ faces: 0 })],
  [
    'not an image',
    { MaterialValue: 'base64://{notAnImage}' },
    gw('Error.DetectFaceAttributesBase64Error'),
  ],
  [
    'URL of something else than an image',
    { MaterialValue: '{url:notAnImage}' },
    gw('Error.DetectFaceAttributesHttpError'),
  ],
  ['URL not found', { MaterialValue: '{url:missing}' }, gw('Error.DetectFaceAttributesHttpError')],
  [
    'OSS address',
    { MaterialValue: 'oss://bucket:face.jpg' },
    gw('Error.DetectFaceAttributesOssError'),
  ],
  [
    'not an image address',
    { MaterialValue: '{selfie}' },
    gw('Error.DetectFaceAttributesParamError'),
  ],
  ['no MaterialValue', { BizType: 'RPBasicTest' }, gw('InvalidParam.ParamsMissing')],
]);

const V = 'ContrastFaceVerify';
const withPhoto = (who: Record<string, string>, image = '{selfie}') => ({
  ...who,
  FaceContrastPicture: image,
});
const CONTRAST = rowsOf(V, [
  ['same person', withPhoto(ZHANG), verdict('T', '200')],
  [
    'same person, photo by URL',
    { ...ZHANG, FaceContrastPictureUrl: '{url:selfie}' },
    verdict('T', '200'),
  ],
  ['name differs', withPhoto({ ...ZHANG, CertName: '李四' }), verdict('F', '201')],
  ['no record', withPhoto({ ...ZHANG, CertNo: ABSENT.idNumber }), verdict('F', '202')],
  ['no portrait', withPhoto(persona('王芳')), verdict('F', '203')],
  ['portrait unusable', withPhoto(persona('刘小宝')), verdict('F', '203')],
  ['different person', withPhoto(persona('李娜')), verdict('F', '204')],
  ['undecided similarity', withPhoto(persona('阿依古丽·买买提')), verdict('F', '204')],
  ['spoofed photo', withPhoto(ZHANG, '{spoof}'), verdict('F', '205')],
  [
    'spoofed photo, Model=NO_LIVENESS',
    { ...withPhoto(ZHANG, '{spoof}'), Model: 'NO_LIVENESS' },
    verdict('T', '200'),
  ],
  ['authority busy', withPhoto(persona('陈忙')), ok({ code: '417' })],
  ['authority upgrading', withPhoto(persona('赵升')), ok({ code: '417' })],
  ['daily limit', withPhoto(persona('孙限')), ok({ code: '418' })],
  ['bad check digit', withPhoto({ ...ZHANG, CertNo: '110105199003070018' }), ok({ code: '401' })],
  ['bad name', withPhoto({ ...ZHANG, CertName: '张3' }), ok({ code: '401' })],
  ['blank photo', withPhoto(ZHANG, '{blank}'), ok({ code: '401' })],
  ['two faces', withPhoto(ZHANG, '{twoFaces}'), ok({ code: '401' })],
  ['face too small', withPhoto(ZHANG, '{tinyFace}'), ok({ code: '401' })],
  ['OSS photo', { ...ZHANG, OssBucketName: 'b', OssObjectName: 'o.jpg' }, ok({ code: '401' })],
  ['no photo', ZHANG, ok({ code: '400' })],
  ['no CertNo', withPhoto({ CertName: '张三' }), ok({ code: '400' })],
]);

const L = 'LivenessFaceVerify';
const LIVENESS = rowsOf(L, [
  ['live photo', { FaceContrastPicture: '{selfie}' }, verdict('T', '200')],
  ['live photo by URL', { FaceContrastPictureUrl: '{url:selfie}' }, verdict('T', '200')],
  ['spoofed photo', { FaceContrastPicture: '{spoof}' }, verdict('F', '205')],
  ['blank photo', { FaceContrastPicture: '{blank}' }, ok({ code: '401' })],
  ['no photo', { Model: 'FRONT_CAMERA_LIVENESS' }, ok({ code: '400' })],
]);

const ROWS: Row[] = [...COMPARE, ...DETECT, ...CONTRAST, ...LIVENESS];

/** Documented codes of these actions that no caller can reach on purpose, and why. */
const UNREACHABLE: Record<string, string> = {
  'SubCode 206': 'no business risk policy exists in shiming',
  'CompareFaces/DetectFaceAttributes 403 NoPermission':
    'shiming has no RAM sub-users: a key is its app, with every permission',
  'DetectFaceAttributes Error.DetectFaceAttributesAlgServiceError / AlgServieReturnError':
    'an engine that is not loaded is the platform ServiceUnavailable (HTTP 503)',
};

test('case=the face-flow rows reach every SubCode but 206, and every face-flow Code', () => {
  const flow = ROWS.filter(
    (r) => r.action === 'ContrastFaceVerify' || r.action === 'LivenessFaceVerify',
  );
  const subCodes = new Set(flow.flatMap((r) => (r.expect.subCode ? [r.expect.subCode] : [])));
  assert.deepEqual([...subCodes].sort(), ['200', '201', '202', '203', '204', '205']);
  assert.ok(UNREACHABLE['SubCode 206']);
  const codes = new Set(flow.map((r) => r.expect.code));
  assert.deepEqual([...codes].sort(), ['200', '400', '401', '417', '418']);
});

// ---- photos and the loopback image server ----

type Photos = Record<string, Buffer>;

const grey = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#777' } });
/** Big originals shrunk to selfie size, so bodies stay small. */
const shrunk = (rel: string) =>
  sharp(photo(rel)).rotate().resize({ width: 640, withoutEnlargement: true }).jpeg().toBuffer();

const makePhotos = async (): Promise<Photos> => {
  const cover = (rel: string) => sharp(photo(rel)).resize(400, 500, { fit: 'cover' }).toBuffer();
  const [left, right, small] = await Promise.all([
    cover('deepface/img1.jpg'),
    cover('deepface/img15.jpg'),
    sharp(photo('deepface/img1.jpg')).resize({ width: 90 }).toBuffer(),
  ]);
  const twoFaces = grey(800, 500).composite([
    { input: left, left: 0, top: 0 },
    { input: right, left: 400, top: 0 },
  ]);
  const tinyFace = grey(640, 480).composite([{ input: small, left: 300, top: 200 }]);
  return {
    // A pair of one person, another person, a live selfie and a screen replay of it.
    sameA: await shrunk('deepface/img1.jpg'),
    sameB: await shrunk('deepface/img4.jpg'),
    otherPerson: await shrunk('deepface/img15.jpg'),
    selfie: photo('spoof/img18_real.jpg'),
    spoof: photo('spoof/img18_screen.jpg'),
    twoFaces: await twoFaces.jpeg().toBuffer(),
    tinyFace: await tinyFace.jpeg().toBuffer(),
    blank: await grey(640, 480).jpeg().toBuffer(),
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

const fill = (inputs: Record<string, string>, photos: Photos, base: string) =>
  Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      name,
      value.replace(/\{(url:)?(\w+)\}/g, (_, url: string | undefined, key: string) =>
        url ? `${base}/${key}` : photos[key]!.toString('base64'),
      ),
    ]),
  );

// ---- the SDK clients, answers reduced to { code, status, body } ----

interface Reply {
  code: string;
  /** HTTP status (Tea only). */
  status?: number;
  /** The body, PascalCase (Tea's model turned back with toMap). */
  body: Json;
}

type ClientName = 'pop-core POST' | 'tea ACS3' | 'tea v2';
const CLIENTS: ClientName[] = ['pop-core POST', 'tea ACS3', 'tea v2'];

const popCall = async (server: TestServer, app: AppCredentials, action: string, params: Json) => {
  const client = new RPCClient({
    accessKeyId: app.accessKeyId,
    accessKeySecret: app.accessKeySecret,
    endpoint: server.url,
    apiVersion: '2019-03-07',
  });
  try {
    const body = (await client.request(action, params, { method: 'POST' })) as Json;
    return { code: String(body.Code), body };
  } catch (error) {
    const e = error as { code: string; data?: Json };
    if (!e.data) throw error;
    return { code: e.code, body: e.data };
  }
};

const camel = (params: Json): Json =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v]));

type TeaMethod = (r: unknown) => Promise<{ statusCode: number; body: { toMap(): Json } }>;

const teaCall = async (
  server: TestServer,
  app: AppCredentials,
  v2: boolean,
  action: string,
  params: Json,
): Promise<Reply> => {
  const client = teaClient(server, app, v2) as unknown as Record<string, TeaMethod>;
  const Request = ($Cloudauth as unknown as Record<string, new (m: object) => unknown>)[
    `${action}Request`
  ]!;
  const method = action[0]!.toLowerCase() + action.slice(1);
  try {
    const response = await client[method]!.call(client, new Request(camel(params)));
    const body = response.body.toMap();
    return { code: String(body.Code), status: response.statusCode, body };
  } catch (error) {
    const e = error as { code?: string; statusCode?: number; data?: Json };
    if (e.code === undefined || e.statusCode === undefined) throw error;
    return { code: e.code, status: e.statusCode, body: e.data ?? {} };
  }
};

const checkData = (row: Row, body: Json) => {
  assert.equal(body.Success, true);
  if (row.expect.similarity) {
    const score = body.Data.SimilarityScore as number;
    assert.ok(row.expect.similarity === 'same' ? score >= 90 : score < 60, `score ${score}`);
    assert.equal(JSON.parse(body.Data.ConfidenceThresholds)['0.0001'], '90.00');
  }
  if (row.expect.faces !== undefined) {
    const faces = (body.Data.FaceInfos?.FaceAttributesDetectInfo ?? []) as Json[];
    assert.equal(faces.length, row.expect.faces);
    for (const face of faces) {
      assert.equal(face.FaceAttributes.Facetype, 'Face');
      assert.ok(face.FaceRect.Width > 0 && face.FaceRect.Height > 0);
    }
    if (faces[0]) assert.equal(typeof faces[0].FaceAttributes.Headpose.RollAngle, 'number');
  }
};

const checkVerdict = (row: Row, body: Json) => {
  const result = body.ResultObject as Json;
  assert.deepEqual([result.Passed, result.SubCode], [row.expect.passed, row.expect.subCode]);
  assert.match(result.CertifyId, /^[0-9a-f]{32}$/);
  if (row.expect.subCode === '205') {
    assert.equal(JSON.parse(result.MaterialInfo).faceAttack, 'T');
  }
};

const check = (row: Row, client: ClientName, reply: Reply) => {
  assert.equal(reply.code, row.expect.code, JSON.stringify(reply.body).slice(0, 300));
  if (client !== 'pop-core POST') assert.equal(reply.status, row.expect.status ?? 200);
  if (row.expect.status) {
    assert.deepEqual(Object.keys(reply.body).sort(), [
      'Code',
      'HostId',
      'Message',
      'Recommend',
      'RequestId',
    ]);
    return;
  }
  if (row.expect.code !== '200') return;
  if (row.expect.passed) checkVerdict(row, reply.body);
  else checkData(row, reply.body);
};

test('Cloudauth face actions through pop-core and the Tea SDK, standard face pack', async (t) => {
  if (!present) {
    t.skip('../shared/data/faces-dev is absent: face wire tests not run');
    return;
  }
  const photos = await makePhotos();
  const images = await imageServer(photos);
  t.after(() => images.server.close());
  const server = await startTestServer({
    config: { facePack: 'standard', fetchAllow: ['127.0.0.1/32'] },
  });
  t.after(() => server.close());
  const app = await server.createApp({ name: 'cloudauth-face', qps: 100_000 });

  const call = (client: ClientName, row: Row) => {
    const params = fill(row.inputs, photos, images.base);
    if (client === 'pop-core POST') return popCall(server, app, row.action, params);
    return teaCall(server, app, client === 'tea v2', row.action, params);
  };

  for (const client of CLIENTS) {
    for (const row of ROWS) {
      await t.test(`case=${client} ${row.action} ${row.description}`, async () =>
        check(row, client, await call(client, row)),
      );
    }
  }

  await t.test(
    'case=DetectFaceAttributes fills what the engine measures, nothing else',
    async () => {
      const row = DETECT[0]!;
      const { body } = await call('pop-core POST', row);
      const face = body.Data.FaceInfos.FaceAttributesDetectInfo[0] as Json;
      assert.deepEqual(Object.keys(face.FaceAttributes).sort(), [
        'Blur',
        'Facequal',
        'Facetype',
        'Headpose',
      ]);
      assert.deepEqual(Object.keys(face.FaceAttributes.Headpose).sort(), ['RollAngle', 'YawAngle']);
      assert.equal(body.Data.ImgWidth, undefined);
    },
  );

  await t.test(
    'case=quota used up: CompareFaces 403 NoPermissionAccess, ContrastFaceVerify 412',
    async () => {
      const metered = await server.createApp({ name: 'cloudauth-face-quota', quota: 1 });
      const compare = fill(COMPARE[0]!.inputs, photos, images.base);
      assert.equal((await popCall(server, metered, C, compare)).code, '200');
      const refused = await teaCall(server, metered, false, C, compare);
      assert.deepEqual([refused.status, refused.code], [403, 'Error.NoPermissionAccess']);
      const contrast = fill(CONTRAST[0]!.inputs, photos, images.base);
      assert.equal((await teaCall(server, metered, true, V, contrast)).code, '412');
    },
  );

  await t.test(
    'case=ContrastFaceVerify MaterialInfo carries the score on the alibaba scale',
    async () => {
      const { body } = await call('tea ACS3', CONTRAST[0]!);
      assert.deepEqual(JSON.parse(body.ResultObject.MaterialInfo), {
        faceAttack: 'F',
        // The sandbox's "same person" verdict stands for FAR 1e-6.
        facialPictureFront: { verifyScore: 97.5 },
      });
    },
  );
});
