/**
 * A small structured logger (one JSON line per event). Callers pass only masked values; as a
 * second line of defence, long digit runs (ID numbers, cards, phones) are masked before writing.
 *
 * @example
 *   log.info('request', { requestId, outcome: 'match', subject: '张* 110105********0017' });
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Logger = Record<
  Exclude<LogLevel, 'silent'>,
  (message: string, fields?: object) => void
>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Runs of 11+ digits (phones, cards, ID numbers) keep only their first 3 and last 4 digits. */
export const scrub = (text: string): string =>
  text.replace(
    /\d{7,}(\d{4})[\dXx]?/g,
    (run) => `${run.slice(0, 3)}${'*'.repeat(run.length - 7)}${run.slice(-4)}`,
  );

export const createLogger = (
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger => {
  const emit = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: object) => {
    if (RANK[at] < RANK[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields });
    write(`${scrub(line)}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
};
