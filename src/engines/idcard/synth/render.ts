/**
 * Draws a synthetic second-generation resident ID card (front or back) in the card's own frame,
 * 85.6 × 54 mm at 10 px/mm times `scale`, laid out like the real card (and like the shared
 * samples): blue labels, black values, a guilloche background, the portrait on the front and
 * a placeholder emblem on the back. Layout positions jitter a little per card.
 */
import { type Canvas, type SKRSContext2D, createCanvas } from '@napi-rs/canvas';
import { CARD_FONT, registerCardFonts } from './fonts.ts';
import type { Persona } from './persona.ts';
import { drawPortrait } from './portrait.ts';
import type { Rng } from './rng.ts';

export const CARD_W = 856;
export const CARD_H = 540;

export type Side = 'front' | 'back';

interface Pen {
  ctx: SKRSContext2D;
  label: string;
  ink: string;
  weight: number;
  jx: number;
  jy: number;
}

export const renderCard = (persona: Persona, side: Side, rng: Rng, scale = 2): Canvas => {
  registerCardFonts();
  const canvas = createCanvas(CARD_W * scale, CARD_H * scale);
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  drawBackground(ctx, rng);
  const pen: Pen = {
    ctx,
    label: rng.pick(['#2f5d95', '#3a6ea5', '#34689e', '#4a78a8']),
    ink: rng.pick(['#111111', '#1a1a1a', '#222222', '#0d0d18']),
    weight: rng.pick([400, 450, 500]),
    jx: rng.range(-6, 6),
    jy: rng.range(-5, 5),
  };
  ctx.textBaseline = 'middle';
  if (side === 'front') drawFront(pen, persona, rng);
  else drawBack(pen, persona, rng);
  return canvas;
};

const drawBackground = (ctx: SKRSContext2D, rng: Rng) => {
  ctx.save();
  roundRect(ctx, 0, 0, CARD_W, CARD_H, 30);
  ctx.clip();
  const g = ctx.createLinearGradient(0, 0, CARD_W, CARD_H);
  const hue = rng.range(190, 215);
  g.addColorStop(0, `hsl(${hue}, 22%, ${rng.range(93, 96)}%)`);
  g.addColorStop(0.5, `hsl(40, 20%, ${rng.range(93, 96)}%)`);
  g.addColorStop(1, `hsl(${hue}, 25%, ${rng.range(90, 94)}%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, CARD_W, CARD_H);
  ctx.strokeStyle = `hsla(${hue}, 30%, 70%, 0.35)`;
  ctx.lineWidth = 0.8;
  const cx = rng.range(380, 520);
  const cy = rng.range(300, 420);
  for (let r = 20; r < 520; r += rng.range(9, 13)) {
    ctx.beginPath();
    ctx.ellipse(cx, cy, r * 1.6, r, rng.range(-0.1, 0.1), 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
};

const roundRect = (ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number) => {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
};

/** Draws `text` character by character with `gap` extra pixels between characters. */
const spaced = (ctx: SKRSContext2D, text: string, x: number, y: number, gap: number) => {
  let at = x;
  for (const ch of text) {
    ctx.fillText(ch, at, y);
    at += ctx.measureText(ch).width + gap;
  }
  return at;
};

const labelAt = (pen: Pen, text: string, x: number, y: number, gap = 8) => {
  pen.ctx.fillStyle = pen.label;
  pen.ctx.font = `400 20px ${CARD_FONT}`;
  spaced(pen.ctx, text, x + pen.jx, y + pen.jy, gap);
};

const valueAt = (
  pen: Pen,
  text: string,
  x: number,
  y: number,
  size: number,
  weight = pen.weight,
) => {
  pen.ctx.fillStyle = pen.ink;
  pen.ctx.font = `${weight} ${size}px ${CARD_FONT}`;
  pen.ctx.fillText(text, x + pen.jx, y + pen.jy);
  return x + pen.ctx.measureText(text).width;
};

const drawFront = (pen: Pen, p: Persona, rng: Rng) => {
  const { ctx } = pen;
  labelAt(pen, '姓名', 60, 82);
  valueAt(pen, p.name, 150, 82, 26, pen.weight + 100);
  labelAt(pen, '性别', 60, 142);
  valueAt(pen, p.sex, 150, 142, 24);
  labelAt(pen, '民族', 250, 142);
  valueAt(pen, p.nation, 340, 142, 24);
  labelAt(pen, '出生', 60, 202);
  const [y, m, d] = p.birthDate.split('-').map(Number) as [number, number, number];
  let x = valueAt(pen, String(y), 150, 202, 24);
  x = valueAt(pen, '年', x + 2, 202, 21) + 14;
  x = valueAt(pen, String(m), x, 202, 24) + 14;
  x = valueAt(pen, '月', x, 202, 21) + 14;
  x = valueAt(pen, String(d), x, 202, 24) + 2;
  valueAt(pen, '日', x, 202, 21);
  labelAt(pen, '住址', 60, 262);
  wrapAddress(pen, p.address, 150, 264, 300, 22);
  labelAt(pen, '公民身份号码', 60, 462, 2);
  ctx.fillStyle = pen.ink;
  ctx.font = `600 30px ${CARD_FONT}`;
  spaced(ctx, p.idNumber, 260 + pen.jx, 461 + pen.jy, rng.range(1, 3));
  drawPortrait(ctx, 590 + pen.jx / 2, 70 + pen.jy / 2, 220, 270, rng);
};

const wrapAddress = (pen: Pen, text: string, x: number, y: number, width: number, size: number) => {
  const { ctx } = pen;
  ctx.font = `${pen.weight} ${size}px ${CARD_FONT}`;
  let line = '';
  let row = 0;
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width) {
      valueAt(pen, line, x, y + row * 39, size);
      line = '';
      row++;
    }
    line += ch;
  }
  if (line) valueAt(pen, line, x, y + row * 39, size);
};

const drawBack = (pen: Pen, p: Persona, rng: Rng) => {
  const { ctx } = pen;
  drawEmblem(ctx, 60 + pen.jx, 40 + pen.jy, rng);
  ctx.fillStyle = pen.ink;
  ctx.font = `700 34px ${CARD_FONT}`;
  spaced(ctx, '中华人民共和国', 250 + pen.jx, 95 + pen.jy, 14);
  ctx.font = `700 54px ${CARD_FONT}`;
  spaced(ctx, '居民身份证', 260 + pen.jx, 180 + pen.jy, 20);
  labelAt(pen, '签发机关', 160, 400, 4);
  valueAt(pen, p.authority, 290, 400, 22);
  labelAt(pen, '有效期限', 160, 458, 4);
  const to = p.validTo === '长期' ? '长期' : p.validTo.replaceAll('-', '.');
  valueAt(pen, `${p.validFrom.replaceAll('-', '.')}-${to}`, 290, 458, 22);
};

const drawEmblem = (ctx: SKRSContext2D, x: number, y: number, rng: Rng) => {
  ctx.save();
  ctx.fillStyle = rng.pick(['#c8102e', '#b5121b', '#d0323a']);
  ctx.beginPath();
  ctx.arc(x + 65, y + 65, 62, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#f2c200';
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? 30 : 12;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    ctx.lineTo(x + 65 + r * Math.cos(a), y + 58 + r * Math.sin(a));
  }
  ctx.closePath();
  ctx.fill();
  ctx.fillRect(x + 30, y + 98, 70, 8);
  ctx.restore();
};
