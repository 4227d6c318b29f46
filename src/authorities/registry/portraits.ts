/**
 * Registry portraits: each photo is embedded once at import and only the template is stored
 * (sealed with the rest of the record). The photo itself is kept only when the operator asks
 * (`--keep-portraits`), following GB/T 35273's minimisation guidance.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { FaceEngine } from '../../engines/face/index.ts';
import type { PortraitRecord } from '../authority.ts';

export interface PortraitOptions {
  /** Loaded on first use: a file without portraits never pays for the models. */
  engine(): Promise<FaceEngine>;
  keep: boolean;
  /** Portrait paths are relative to the imported file's folder. */
  baseDir: string;
}

export type PortraitResult = { ok: true; portrait: PortraitRecord } | { ok: false; reason: string };

/** A base64 image (optionally a data: URL) or a path. */
const bytesOf = async (value: string, baseDir: string): Promise<Buffer | undefined> => {
  const inline = value.replace(/^data:[\w/+.-]+;base64,/, '');
  if (inline.length > 256 && /^[A-Za-z0-9+/=\s]+$/.test(inline))
    return Buffer.from(inline, 'base64');
  return readFile(isAbsolute(value) ? value : resolve(baseDir, value)).catch(() => undefined);
};

export const templateOf = async (
  value: unknown,
  options: PortraitOptions,
): Promise<PortraitResult> => {
  if (typeof value !== 'string' || value === '')
    return { ok: false, reason: 'portrait must be a path or base64 image' };
  const bytes = await bytesOf(value, options.baseDir);
  if (!bytes) return { ok: false, reason: 'portrait file not readable' };
  const engine = await options.engine();
  const analysis = await engine.analyze(bytes, { role: 'portrait' });
  if (analysis.outcome !== 'ok' || !analysis.face)
    return { ok: false, reason: `portrait unusable (${analysis.outcome})` };
  const embedding = analysis.face.embedding;
  const template = Buffer.from(
    embedding.buffer,
    embedding.byteOffset,
    embedding.byteLength,
  ).toString('base64');
  const portrait: PortraitRecord = {
    pack: engine.pack,
    template,
    ...(options.keep ? { image: bytes.toString('base64') } : {}),
  };
  return { ok: true, portrait };
};
