/**
 * The sandbox authority: answers from the documented personas (personas.ts), in memory, so
 * that every result code is reachable on purpose. Personas with a `behaviour` answer
 * "unavailable" for every look-up that touches them.
 *
 * @example
 *   const sandbox = createSandboxAuthority();
 *   await sandbox.findPerson('110105199003070017'); // found: 张三
 */
import { type Authority, found, type Lookup, notFound } from '../authority.ts';
import { type Persona, PERSONAS } from './personas.ts';

const answer = <T>(persona: Persona | undefined, value: () => T): Lookup<T> => {
  if (!persona) return notFound;
  if (persona.behaviour) return { status: 'unavailable', reason: persona.behaviour };
  return found(value());
};

export const createSandboxAuthority = (personas: readonly Persona[] = PERSONAS): Authority => {
  const byId = new Map(personas.map((p) => [p.record.idNumber, p]));
  const byPhone = new Map(personas.flatMap((p) => (p.record.phone ? [[p.record.phone, p]] : [])));
  const byCard = new Map(
    personas.flatMap((p) => p.record.bankCards.map((c) => [c.number, { p, c }])),
  );
  return {
    async findPerson(idNumber) {
      const persona = byId.get(idNumber);
      return answer(persona, () => persona!.record);
    },
    async findSubscriber(phone) {
      const persona = byPhone.get(phone);
      return answer(persona, () => persona!.record);
    },
    async findCard(cardNumber) {
      const hit = byCard.get(cardNumber);
      return answer(hit?.p, () => ({ card: hit!.c, holder: hit!.p.record }));
    },
  };
};
