/** Options every command shares (where the data lives), turned into a parsed configuration. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Config, type ConfigInput, parseConfig } from '../config.ts';

export const STORE_OPTIONS = {
  'data-dir': { type: 'string' },
  database: { type: 'string' },
  redis: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const parse = <O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
) =>
  parseArgs({
    args,
    options: { ...STORE_OPTIONS, ...options },
    allowPositionals: true,
    strict: true,
  });

const defined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

export const configFrom = (values: Record<string, unknown>, extra: ConfigInput = {}): Config =>
  parseConfig({
    ...defined({
      dataDir: values['data-dir'] as string | undefined,
      database: values.database as string | undefined,
      redis: values.redis as string | undefined,
    }),
    ...extra,
  });

export const number = (value: unknown, flag: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} must be a non-negative number`);
  return n;
};

/** A mistake in the command line: printed without a stack, exit code 2. */
export class UsageError extends Error {}
