/**
 * Wire, with the face engine: every `incorrect` a photo can produce (seed 002), through the real
 * server, signed like the seed's samples, with the photo inline (base64, form and JSON) and by
 * URL from a loopback server (allowed by fetchAllow). Sandbox personas carry portrait verdicts;
 * the selfie goes through the real engine, so the photos are real ones from
 * ../shared/data/faces-dev (third-party: read in place, never copied into the project), and the
 * unusable ones are made here with sharp.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, type TestContext, test } from 'node:test';
import sharp from 'sharp';
import { type AppCredentials, startTestServer, type TestServer } from '../../support/server.ts';
import { type MarketAnswer, postForm, postJson } from './client.ts';

const DEV = join(import.meta.dirname, '../../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const MAX_IMAGE = 3 * 1024 * 1024;

const PERSONAS = {
  same: { idcard: '110105199003070017', name: '张三' },
  different: { idcard: '110102198506120027', name: '李娜' },
  undecided: { idcard: '310104199208150038', name: '阿依古丽·买买提' },
  unusable: { idcard: '110101201506010053', name: '刘小宝' },
} as const;

let server: TestServer;
let images: Server;
let app: AppCredentials;
let imageBase = '';
const served = new Map<string, Buffer>();

const photo = (rel: string) => readFileSync(join(DEV, rel));

const canvas = (width = 640, height = 480) =>
  sharp({ create: { width, height, channels: 3, background: '#777' } });

const SYNTHETIC = {
  blank: () => canvas().jpeg().toBuffer(),
  twoFaces: async () => {
    const [left, right] = await Promise.all(
      ['deepface/img1.jpg', 'deepface/img15.jpg'].map((f) =>
        sharp(photo(f)).resize(400, 500, { fit: 'cover' }).toBuffer(),
      ),
    );
    return canvas(800, 500)
      .composite([
        { input: left!, left: 0, top: 0 },
        { input: right!, left: 400, top: 0 },
      ])
      .jpeg()
      .toBuffer();
  },
  tinyFace: async () => {
    const small = await sharp(photo('deepface/img1.jpg')).resize({ width: 90 }).toBuffer();
    return canvas()
      .composite([{ input: small, left: 300, top: 200 }])
      .jpeg()
      .toBuffer();
  },
  dark: () => sharp(photo('deepface/img17.jpg')).linear(0.2, 0).jpeg().toBuffer(),
};

const startImages = async () => {
  images = createServer((req, res) => {
    const bytes = served.get(req.url ?? '');
    res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' });
    res.end(bytes ?? 'not found');
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
};

before(async () => {
  if (!present) return;
  server = await startTestServer({
    config: {
      facePack: 'standard',
      fetchAllow: ['127.0.0.1/32'],
      maxImageBytes: MAX_IMAGE,
      maxBodyBytes: 2 * MAX_IMAGE,
    },
  });
  app = await server.createApp({ name: 'market-faces', qps: 100_000 });
  await startImages();
  served.set('/selfie.jpg', photo('deepface/img2.jpg'));
  served.set('/text.jpg', Buffer.from('this is not an image'));
  served.set('/huge.jpg', Buffer.alloc(MAX_IMAGE + 1024, 0xff));
});
after(async () => {
  if (!present) return;
  await server.close();
  await new Promise((resolve) => images.close(resolve));
});

const SELFIE = () => photo('deepface/img1.jpg');

const byBase64 = (who: { idcard: string; name: string }, bytes: Buffer) =>
  postForm(server.url, app, { ...who, image: bytes.toString('base64'), url: '' });

const byUrl = (who: { idcard: string; name: string }, path: string) =>
  postForm(server.url, app, { ...who, image: '', url: `${imageBase}${path}` });

const assertResult = (answer: MarketAnswer, incorrect: number, msg?: string) => {
  assert.equal(answer.status, 200);
  const { code, success, data } = answer.body;
  assert.deepEqual({ code, success }, { code: 200, success: true }, JSON.stringify(answer.body));
  assert.equal(data?.incorrect, incorrect, JSON.stringify(answer.body));
  assert.match(data?.order_no ?? '', /^\d{18}$/);
  if (msg !== undefined) assert.equal(data?.msg, msg);
  return data!;
};

const guarded = (name: string, fn: (t: TestContext) => Promise<void>) =>
  test(name, async (t) => {
    if (!present) {
      t.skip('../shared/data/faces-dev is absent: face wire tests not run');
      return;
    }
    await fn(t);
  });

guarded('case=100 same person, photo inline (form) and by URL', async () => {
  for (const answer of [
    await byBase64(PERSONAS.same, SELFIE()),
    await byUrl(PERSONAS.same, '/selfie.jpg'),
  ]) {
    const data = assertResult(answer, 100, '系统判断为同一人');
    assert.ok(data.score! >= 0.45 && data.score! <= 1, String(data.score));
  }
});

guarded('case=100 same person, JSON body', async () => {
  const answer = await postJson(server.url, app, {
    ...PERSONAS.same,
    image: SELFIE().toString('base64'),
  });
  assertResult(answer, 100, '系统判断为同一人');
});

guarded('case=100 different person: score under 0.40', async () => {
  for (const answer of [
    await byBase64(PERSONAS.different, SELFIE()),
    await byUrl(PERSONAS.different, '/selfie.jpg'),
  ]) {
    const data = assertResult(answer, 100, '系统判断为不同人');
    assert.ok(data.score! < 0.4, String(data.score));
    assert.equal(answer.headers.get('x-shiming-outcome'), 'mismatch');
  }
});

guarded('case=100 undecided: score 0.40–0.44', async () => {
  const data = assertResult(
    await byBase64(PERSONAS.undecided, SELFIE()),
    100,
    '不能确定是否为同一人',
  );
  assert.equal(data.score, 0.42);
});

guarded('case=109 portrait unusable (刘小宝), after the selfie passed', async () => {
  assertResult(await byBase64(PERSONAS.unusable, SELFIE()), 109, '身份核验成功,库中无照片');
});

guarded('case=photo problems after the identity checked out', async (t) => {
  const cases: Array<[string, () => Promise<Buffer>, number, string]> = [
    ['107 face too small', SYNTHETIC.tinyFace, 107, 'poor_quality'],
    ['107 too dark', SYNTHETIC.dark, 107, 'poor_quality'],
    ['110 no face', SYNTHETIC.blank, 110, 'no_face'],
    ['111 two faces', SYNTHETIC.twoFaces, 111, 'several_faces'],
    ['112 not an image', async () => Buffer.from('this is not an image'), 112, 'image_invalid'],
    [
      '108 over maxImageBytes',
      // Zero bytes encode as 'A…', which form encoding leaves alone: the body stays in limits.
      async () => Buffer.alloc(MAX_IMAGE + 1024, 0),
      108,
      'image_too_large',
    ],
  ];
  for (const [name, make, incorrect, outcome] of cases) {
    await t.test(`case=${name} (base64)`, async () => {
      const answer = await byBase64(PERSONAS.same, await make());
      assertResult(answer, incorrect);
      assert.equal(answer.headers.get('x-shiming-outcome'), outcome);
      assert.equal(answer.body.data?.score, 0);
    });
  }
  await t.test('case=111 two faces (url)', async () => {
    served.set('/two.jpg', await SYNTHETIC.twoFaces());
    assertResult(await byUrl(PERSONAS.same, '/two.jpg'), 111);
  });
});

guarded('case=URL problems', async (t) => {
  const cases: Array<[string, string, number, string]> = [
    ['103 the URL cannot be downloaded', '/missing.jpg', 103, 'image_unavailable'],
    ['112 the URL serves no image', '/text.jpg', 112, 'image_invalid'],
    ['108 the URL serves too much', '/huge.jpg', 108, 'image_too_large'],
  ];
  for (const [name, path, incorrect, outcome] of cases) {
    await t.test(`case=${name}`, async () => {
      const answer = await byUrl(PERSONAS.same, path);
      assertResult(answer, incorrect);
      assert.equal(answer.headers.get('x-shiming-outcome'), outcome);
    });
  }
});
