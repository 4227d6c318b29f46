/** The `shiming` command line: the only place (with main.ts callers) that reads argv. */
import { ConfigError } from '../config.ts';
import { appsCommand } from './apps.ts';
import { UsageError } from './options.ts';
import { registryCommand } from './registry.ts';
import { serveCommand } from './serve.ts';

const USAGE = `usage: shiming <command>
  serve [--port 8080] [--host 127.0.0.1] [--data-dir ./shiming-data] [--demo] [--fsync]
  apps create --name NAME [--qps N] [--quota N] [--json] | apps list | apps disable APPID
  registry import FILE | registry add … | registry count
every command takes --data-dir DIR (and --database URL, --redis URL for the scaled-out mode)`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  apps: appsCommand,
  registry: registryCommand,
};

export const main = async (argv: string[]): Promise<number> => {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  try {
    await command(args);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`shiming: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
};
