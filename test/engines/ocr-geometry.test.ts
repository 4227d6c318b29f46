import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyHomography,
  homographyFromQuads,
  minAreaRect,
  orderQuad,
  type Quad,
  rectCorners,
  rectQuad,
} from '../../src/engines/ocr/geometry.ts';
import { forward } from '../../src/engines/ocr/ctc.ts';
import { crop, rotate180, warp } from '../../src/engines/ocr/raster.ts';

const near = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test('case=homography maps the four corners it was built from', () => {
  const to: Quad = [
    { x: 10, y: 20 },
    { x: 300, y: 40 },
    { x: 320, y: 210 },
    { x: 5, y: 190 },
  ];
  const h = homographyFromQuads(rectQuad(856, 540), to);
  rectQuad(856, 540).forEach((p, i) => {
    const q = applyHomography(h, p);
    near(q.x, to[i]!.x, 1e-6);
    near(q.y, to[i]!.y, 1e-6);
  });
});

test('case=minimum-area rectangle of a rotated rectangle recovers its size', () => {
  const a = (20 * Math.PI) / 180;
  const pts = [];
  for (let u = -50; u <= 50; u += 5) {
    for (let v = -10; v <= 10; v += 5)
      pts.push({
        x: 100 + u * Math.cos(a) - v * Math.sin(a),
        y: 80 + u * Math.sin(a) + v * Math.cos(a),
      });
  }
  const r = minAreaRect(pts);
  near(Math.max(r.width, r.height), 100, 1e-6);
  near(Math.min(r.width, r.height), 20, 1e-6);
  const q = rectCorners(r);
  assert.ok(q[0].x < q[1].x, 'top edge runs left to right');
});

test('case=orderQuad starts at the top-left of a slightly rotated box', () => {
  const q = orderQuad([
    { x: 669, y: 191 },
    { x: 676, y: 238 },
    { x: 362, y: 287 },
    { x: 354, y: 240 },
  ]);
  assert.deepEqual(q[0], { x: 354, y: 240 });
  assert.deepEqual(q[1], { x: 669, y: 191 });
});

test('case=warp with the identity copies, rotate180 turns, crop clamps', () => {
  const img = { width: 4, height: 2, data: Uint8Array.from({ length: 24 }, (_, i) => i * 10) };
  const same = warp(img, [1, 0, 0, 0, 1, 0, 0, 0, 1], 4, 2);
  assert.deepEqual([...same.data], [...img.data]);
  const turned = rotate180(img);
  assert.deepEqual([...turned.data.subarray(0, 3)], [...img.data.subarray(21, 24)]);
  const c = crop(img, 3, 1, 10, 10);
  assert.deepEqual([c.width, c.height], [1, 1]);
});

test('case=CTC forward sums every alignment of a candidate', () => {
  // Two steps, classes blank/a/b; each step is blank or "a" with probability one half.
  const p = Float32Array.from([0.5, 0.5, 0, 0.5, 0.5, 0]);
  near(Math.exp(forward(p, 2, 3, [1])), 0.75); // a_, _a, aa
  near(Math.exp(forward(p, 2, 3, [])), 0.25); // __
  near(Math.exp(forward(p, 2, 3, [1, 1])), 0, 1e-9); // "aa" needs a blank between: 3 steps
  assert.ok(Math.exp(forward(p, 2, 3, [2])) < 1e-20, 'a class never seen is (almost) impossible');
});
