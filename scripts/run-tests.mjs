// Runs every *.test.ts under the given folder with node:test and the TypeScript loader.
// Node 20's test runner takes no globs, so the file list is built here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? 'test';
const only = process.argv.slice(3);
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.test.ts')) files.push(path);
  }
};
try {
  walk(root);
} catch {
  // A missing folder simply has no tests.
}
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.log(`no test files under ${root}`);
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...selected.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
