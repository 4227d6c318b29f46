import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import { newApp } from '../../../src/security/credentials.ts';
import type { SuiteContext } from '../conformance.ts';
import { bizTypeName, materialsTask, person } from '../fixtures.ts';
import { runCases } from './run.ts';

/** The value as stored text would show it: raw UTF-8, or hex (how bytea renders as text). */
const forms = (value: string) => {
  const utf8 = Buffer.from(value, 'utf8');
  return [utf8, Buffer.from(utf8.toString('hex'), 'latin1')];
};

export const atRestCases = (t: TestContext, context: SuiteContext) =>
  runCases(t, context, {
    'personal data and app secrets are stored sealed, never as plaintext': async () => {
      const subject = person({ name: '欧阳娜娜' });
      const app = newApp({ name: 'sealed', qps: null, quota: null });
      await context.store().registry.importBatch([subject]);
      await context.store().apps.create(app);
      const raw = await context.harness.rawBytes();
      assert.ok(raw.includes(Buffer.from(app.appId)), 'the dump holds the rows just written');
      const secrets = {
        idNumber: subject.idNumber,
        card: subject.bankCards[0]!.number,
        phone: subject.phone!,
        name: subject.name,
        secretKey: app.secretKey,
        accessKeySecret: app.accessKeySecret,
      };
      for (const [what, value] of Object.entries(secrets)) {
        for (const form of forms(value))
          assert.equal(raw.includes(form), false, `${what} in plaintext`);
      }
    },
    'materials tasks are stored sealed: no name, ID number or address in plaintext': async () => {
      const task = materialsTask(bizTypeName());
      await context.store().materials.save(task);
      const raw = await context.harness.rawBytes();
      assert.ok(raw.includes(Buffer.from(task.bizId)), 'the dump holds the row just written');
      const card = task.outcome.facts!.materials!.idCard!;
      for (const [what, value] of Object.entries({
        name: card.name!,
        idNumber: card.idNumber!,
        address: card.address!,
      })) {
        for (const form of forms(value))
          assert.equal(raw.includes(form), false, `${what} in plaintext`);
      }
    },
    'retained photos are stored sealed: no photo bytes at rest, raw, hex or base64': async () => {
      const face = randomBytes(4096);
      const id = `photos-${randomBytes(6).toString('hex')}`;
      await context.store().materials.retainImages(bizTypeName(), id, { face }, 9e12);
      const raw = await context.harness.rawBytes();
      assert.ok(raw.includes(Buffer.from(id)), 'the dump holds the row just written');
      const part = face.subarray(1024, 1088);
      for (const [what, form] of Object.entries({
        raw: part,
        hex: Buffer.from(part.toString('hex'), 'latin1'),
        base64: Buffer.from(face.subarray(1023, 1086).toString('base64'), 'latin1'),
      })) {
        assert.equal(raw.includes(form), false, `photo bytes at rest (${what})`);
      }
    },
  });
