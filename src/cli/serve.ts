/** `shiming serve`: builds the app, listens, prints where (and the demo credentials in demo mode). */
import { buildApp } from '../app.ts';
import { redactConfig } from '../config.ts';
import { DEMO_APP } from '../security/demo.ts';
import { configFrom, number, parse } from './options.ts';

export const serveCommand = async (args: string[]): Promise<void> => {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    fsync: { type: 'boolean' },
    'default-qps': { type: 'string' },
    'log-level': { type: 'string' },
  });
  const config = configFrom(values, {
    port: number(values.port, 'port') ?? 8080,
    host: values.host ?? '127.0.0.1',
    demo: values.demo ?? false,
    fsync: values.fsync ?? false,
    defaultQps: number(values['default-qps'], 'default-qps') ?? 100,
    logLevel: (values['log-level'] as 'info' | undefined) ?? 'info',
  });
  const app = await buildApp(config);
  const address = await app.start();
  app.log.info('shiming listening', {
    url: `http://${address.address}:${address.port}`,
    config: redactConfig(config),
  });
  if (config.demo) {
    console.error(
      `\nDemo mode: sandbox personas loaded (docs/sandbox.md). Demo credentials:\n${JSON.stringify(DEMO_APP, null, 2)}\n`,
    );
  }
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};
