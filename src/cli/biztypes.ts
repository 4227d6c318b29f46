/** `shiming biztypes create|list`: the business scenarios (BizType) materials tasks run under. */
import { withStore } from './context.ts';
import { configFrom, parse, UsageError } from './options.ts';

/** Scenario keys as the console creates them: letters, digits, `-`, `_`, `.`, at most 64. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const USAGE = 'usage: shiming biztypes create NAME [--json] | list [--json]';

const create = async (args: string[]) => {
  const { values, positionals } = parse(args, {});
  const name = positionals[0];
  if (!name || positionals.length > 1) throw new UsageError(USAGE);
  if (!NAME.test(name)) {
    throw new UsageError(
      'a BizType is 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  const created = await withStore(configFrom(values), (store) => store.bizTypes.create(name));
  if (values.json) console.log(JSON.stringify({ name, created }));
  else console.log(created ? `BizType ${name} created` : `BizType ${name} already exists`);
};

const list = async (args: string[]) => {
  const { values } = parse(args, {});
  const bizTypes = await withStore(configFrom(values), (store) => store.bizTypes.list());
  if (values.json) console.log(JSON.stringify(bizTypes));
  else for (const b of bizTypes) console.log(`${b.name}  ${new Date(b.createdAt).toISOString()}`);
};

export const bizTypesCommand = async (args: string[]): Promise<void> => {
  const [sub, ...rest] = args;
  if (sub === 'create') return create(rest);
  if (sub === 'list') return list(rest);
  throw new UsageError(USAGE);
};
