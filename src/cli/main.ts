/** The `shiming` command line: the only place (with main.ts callers) that reads argv. */
import { ConfigError } from '../config.ts';
import { UsageError } from './options.ts';

const USAGE = `usage: shiming <command>
  serve [--port 8080] [--host 127.0.0.1] [--data-dir ./shiming-data] [--demo] [--fsync]
        [--face-pack standard|clean|none|PATH] [--face-calibration FILE] [--fetch-allow CIDR]…
        [--ocr on|off] [--retain-images-days N]
  apps create --name NAME [--qps N] [--quota N] [--json] | apps list | apps disable APPID
  biztypes create NAME [--json] | biztypes list [--json]
  registry import FILE [--face-pack P] [--keep-portraits] | registry add … | registry count
  calibrate DIR [--face-pack P] [--out FILE]
every command takes --data-dir DIR (and --database URL, --redis URL for the scaled-out mode)`;

/** Loaded on demand: a one-shot command does not pay for the server's modules. */
const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  apps: async () => (await import('./apps.ts')).appsCommand,
  biztypes: async () => (await import('./biztypes.ts')).bizTypesCommand,
  registry: async () => (await import('./registry.ts')).registryCommand,
  calibrate: async () => (await import('./calibrate.ts')).calibrateCommand,
};

export const main = async (argv: string[]): Promise<number> => {
  const [name, ...args] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(USAGE);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  try {
    await (await load())(args);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`shiming: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
};
