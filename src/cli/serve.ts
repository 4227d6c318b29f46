/** `shiming serve`: builds the app, listens, prints where (and the demo credentials in demo mode). */
import { buildApp } from '../app.ts';
import { redactConfig } from '../config.ts';
import { DEMO_APP } from '../security/demo.ts';
import { configFrom, number, parse, UsageError } from './options.ts';

export const serveCommand = async (args: string[]): Promise<void> => {
  const { values } = parse(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    fsync: { type: 'boolean' },
    'default-qps': { type: 'string' },
    'log-level': { type: 'string' },
    'face-pack': { type: 'string' },
    'face-calibration': { type: 'string' },
    'fetch-allow': { type: 'string', multiple: true },
    ocr: { type: 'string' },
    'retain-images-days': { type: 'string' },
  });
  if (values.ocr !== undefined && values.ocr !== 'on' && values.ocr !== 'off') {
    throw new UsageError('--ocr takes on or off');
  }
  // Flags left out stay undefined, so the schema's defaults apply (src/config.ts).
  const config = configFrom(values, {
    port: number(values.port, 'port'),
    host: values.host,
    demo: values.demo,
    fsync: values.fsync,
    defaultQps: number(values['default-qps'], 'default-qps'),
    logLevel: values['log-level'] as 'info' | undefined,
    facePack: values['face-pack'],
    faceCalibration: values['face-calibration'],
    fetchAllow: values['fetch-allow'],
    ocr: values.ocr === undefined ? undefined : values.ocr === 'on',
    retainImagesDays: number(values['retain-images-days'], 'retain-images-days'),
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
