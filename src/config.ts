/**
 * One configuration schema with the default beside each field. Parsed once at boot, every
 * problem reported together, the result deep-frozen. `docs/configuration.md` is generated
 * from `CONFIG_FIELDS` (see scripts/config-docs.ts).
 *
 * @example
 *   const config = parseConfig({ port: 8080, demo: true });
 */
import { z } from 'zod';
import { validateCidrs } from './security/safe-fetch.ts';

const schema = z
  .object({
    host: z.string().default('127.0.0.1').describe('Address to listen on.'),
    port: z.number().int().min(0).max(65535).default(8080).describe('Port to listen on.'),
    dataDir: z.string().default('./shiming-data').describe('SQLite database and key file.'),
    database: z
      .string()
      .optional()
      .describe('postgres://… to use PostgreSQL instead of the embedded SQLite.'),
    databaseSchema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('shiming')
      .describe('PostgreSQL schema holding shiming’s tables.'),
    redis: z.string().optional().describe('redis://… for state shared by many processes.'),
    demo: z.boolean().default(false).describe('Load the sandbox personas and the demo app.'),
    dataKey: z
      .string()
      .optional()
      .describe('Base64 32-byte key for personal data; default: the data dir key file.'),
    defaultQps: z.number().positive().default(100).describe('Per-app requests/s when unset.'),
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .default(12 * 1024 * 1024)
      .describe('Largest accepted request body (photos travel base64-encoded in bodies).'),
    maxImageBytes: z
      .number()
      .int()
      .positive()
      .default(8 * 1024 * 1024)
      .describe('Largest image accepted, inline or downloaded.'),
    facePack: z
      .string()
      .default('standard')
      .describe('Face model pack: a name (standard, clean), a pack manifest path, or none.'),
    faceCalibration: z
      .string()
      .optional()
      .describe('Calibration table to use instead of the pack’s own (from `shiming calibrate`).'),
    faceMatchFar: z
      .number()
      .positive()
      .max(1)
      .default(1e-4)
      .describe('False-accept rate at or below which two faces are the same person.'),
    ocr: z
      .boolean()
      .default(true)
      .describe(
        'Load the ID-card reader (OCR) at boot; without it the ID-card and materials actions with card photos answer service unavailable.',
      ),
    fetchAllow: z
      .array(z.string())
      .refine(
        (cidrs) => validateCidrs(cidrs).length === 0,
        'each entry must be a CIDR, e.g. 127.0.0.1/32',
      )
      .default([])
      .describe('CIDRs image URLs may point into although private or loopback, e.g. 10.0.0.0/8.'),
    fsync: z
      .boolean()
      .default(false)
      .describe('fsync every commit (power-loss durability); off still survives kill -9.'),
    retainImagesDays: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe(
        'Days the photos of a materials submission are kept, sealed with the personal-data key, then purged; 0 never keeps them (only the result is stored).',
      ),
    adultAge: z
      .number()
      .int()
      .positive()
      .default(18)
      .describe('Age of majority for MinorsVerification.'),
    logLevel: z
      .enum(['debug', 'info', 'warn', 'error', 'silent'])
      .default('info')
      .describe('Log level.'),
  })
  .strict();

export type ConfigInput = z.input<typeof schema>;
export type Config = Readonly<z.output<typeof schema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

export const parseConfig = (input: ConfigInput = {}): Config => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return deepFreeze(parsed.data);
};

/** Field name, default and description, for the generated configuration docs. */
export const CONFIG_FIELDS = Object.entries(schema.shape).map(([name, field]) => ({
  name,
  description: field.description ?? '',
  default: (field as z.ZodType).safeParse(undefined).data,
}));

/** The printable form: secrets and connection strings with credentials are redacted. */
export const redactConfig = (config: Config): Record<string, unknown> => ({
  ...config,
  dataKey: config.dataKey ? '[redacted]' : undefined,
  database: config.database?.replace(/\/\/[^@/]*@/, '//[redacted]@'),
  redis: config.redis?.replace(/\/\/[^@/]*@/, '//[redacted]@'),
});
