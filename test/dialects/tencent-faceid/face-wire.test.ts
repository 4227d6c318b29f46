/**
 * Wire: ImageRecognitionV2 and the historical ImageRecognition through the official
 * tencentcloud-sdk-nodejs against one real server with the standard face pack, in demo mode.
 * The selfie goes through the real engine; the portrait it is compared with is the sandbox
 * persona's documented verdict (src/authorities/sandbox/personas.ts). `ROWS` is the sandbox
 * table of the two actions: every documented Result, reached or marked unreachable with why.
 *
 * The SDK's typed `ImageRecognitionV2` is used for V2; 4.1.313 no longer has `ImageRecognition`,
 * so V1 goes through the generic `client.request`. GET transports are not used: a photo in the
 * query string exceeds what an HTTP server accepts as a request line.
 *
 * Photos are third-party images read from ../shared/data/faces-dev (never copied here); the
 * blank, two-face and tiny-face images are made with sharp.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { ABSENT, PERSONAS } from '../../../src/authorities/sandbox/personas.ts';
import { RESULTS } from '../../../src/dialects/tencent-faceid/codes.ts';
import { MAX_IMAGE_BASE64 } from '../../../src/dialects/tencent-faceid/request-map.ts';
import { startTestServer } from '../../support/server.ts';
import { faceidClient, MODES, type Mode, sdkError } from './sdk-client.ts';

const DEV = join(import.meta.dirname, '../../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const photo = (rel: string) => readFileSync(join(DEV, rel));

type Action = 'ImageRecognition' | 'ImageRecognitionV2';
type Photo = 'selfie' | 'blank' | 'twoFaces' | 'tinyFace' | 'notAnImage' | 'oversize' | 'none';
type Expect = { result: string; sim?: number } | { error: string };

/** A sandbox row: the identity fields as sent, the photo sent as ImageBase64, the answer. */
interface Row {
  action: Action;
  description: string;
  inputs: { IdCard: string; Name: string; Extra?: string };
  photo: Photo;
  expect: Expect;
  /** Set on Results no caller can produce on purpose: why. */
  unreachable?: string;
}

const persona = (name: string) => {
  const { record } = PERSONAS.find((p) => p.record.name === name)!;
  return { IdCard: record.idNumber, Name: record.name };
};
const ZHANG = persona('张三');
const F = 'FailedOperation.';

/** The Sim each sandbox portrait verdict gives (face-results.ts, face-scores.ts). */
const SIM = {
  ImageRecognition: { same: 93.33, undecided: 74, different: 7.02 },
  ImageRecognitionV2: { same: 90, undecided: 59.5, different: 5.27 },
} as const;

const rowsFor = (action: Action): Row[] => {
  const v2 = action === 'ImageRecognitionV2';
  const sim = SIM[action];
  const lowOr = (s: number) => ({ result: v2 ? `${F}CompareLowSimilarity` : 'Success', sim: s });
  const row = (description: string, inputs: Row['inputs'], p: Photo, expect: Expect): Row => ({
    action,
    description,
    inputs,
    photo: p,
    expect,
  });
  const failed = (code: string) => ({ result: `${F}${code}`, sim: 0 });
  const never = (result: string, description: string, why: string): Row => ({
    ...row(description, ZHANG, 'selfie', { result }),
    unreachable: why,
  });
  return [
    row('same person', v2 ? { ...ZHANG, Extra: 'order-42' } : ZHANG, 'selfie', {
      result: 'Success',
      sim: sim.same,
    }),
    row('different person', persona('李娜'), 'selfie', lowOr(sim.different)),
    row('undecided similarity', persona('阿依古丽·买买提'), 'selfie', lowOr(sim.undecided)),
    row('name differs', { ...ZHANG, Name: '李四' }, 'selfie', failed('IdNameMisMatch')),
    row('no record', { ...ZHANG, IdCard: ABSENT.idNumber }, 'selfie', failed('IdNoExistSystem')),
    row('no portrait', persona('王芳'), 'selfie', failed('IdPhotoNoExist')),
    row('portrait unusable', persona('刘小宝'), 'selfie', failed('IdPhotoPoorQuality')),
    row('authority busy', persona('陈忙'), 'selfie', failed('IdPhotoSystemNoanswer')),
    row('authority upgrading', persona('赵升'), 'selfie', failed('CompareLibServiceUnavailable')),
    row('daily limit', persona('孙限'), 'selfie', failed('RequestLimitExceeded')),
    row('blank photo', ZHANG, 'blank', failed('LifePhotoDetectNoFaces')),
    row('two faces', ZHANG, 'twoFaces', failed('LifePhotoDetectFaces')),
    row('face too small', ZHANG, 'tinyFace', failed('LifePhotoPoorQuality')),
    row('not an image', ZHANG, 'notAnImage', failed('ImageDecodeFailed')),
    row(
      'bad check digit',
      { ...ZHANG, IdCard: '110105199003070018' },
      'selfie',
      failed('IdFormatError'),
    ),
    row('bad name', { ...ZHANG, Name: '张3' }, 'selfie', failed('NameFormatError')),
    row('no image', ZHANG, 'none', { error: `${F}EmptyImageError` }),
    row('image over 3 MB', ZHANG, 'oversize', { error: `${F}ImageSizeTooLarge` }),
    never(
      `${F}LifePhotoDetectFake`,
      'spoofed photo',
      'the action has no liveness parameter, so the photo is never held to liveness',
    ),
    ...(v2
      ? []
      : [
          never(
            `${F}CompareLowSimilarity`,
            'low similarity',
            'V1 leaves the threshold to the caller: every comparison that ran is Success',
          ),
        ]),
  ];
};

