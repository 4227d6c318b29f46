/**
 * Starts the real server in-process on an ephemeral port with a temporary data dir. App
 * management goes through the real `shiming` CLI in a child process, as an operator would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildApp, type ShimingApp } from '../../src/app.ts';
import { type ConfigInput, parseConfig } from '../../src/config.ts';

export { DEMO_APP } from '../../src/security/demo.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/shiming.mjs', import.meta.url).pathname;

export interface AppCredentials {
  appId: string;
  secretId: string;
  secretKey: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface TestServer {
  url: string;
  host: string;
  port: number;
  dataDir: string;
  app: ShimingApp;
  createApp(opts?: { name?: string; qps?: number; quota?: number }): Promise<AppCredentials>;
  disableApp(appId: string): Promise<void>;
  /** Runs `shiming <args> --data-dir <this server's dir>` and returns stdout. */
  cli(args: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  demo?: boolean;
  config?: Omit<ConfigInput, 'dataDir' | 'port' | 'host'>;
  /** Reuse a data dir (e.g. after a restart); default: a new temporary one. */
  dataDir?: string;
}

export const shimingCli = async (args: string[]): Promise<string> => {
  const { stdout } = await run(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return stdout;
};

export const startTestServer = async (options: TestServerOptions = {}): Promise<TestServer> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shiming-test-'));
  const config = parseConfig({
    logLevel: 'silent',
    // The face engine takes a second and a few hundred MB to load: only suites that need it.
    facePack: 'none',
    // The ID-card reader likewise (its OCR models): only suites that read cards turn it on.
    ocr: false,
    ...options.config,
    demo: options.demo ?? true,
    dataDir,
    port: 0,
    host: '127.0.0.1',
  });
  const app = await buildApp(config);
  const { port } = await app.start();
  const cli = (args: string[]) => shimingCli([...args, '--data-dir', dataDir]);
  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    dataDir,
    app,
    cli,
    async createApp(opts = {}) {
      const flags = ['apps', 'create', '--name', opts.name ?? 'test', '--json'];
      if (opts.qps !== undefined) flags.push('--qps', String(opts.qps));
      if (opts.quota !== undefined) flags.push('--quota', String(opts.quota));
      return JSON.parse(await cli(flags)) as AppCredentials;
    },
    async disableApp(appId) {
      await cli(['apps', 'disable', appId]);
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
