/** Field comparison for the OCR evaluation: exact matches and character accuracy. */
import type { Persona } from '../../src/engines/idcard/synth/index.ts';
import type { BackResult, FrontResult, Retake } from '../../src/engines/idcard/index.ts';

export const FRONT_FIELDS = ['name', 'sex', 'nation', 'birthDate', 'address', 'idNumber'] as const;
export const BACK_FIELDS = ['authority', 'validity'] as const;
export type FieldName = (typeof FRONT_FIELDS)[number] | (typeof BACK_FIELDS)[number];

export interface SideScore {
  retake: string | null;
  exact: Partial<Record<FieldName, boolean>>;
  /** 1 − edit distance / length of the true address (0 when not read). */
  addressChars?: number;
  /** A number was reported that is not the true one (must never happen). */
  wrongId?: boolean;
  warnings: string[];
}

export const levenshtein = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[y.length]!;
};

export const scoreFront = (p: Persona, r: FrontResult | Retake): SideScore => {
  if (r.kind === 'retake') return { retake: r.reason, exact: {}, addressChars: 0, warnings: [] };
  const f = r.fields;
  const addr = f.address ?? '';
  return {
    retake: null,
    exact: {
      name: f.name === p.name,
      sex: f.sex === p.sex,
      nation: f.nation === p.nation,
      birthDate: f.birthDate === p.birthDate,
      address: addr === p.address,
      idNumber: f.idNumber === p.idNumber,
    },
    addressChars: Math.max(0, 1 - levenshtein(addr, p.address) / [...p.address].length),
    wrongId: f.idNumber !== null && f.idNumber !== p.idNumber,
    warnings: r.warnings.map((w) => w.code),
  };
};

export const scoreBack = (p: Persona, r: BackResult | Retake): SideScore => {
  if (r.kind === 'retake') return { retake: r.reason, exact: {}, warnings: [] };
  const f = r.fields;
  return {
    retake: null,
    exact: {
      authority: f.authority === p.authority,
      validity: f.validFrom === p.validFrom && f.validTo === p.validTo,
    },
    warnings: r.warnings.map((w) => w.code),
  };
};