const ROWS: Row[] = [...rowsFor('ImageRecognitionV2'), ...rowsFor('ImageRecognition')];

const grey = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#777' } });

const makePhotos = async (): Promise<Record<Photo, string | undefined>> => {
  const cover = (rel: string) => sharp(photo(rel)).resize(400, 500, { fit: 'cover' }).toBuffer();
  const [left, right, small] = await Promise.all([
    cover('deepface/img1.jpg'),
    cover('deepface/img15.jpg'),
    sharp(photo('deepface/img1.jpg')).resize({ width: 90 }).toBuffer(),
  ]);
  const twoFaces = await grey(800, 500)
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: 400, top: 0 },
    ])
    .jpeg()
    .toBuffer();
  const tinyFace = await grey(640, 480)
    .composite([{ input: small, left: 300, top: 200 }])
    .jpeg()
    .toBuffer();
  const blank = await grey(640, 480).jpeg().toBuffer();
  return {
    selfie: photo('spoof/img18_real.jpg').toString('base64'),
    blank: blank.toString('base64'),
    twoFaces: twoFaces.toString('base64'),
    tinyFace: tinyFace.toString('base64'),
    notAnImage: Buffer.from('not an image at all').toString('base64'),
    oversize: 'A'.repeat(MAX_IMAGE_BASE64 + 4),
    none: undefined,
  };
};

/** POST transports only (see the module comment). */
const POST_MODES = MODES.filter((m) => m.reqMethod === 'POST');

test('case=the face rows cover every documented Result of both actions', () => {
  for (const action of ['ImageRecognition', 'ImageRecognitionV2'] as const) {
    const results = ROWS.filter((r) => r.action === action && 'result' in r.expect).map(
      (r) => (r.expect as { result: string }).result,
    );
    assert.deepEqual(
      [...new Set(results)].sort(),
      Object.keys(RESULTS[action].documented).sort(),
      action,
    );
  }
});

test('ImageRecognition / ImageRecognitionV2 through the SDK, standard face pack', async (t) => {
  if (!present) {
    t.skip('../shared/data/faces-dev is absent: face wire tests not run');
    return;
  }
  const server = await startTestServer({
    config: { facePack: 'standard', fetchAllow: ['127.0.0.1/32'] },
  });
  t.after(() => server.close());
  const app = await server.createApp({ name: 'faceid-face', qps: 100_000 });
  const photos = await makePhotos();

  const call = (mode: Mode, row: Row) => {
    const client = faceidClient(server.port, mode, app);
    const image = photos[row.photo];
    const params = { ...row.inputs, ...(image === undefined ? {} : { ImageBase64: image }) };
    return row.action === 'ImageRecognitionV2'
      ? client.ImageRecognitionV2(params as Parameters<typeof client.ImageRecognitionV2>[0])
      : client.request('ImageRecognition', params);
  };

  const check = async (mode: Mode, row: Row) => {
    if ('error' in row.expect) {
      assert.equal((await sdkError(call(mode, row))).code, row.expect.error);
      return;
    }
    const response = (await call(mode, row)) as Record<string, unknown>;
    assert.equal(response.Result, row.expect.result);
    assert.equal(response.Description, RESULTS[row.action].documented[row.expect.result]);
    assert.equal(response.Sim, row.expect.sim);
    assert.match(String(response.RequestId), /^[0-9a-f-]{36}$/);
    if (row.action === 'ImageRecognitionV2') assert.equal(response.Extra, row.inputs.Extra ?? '');
    else assert.equal('Extra' in response, false);
  };

  for (const row of ROWS.filter((r) => r.unreachable === undefined)) {
    await t.test(`case=${POST_MODES[0]!.name} ${row.action} ${row.description}`, () =>
      check(POST_MODES[0]!, row),
    );
  }

  // Every POST transport, on a Result with a comparison and on a refused photo.
  const samples = ROWS.filter((r) => ['same person', 'two faces'].includes(r.description));
  for (const mode of POST_MODES.slice(1)) {
    for (const row of samples) {
      await t.test(`case=${mode.name} ${row.action} ${row.description}`, () => check(mode, row));
    }
  }
});
