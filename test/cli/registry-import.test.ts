import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { syntheticRecord } from '../../scripts/gen-registry.ts';
import { shimingCli } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'shiming-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'data');
const cli = (args: string[]) => shimingCli([...args, '--data-dir', dataDir]);

interface Report {
  accepted: number;
  rejected: { line: number; reason: string }[];
}

const importFile = async (name: string, content: string): Promise<Report> => {
  const path = join(dir, name);
  writeFileSync(path, content);
  try {
    return JSON.parse(await cli(['registry', 'import', path, '--json'])) as Report;
  } catch (error) {
    // Exit code 1 when rows were rejected; the report is still on stdout.
    return JSON.parse((error as { stdout: string }).stdout) as Report;
  }
};

test('case=jsonl import accepts good rows and reports each bad one with its line', async () => {
  const good = [0, 1, 2].map(syntheticRecord);
  const lines = [
    JSON.stringify(good[0]),
    JSON.stringify({
      ...good[1],
      idNumber:
        `${good[1]!.idNumber.slice(0, 17)}0` === good[1]!.idNumber
          ? `${good[1]!.idNumber.slice(0, 17)}1`
          : `${good[1]!.idNumber.slice(0, 17)}0`,
    }),
    '{not json',
    JSON.stringify({ ...good[2], name: '张3' }),
    JSON.stringify({ ...good[0], bankCards: [] }),
    JSON.stringify({ name: '王五' }),
    JSON.stringify(good[2]),
  ];
  const report = await importFile('people.jsonl', `${lines.join('\n')}\n`);
  assert.equal(report.accepted, 2);
  assert.deepEqual(report.rejected, [
    { line: 2, reason: 'bad ID number (checksum)' },
    { line: 3, reason: 'not a JSON object' },
    { line: 4, reason: 'bad name (bad_character)' },
    { line: 5, reason: 'duplicate ID number' },
    { line: 6, reason: 'idNumber is missing' },
  ]);
  assert.equal((await cli(['registry', 'count'])).trim(), '2');
});

test('case=csv import with quoting, several cards and a long-term card', async () => {
  const a = syntheticRecord(10);
  const b = syntheticRecord(11);
  const csv = [
    'idNumber,name,phone,bankCard,bankCardPhone,bankCardState,authority,validFrom,validTo',
    `${a.idNumber},${a.name},${a.phone},${a.bankCards[0]!.number},,lost,"北京市公安局,东城分局",2015-03-01,长期`,
    `${b.idNumber},${b.name},,${b.bankCards[0]!.number}|${a.bankCards[0]!.number},,,,,`,
    `${b.idNumber.slice(0, 10)},${b.name},,,,,,,`,
  ].join('\r\n');
  const report = await importFile('people.csv', csv);
  assert.equal(report.accepted, 1);
  assert.deepEqual(report.rejected, [
    { line: 3, reason: 'duplicate bank card' },
    { line: 4, reason: 'bad ID number (format)' },
  ]);
});
