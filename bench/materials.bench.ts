/**
 * `npm run bench:ocr` (second half): a whole VerifyMaterial (selfie + card front + card back,
 * fetched from a loopback server) through the real server and @alicloud/pop-core, one at a
 * time: p50/p99 and the server's RSS with the face and OCR models loaded. Cards are generated;
 * the selfie is a faces-dev photo from ../shared/data (skipped when absent).
 *   BENCH_MATERIALS (default 20) sets the number of verifications.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import RPCClient from '@alicloud/pop-core';
import { ZHANG } from '../test/sandbox/cases/personas.ts';
import { cardPersona, cardPhoto } from '../test/dialects/aliyun-cloudauth/card-photos.ts';
import { startTestServer } from '../test/support/server.ts';

const COUNT = Number(process.env.BENCH_MATERIALS ?? 20);
const SELFIE = join(import.meta.dirname, '../../shared/data/faces-dev/deepface/img1.jpg');
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

if (!existsSync(SELFIE)) {
  console.log(`skipped: ${SELFIE} is not there (the face photos live in ../shared/data)`);
} else {
  const selfie = readFileSync(SELFIE);
  const person = cardPersona(ZHANG);
  const files: Record<string, Buffer> = {
    '/face.jpg': selfie,
    '/front.jpg': await cardPhoto(person, 'front', {
      seed: 1,
      face: readFileSync(join(SELFIE, '../img2.jpg')),
    }),
    '/back.jpg': await cardPhoto(person, 'back', { seed: 2 }),
  };
  const images = createServer((req, res) => res.end(files[req.url ?? ''] ?? ''));
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  const server = await startTestServer({
    config: { facePack: 'standard', ocr: true, fetchAllow: ['127.0.0.1/32'] },
  });
  await server.cli(['biztypes', 'create', 'bench']);
  const app = await server.createApp({ name: 'bench', qps: 100_000 });
  const client = new RPCClient({
    accessKeyId: app.accessKeyId,
    accessKeySecret: app.accessKeySecret,
    endpoint: server.url,
    apiVersion: '2019-03-07',
  });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < COUNT; i++) {
    const started = performance.now();
    const answer = (await client.request(
      'VerifyMaterial',
      {
        BizType: 'bench',
        BizId: `bench-${i}`,
        Name: ZHANG.name,
        IdCardNumber: ZHANG.idNumber,
        FaceImageUrl: `${base}/face.jpg`,
        IdCardFrontImageUrl: `${base}/front.jpg`,
        IdCardBackImageUrl: `${base}/back.jpg`,
      },
      { method: 'POST' },
    )) as { VerifyStatus: number };
    latencies.push(performance.now() - started);
    statuses.set(answer.VerifyStatus, (statuses.get(answer.VerifyStatus) ?? 0) + 1);
  }
  const rss = process.memoryUsage().rss / 2 ** 20;
  await server.close();
  images.close();
  console.log(
    `| VerifyMaterial (selfie + front + back) | n | p50 ms | p99 ms | RSS MB (server and models, one process) | VerifyStatus |\n|---|---|---|---|---|---|`,
  );
  console.log(
    `| end to end via pop-core | ${COUNT} | ${quantile(latencies, 0.5).toFixed(0)} | ${quantile(latencies, 0.99).toFixed(0)} | ${rss.toFixed(0)} | ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')} |`,
  );
}
