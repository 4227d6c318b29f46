/**
 * A drawn placeholder portrait (head, hair, eyes, mouth, shoulders) in varied skin, hair and
 * background tones, so generated cards carry no third-party photo.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from './rng.ts';

export const drawPortrait = (
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  rng: Rng,
) => {
  ctx.save();
  ctx.fillStyle = rng.pick(['#e9ecef', '#dfe6ee', '#f1f1f1', '#e6e2dc']);
  ctx.fillRect(x, y, w, h);
  const cx = x + w / 2 + rng.range(-0.04, 0.04) * w;
  const skin = rng.pick(['#f2d3b8', '#e8c19f', '#d9a883', '#c68d66', '#f5dcc6']);
  const hair = rng.pick(['#1b1b1b', '#2c2118', '#3b2a1e', '#4a4a4a']);
  ctx.fillStyle = rng.pick(['#1f2a3a', '#2e2e2e', '#3c4a5c', '#5a3c2e', '#ffffff']);
  ctx.beginPath();
  ctx.ellipse(cx, y + h * 1.02, w * 0.5, h * 0.28, 0, Math.PI, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = skin;
  ctx.fillRect(cx - w * 0.09, y + h * 0.58, w * 0.18, h * 0.18);
  const headW = w * rng.range(0.26, 0.31);
  const headH = h * rng.range(0.27, 0.31);
  const headY = y + h * 0.42;
  ctx.fillStyle = hair;
  ctx.beginPath();
  ctx.ellipse(cx, headY - headH * 0.18, headW * 1.08, headH * 0.95, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = skin;
  ctx.beginPath();
  ctx.ellipse(cx, headY + headH * 0.05, headW, headH, 0, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#222';
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(
      cx + side * headW * 0.38,
      headY - headH * 0.05,
      headW * 0.1,
      headH * 0.05,
      0,
      0,
      2 * Math.PI,
    );
    ctx.fill();
  }
  ctx.strokeStyle = '#8a4b3c';
  ctx.lineWidth = Math.max(1, w * 0.012);
  ctx.beginPath();
  ctx.arc(cx, headY + headH * 0.35, headW * 0.3, 0.15 * Math.PI, 0.85 * Math.PI);
  ctx.stroke();
  ctx.restore();
};
