/**
 * Several authorities asked in order: the first one that knows the subject answers (demo mode
 * asks the sandbox, then the registry).
 */
import type { Authority, Lookup } from './authority.ts';

const first = async <T>(asks: (() => Promise<Lookup<T>>)[]): Promise<Lookup<T>> => {
  let last: Lookup<T> = { status: 'not_found' };
  for (const ask of asks) {
    last = await ask();
    if (last.status !== 'not_found') return last;
  }
  return last;
};

export const chainAuthorities = (authorities: readonly Authority[]): Authority => ({
  findPerson: (id) => first(authorities.map((a) => () => a.findPerson(id))),
  findCard: (card) => first(authorities.map((a) => () => a.findCard(card))),
  findSubscriber: (phone) => first(authorities.map((a) => () => a.findSubscriber(phone))),
});
