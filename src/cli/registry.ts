/** `shiming registry import|add|count`: the operator's identity records. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { importRegistry } from '../authorities/registry/import.ts';
import { checkRecord } from '../authorities/registry/record-check.ts';
import { createFaceEngine, type FaceEngine } from '../engines/face/index.ts';
import { shanghaiToday } from '../identity/index.ts';
import { withStore } from './context.ts';
import { configFrom, parse, UsageError } from './options.ts';
import { progressBar } from './progress.ts';

/** Non-empty lines, for the progress bar's total; cheap next to the import itself. */
const countLines = (path: string): number =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;

/** The face engine, loaded on the first portrait only. */
const lazyEngine = (pack: string) => {
  let engine: Promise<FaceEngine> | undefined;
  return {
    get: () => (engine ??= createFaceEngine(pack)),
    close: async () => (engine ? (await engine).close() : undefined),
  };
};

const importFile = async (args: string[]) => {
  const { values, positionals } = parse(args, {
    'face-pack': { type: 'string' },
    'keep-portraits': { type: 'boolean' },
  });
  const path = positionals[0];
  if (!path) throw new UsageError('registry import needs a FILE (.jsonl or .csv)');
  const started = performance.now();
  const config = configFrom(values, { facePack: values['face-pack'] });
  const engine = lazyEngine(config.facePack);
  const portraits =
    config.facePack === 'none'
      ? undefined
      : {
          engine: engine.get,
          keep: values['keep-portraits'] ?? false,
          baseDir: dirname(resolve(path)),
        };
  const report = await withStore(config, (store) =>
    importRegistry(path, store.registry, {
      today: shanghaiToday(),
      onProgress: progressBar(countLines(path), 'importing'),
      portraits,
    }),
  ).finally(engine.close);
  const seconds = (performance.now() - started) / 1000;
  if (values.json) return console.log(JSON.stringify({ ...report, seconds }));
  for (const r of report.rejected) console.log(`line ${r.line}: ${r.reason}`);
  if (report.portraits) console.log(`${report.portraits} portraits stored as face templates`);
  if (report.portraitsIgnored)
    console.log(`${report.portraitsIgnored} portraits not stored (the face engine is not enabled)`);
  console.log(
    `${report.accepted} accepted, ${report.rejected.length} rejected in ${seconds.toFixed(2)} s (${Math.round(report.accepted / seconds)} records/s)`,
  );
  if (report.rejected.length) process.exitCode = 1;
};

const add = async (args: string[]) => {
  const { values } = parse(args, {
    name: { type: 'string' },
    'id-number': { type: 'string' },
    phone: { type: 'string' },
    'bank-card': { type: 'string', multiple: true },
  });
  const raw = {
    name: values.name,
    idNumber: values['id-number'],
    phone: values.phone,
    bankCards: (values['bank-card'] ?? []).map((number) => ({ number, phone: values.phone })),
  };
  const checked = checkRecord(raw, shanghaiToday());
  if (!checked.ok) throw new UsageError(`record refused: ${checked.reason}`);
  const result = await withStore(configFrom(values), (store) =>
    store.registry.importBatch([checked.record]),
  );
  if (result.inserted !== 1)
    throw new UsageError(`record refused: duplicate ${result.duplicates[0]?.field}`);
  console.log('1 record added');
};

const count = async (args: string[]) => {
  const { values } = parse(args, {});
  const n = await withStore(configFrom(values), (store) => store.registry.count());
  console.log(values.json ? JSON.stringify({ count: n }) : String(n));
};

export const registryCommand = async (args: string[]): Promise<void> => {
  const [sub, ...rest] = args;
  if (sub === 'import') return importFile(rest);
  if (sub === 'add') return add(rest);
  if (sub === 'count') return count(rest);
  throw new UsageError(
    'usage: shiming registry import FILE | add --name N --id-number X [--phone P] [--bank-card C] | count',
  );
};
