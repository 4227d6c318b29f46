/**
 * After a run through every dialect, neither the database files nor the logs contain a
 * plaintext ID number, card number or phone number of the people involved.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import RPCClient from '@alicloud/pop-core';
import { buildApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { DEMO_APP } from '../../src/security/demo.ts';
import { syntheticRecord } from '../../scripts/gen-registry.ts';
import { shimingCli } from '../support/server.ts';
import { faceidClient } from '../support/tencent-client.ts';

test('case=no plaintext personal data in the database files or the logs', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shiming-pii-'));
  const people = [0, 1, 2].map((i) => syntheticRecord(900_000 + i));
  writeFileSync(join(dataDir, 'people.jsonl'), people.map((p) => JSON.stringify(p)).join('\n'));
  await shimingCli(['registry', 'import', join(dataDir, 'people.jsonl'), '--data-dir', dataDir]);
  const lines: string[] = [];
  const app = await buildApp(
    parseConfig({ dataDir, port: 0, demo: true, facePack: 'none', ocr: false, logLevel: 'debug' }),
    createLogger('debug', (line) => lines.push(line)),
  );
  const { port } = await app.start();
  try {
    const tencent = faceidClient(port);
    const aliyun = new RPCClient({
      accessKeyId: DEMO_APP.accessKeyId,
      accessKeySecret: DEMO_APP.accessKeySecret,
      endpoint: `http://127.0.0.1:${port}`,
      apiVersion: '2019-03-07',
    });
    const wrongKey = faceidClient(port, { secretId: DEMO_APP.secretId, secretKey: 'wrong' });
    for (const p of people) {
      const card = p.bankCards[0]!.number;
      assert.equal(
        (await tencent.IdCardVerification({ IdCard: p.idNumber, Name: p.name })).Result,
        '0',
      );
      await tencent.BankCard4EVerification({
        IdCard: p.idNumber,
        Name: p.name,
        BankCard: card,
        Phone: p.phone,
      });
      await tencent.PhoneVerification({ IdCard: p.idNumber, Name: p.name, Phone: p.phone });
      await aliyun.request(
        'Id2MetaVerify',
        { ParamType: 'normal', IdentifyNum: p.idNumber, UserName: p.name },
        { method: 'POST' },
      );
      await wrongKey
        .IdCardVerification({ IdCard: p.idNumber, Name: p.name })
        .catch(() => undefined);
    }
  } finally {
    await app.close();
  }
  const files = readdirSync(dataDir).filter((f) => f.startsWith('shiming.db'));
  const haystacks = [
    ...files.map((f) => readFileSync(join(dataDir, f)).toString('latin1')),
    lines.join(''),
  ];
  rmSync(dataDir, { recursive: true, force: true });
  assert.ok(lines.length > 0, 'the run logged something');
  for (const p of people) {
    for (const secret of [p.idNumber, p.bankCards[0]!.number, p.phone]) {
      for (const haystack of haystacks)
        assert.equal(haystack.includes(secret), false, `found ${secret.slice(0, 3)}…`);
    }
  }
});
