/**
 * The test PostgreSQL: SHIMING_TEST_POSTGRES_URL, else the local server as `postgres`, else as
 * the OS user (trust auth on 127.0.0.1, database `test`). Each test file works in its own
 * schema, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

const candidates = (): string[] => {
  const configured = process.env.SHIMING_TEST_POSTGRES_URL;
  if (configured) return [configured];
  return ['postgres', userInfo().username].map((user) => `postgres://${user}@127.0.0.1:5432/test`);
};

/** The first candidate URL that accepts a connection. */
export const testDatabaseUrl = async (): Promise<string> => {
  const failures: string[] = [];
  for (const url of candidates()) {
    const client = new pg.Client(url);
    try {
      await client.connect();
      return url;
    } catch (error) {
      failures.push(`${url}: ${String(error)}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`no test PostgreSQL reachable:\n  ${failures.join('\n  ')}`);
};

export const uniqueSchema = (purpose: string): string =>
  `shiming_test_${purpose}_${randomBytes(4).toString('hex')}`;

/** Runs one statement (or a few, without parameters) on a short-lived connection. */
export const sql = async <R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values?: unknown[],
) => {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
};

export const dropSchema = (url: string, schema: string) =>
  sql(url, `DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
