/**
 * Walks the sandbox rows with photos (`photos: true` in test/sandbox/cases/, legend in
 * cases/photos.ts and docs/sandbox.md) through one real server with the standard face pack and
 * OCR, in demo mode: Tencent through tencentcloud-sdk-nodejs (TC3 over POST), Alibaba through
 * @alicloud/pop-core (POST: a photo in a GET query exceeds a request line) and the Tea client.
 *
 * Face photos are third-party images read from ../shared/data/faces-dev (never copied here);
 * the file is skipped, visibly, when they are absent. The blank, two-face and tiny-face images
 * are made with sharp; `{url:…}` inputs are served by a loopback HTTP server.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { MAX_IMAGE_BASE64 } from '../../src/dialects/tencent-faceid/request-map.ts';
import { callerFor, type ClientName } from '../dialects/aliyun-cloudauth/wire-client.ts';
import { startTestServer } from '../support/server.ts';
import { ALIYUN_ROWS } from './cases/aliyun-cloudauth.ts';
import { PHOTOS, SYMBOL } from './cases/photos.ts';
import { TENCENT_ROWS } from './cases/tencent-faceid.ts';
import { withPhotos } from './cases/types.ts';
import { checkAliyun, checkTencent } from './checks.ts';
import { faceid, tencentAnswer } from './clients.ts';

const DEV = join(import.meta.dirname, '../../../shared/data/faces-dev');
const present = existsSync(join(DEV, 'labels.csv'));
const file = (rel: string) => readFileSync(join(DEV, rel));

/** Rows in flight at once: the face engine is the bottleneck. */
const CONCURRENCY = 4;
const ALIYUN_CLIENTS: ClientName[] = ['pop-core POST', 'tea ACS3'];

/** Every photo of the legend, as base64 (the oversize one is only ever base64). */
const makePhotos = async (): Promise<Record<string, string>> => {
  const grey = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#777' } });
  const shrunk = (rel: string) =>
    sharp(file(rel)).rotate().resize({ width: 640, withoutEnlargement: true }).jpeg().toBuffer();
  const cover = (rel: string) => sharp(file(rel)).resize(400, 500, { fit: 'cover' }).toBuffer();
  const [left, right, small, sameA, sameB, other] = await Promise.all([
    cover('deepface/img1.jpg'),
    cover('deepface/img15.jpg'),
    sharp(file('deepface/img1.jpg')).resize({ width: 90 }).toBuffer(),
    shrunk('deepface/img1.jpg'),
    shrunk('deepface/img4.jpg'),
    shrunk('deepface/img15.jpg'),
  ]);
  const bytes: Record<string, Buffer> = {
    selfie: file('spoof/img18_real.jpg'),
    spoof: file('spoof/img18_screen.jpg'),
    'same-a': sameA,
    'same-b': sameB,
    'other-person': other,
    blank: await grey(640, 480).jpeg().toBuffer(),
    'two-faces': await grey(800, 500)
      .composite([
        { input: left, left: 0, top: 0 },
        { input: right, left: 400, top: 0 },
      ])
      .jpeg()
      .toBuffer(),
    'tiny-face': await grey(640, 480)
      .composite([{ input: small, left: 300, top: 200 }])
      .jpeg()
      .toBuffer(),
    'not-an-image': Buffer.from('not an image at all'),
  };
  return {
    ...Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, v.toString('base64')])),
    oversize: 'A'.repeat(MAX_IMAGE_BASE64 + 4),
  };
};

const imageServer = async (photos: Record<string, string>) => {
  const server = createServer((request, response) => {
    const photo = photos[decodeURIComponent((request.url ?? '').slice(1))];
    if (photo === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from(photo, 'base64'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

/** The inputs with every photo symbol replaced: `{name}` by base64, `{url:name}` by a URL. */
const fill = (
  inputs: Readonly<Record<string, unknown>>,
  photos: Record<string, string>,
  base: string,
) =>
  Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      name,
      typeof value !== 'string'
        ? value
        : value.replace(SYMBOL, (_, url: string | undefined, key: string) => {
            if (url) return `${base}/${encodeURIComponent(key)}`;
            assert.ok(key in photos, `no photo ${key}`);
            return photos[key]!;
          }),
    ]),
  );

test('sandbox rows with photos, standard face pack and OCR', async (t) => {
  if (!present) {
    t.skip('../shared/data/faces-dev is absent: the sandbox rows with photos are not walked');
    return;
  }
  const photos = await makePhotos();
  const images = await imageServer(photos);
  t.after(() => images.server.close());
  const server = await startTestServer({
    config: { facePack: 'standard', ocr: true, fetchAllow: ['127.0.0.1/32'] },
  });
  t.after(() => server.close());
  const app = await server.createApp({ name: 'sandbox-photos', qps: 100_000 });

  await t.test('case=every photo a row names is in the legend', () => {
    for (const row of [...TENCENT_ROWS, ...ALIYUN_ROWS]) {
      for (const value of Object.values(row.inputs)) {
        for (const m of String(value).matchAll(SYMBOL)) assert.ok(m[2]! in PHOTOS, m[0]);
      }
    }
  });

  const tencent = withPhotos(TENCENT_ROWS).map((row) => ({
    name: `case=${row.dialect} ${row.action} ${row.description}`,
    run: async () =>
      checkTencent(
        await tencentAnswer(
          faceid(server.port, app).request(row.action, fill(row.inputs, photos, images.base)),
        ),
        row.expect,
        row.action,
      ),
  }));
  const aliyun = withPhotos(ALIYUN_ROWS).map((row) => ({
    name: `case=${row.dialect} ${row.action} ${row.description}`,
    run: async () => {
      const params = fill(row.inputs, photos, images.base) as Record<string, string>;
      for (const client of ALIYUN_CLIENTS) {
        const answer = await callerFor(server, app, client)(row.action, params);
        checkAliyun(answer, row.expect, client.startsWith('pop'));
      }
    },
  }));
  await t.test('rows', { concurrency: CONCURRENCY }, async (t) => {
    await Promise.all([...tencent, ...aliyun].map((c) => t.test(c.name, c.run)));
  });
});
