/** `shiming apps create|list|disable`: the callers' credentials. */
import { newApp } from '../security/credentials.ts';
import { withStore } from './context.ts';
import { configFrom, number, parse, UsageError } from './options.ts';

const create = async (args: string[]) => {
  const { values } = parse(args, {
    name: { type: 'string' },
    qps: { type: 'string' },
    quota: { type: 'string' },
  });
  if (!values.name) throw new UsageError('apps create needs --name NAME');
  const app = newApp({
    name: values.name,
    qps: number(values.qps, 'qps') ?? null,
    quota: number(values.quota, 'quota') ?? null,
  });
  await withStore(configFrom(values), (store) => store.apps.create(app));
  const { appId, secretId, secretKey, accessKeyId, accessKeySecret } = app;
  const credentials = { appId, secretId, secretKey, accessKeyId, accessKeySecret };
  if (values.json) console.log(JSON.stringify(credentials));
  else {
    for (const [key, value] of Object.entries(credentials))
      console.log(`${key.padEnd(16)} ${value}`);
    console.log('The secrets are shown once; store them now.');
  }
};

const list = async (args: string[]) => {
  const { values } = parse(args, {});
  const apps = await withStore(configFrom(values), (store) => store.apps.list());
  const rows = apps.map(({ appId, name, secretId, accessKeyId, qps, quota, disabled }) => ({
    appId,
    name,
    secretId,
    accessKeyId,
    qps,
    quota,
    disabled,
  }));
  if (values.json) console.log(JSON.stringify(rows));
  else
    for (const r of rows)
      console.log(
        `${r.appId}  ${r.name}  ${r.secretId}  ${r.accessKeyId}  qps=${r.qps ?? 'default'} quota=${r.quota ?? 'none'}${r.disabled ? '  DISABLED' : ''}`,
      );
};

const disable = async (args: string[]) => {
  const { values, positionals } = parse(args, {});
  const appId = positionals[0];
  if (!appId) throw new UsageError('apps disable needs an APPID');
  const done = await withStore(configFrom(values), (store) => store.apps.setDisabled(appId, true));
  if (!done) throw new UsageError(`no app ${appId}`);
  console.log(`app ${appId} disabled`);
};

export const appsCommand = async (args: string[]): Promise<void> => {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest);
  if (sub === 'list') return list(rest);
  if (sub === 'disable') return disable(rest);
  throw new UsageError(
    'usage: shiming apps create --name NAME [--qps N] [--quota N] [--json] | list | disable APPID',
  );
};
