/**
 * Unique test data for the store suites. Numbers are unique within a run (a counter) and across
 * runs (a random run prefix); the store never validates them, so they need only look real.
 */
import { randomInt } from 'node:crypto';
import type { PersonRecord } from '../../src/authorities/authority.ts';
import type { MaterialsRecord, VerificationRecord } from '../../src/store/store.ts';

const run = randomInt(100_000, 999_999);
let seq = 0;
const next = (width: number) => `${run}${String(seq++).padStart(width - 6, '0')}`;

export const idNumber = (): string => `110105${next(12)}`;
export const cardNumber = (): string => `6222${next(15)}`;
export const phone = (): string => `13${next(9)}`;
export const requestId = (): string => `req-${next(16)}`;
export const bizId = (): string => `task-${next(12)}`;
export const bizTypeName = (): string => `scenario-${next(10)}`;

/** A person; an override set to undefined removes that optional field. */
export const person = (overrides: Partial<PersonRecord> = {}): PersonRecord => {
  const record: PersonRecord = {
    name: '张三',
    idNumber: idNumber(),
    phone: phone(),
    bankCards: [{ number: cardNumber(), phone: phone(), state: 'normal' }],
    idCard: { authority: '北京市公安局朝阳分局', validFrom: '2015-03-07', validTo: '2035-03-07' },
    ...overrides,
  };
  return JSON.parse(JSON.stringify(record)) as PersonRecord;
};

/** A person holding exactly these card numbers. */
export const holding = (...numbers: string[]): PersonRecord =>
  person({ bankCards: numbers.map((number) => ({ number, state: 'normal' as const })) });

export const verification = (overrides: Partial<VerificationRecord> = {}): VerificationRecord => ({
  requestId: requestId(),
  appId: null,
  dialect: 'tencent-faceid',
  action: 'IdCardVerification',
  outcome: 'match',
  billed: false,
  latencyMs: 12.5,
  subject: '张* 110105********0017',
  createdAt: Date.now(),
  ...overrides,
});

/**
 * A materials task's result as the core stores it: personal data in the facts, a sandbox score
 * whose cosine is NaN (it must survive the round trip), no image.
 */
export const materialsTask = (
  bizType: string,
  code: 'match' | 'mismatch' = 'mismatch',
  overrides: Partial<MaterialsRecord> = {},
): MaterialsRecord => {
  const number = idNumber();
  const face = { cosine: Number.NaN, far: code === 'match' ? 1e-6 : 0.5 };
  return {
    bizType,
    bizId: bizId(),
    updatedAt: 1_750_000_000_000,
    outcome: {
      code,
      facts: {
        ...(code === 'mismatch'
          ? { mismatch: 'face' as const, against: 'authority' as const }
          : {}),
        face,
        materials: {
          verifyToken: 'c302c0797679457685410ee51a5ba375',
          status: code,
          authorityScore: face,
          idCard: {
            name: '欧阳娜娜',
            idNumber: number,
            address: '北京市朝阳区建国路88号',
            warnings: [],
          },
          submitted: {
            name: '欧阳娜娜',
            idNumber: number,
            faceUrl: 'https://example.com/face.jpg',
          },
        },
      },
    },
    ...overrides,
  };
};
