import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { SuiteContext } from '../conformance.ts';
import { cardNumber, holding, person, phone } from '../fixtures.ts';
import { runCases } from './run.ts';

export const registryCases = (t: TestContext, context: SuiteContext) => {
  const registry = () => context.store().registry;
  const isFound = async (idNumber: string) =>
    (await registry().findPerson(idNumber)).status === 'found';
  return runCases(t, context, {
    'import inserts every new person and findPerson returns each whole': async () => {
      const batch = [person(), person({ phone: undefined, idCard: undefined }), person()];
      const before = await registry().count();
      assert.deepEqual(await registry().importBatch(batch), { inserted: 3, duplicates: [] });
      assert.equal(await registry().count(), before + 3);
      for (const record of batch) {
        assert.deepEqual(await registry().findPerson(record.idNumber), {
          status: 'found',
          value: record,
        });
      }
    },
    'an empty batch inserts nothing': async () => {
      assert.deepEqual(await registry().importBatch([]), { inserted: 0, duplicates: [] });
    },
    'a duplicate ID number within the batch keeps the first': async () => {
      const first = person({ name: '李四' });
      const again = person({ idNumber: first.idNumber, name: '王五' });
      const result = await registry().importBatch([first, again]);
      assert.deepEqual(result, { inserted: 1, duplicates: [{ index: 1, field: 'idNumber' }] });
      const found = await registry().findPerson(first.idNumber);
      assert.equal(found.status === 'found' && found.value.name, '李四');
      assert.equal((await registry().findCard(again.bankCards[0]!.number)).status, 'not_found');
    },
    'a duplicate ID number against an earlier batch is refused': async () => {
      const first = person();
      await registry().importBatch([first]);
      const result = await registry().importBatch([person(), person({ idNumber: first.idNumber })]);
      assert.deepEqual(result, { inserted: 1, duplicates: [{ index: 1, field: 'idNumber' }] });
    },
    'a card already held undoes that whole person': async () => {
      const taken = cardNumber();
      const [free, ownPhone] = [cardNumber(), phone()];
      await registry().importBatch([holding(taken)]);
      const refused = { ...holding(free, taken), phone: ownPhone };
      const result = await registry().importBatch([refused]);
      assert.deepEqual(result, { inserted: 0, duplicates: [{ index: 0, field: 'bankCard' }] });
      assert.equal(await isFound(refused.idNumber), false);
      assert.equal((await registry().findCard(free)).status, 'not_found');
      assert.equal((await registry().findSubscriber(ownPhone)).status, 'not_found');
    },
    'a card held earlier in the same batch undoes the later person': async () => {
      const shared = cardNumber();
      const [a, b] = [holding(shared), holding(cardNumber(), shared)];
      const result = await registry().importBatch([a, b]);
      assert.deepEqual(result, { inserted: 1, duplicates: [{ index: 1, field: 'bankCard' }] });
      assert.equal(await isFound(a.idNumber), true);
      assert.equal(await isFound(b.idNumber), false);
    },
    'a card listed twice by one person refuses that person': async () => {
      const twice = cardNumber();
      const result = await registry().importBatch([holding(twice, twice)]);
      assert.deepEqual(result, { inserted: 0, duplicates: [{ index: 0, field: 'bankCard' }] });
      assert.equal((await registry().findCard(twice)).status, 'not_found');
    },
    'an undone person frees its ID number and its other cards for later records': async () => {
      const [taken, freed] = [cardNumber(), cardNumber()];
      await registry().importBatch([holding(taken)]);
      const undone = holding(freed, taken);
      const sameId = { ...holding(cardNumber()), idNumber: undone.idNumber };
      const result = await registry().importBatch([undone, holding(freed), sameId]);
      assert.deepEqual(result, { inserted: 2, duplicates: [{ index: 0, field: 'bankCard' }] });
      assert.equal((await registry().findCard(freed)).status, 'found');
      assert.equal(await isFound(undone.idNumber), true);
    },
    'a person refused for its ID number claims none of its cards': async () => {
      const first = person();
      const card = cardNumber();
      const refused = { ...holding(card), idNumber: first.idNumber };
      const result = await registry().importBatch([first, refused, holding(card)]);
      assert.deepEqual(result, { inserted: 2, duplicates: [{ index: 1, field: 'idNumber' }] });
    },
    'findCard returns the card and its holder': async () => {
      const holder = holding(cardNumber(), cardNumber());
      holder.bankCards[1] = { number: holder.bankCards[1]!.number, phone: phone(), state: 'lost' };
      await registry().importBatch([holder]);
      const card = holder.bankCards[1]!;
      assert.deepEqual(await registry().findCard(card.number), {
        status: 'found',
        value: { card, holder },
      });
      assert.deepEqual(await registry().findCard(cardNumber()), { status: 'not_found' });
    },
    'findPerson and findSubscriber answer not_found for unknown values': async () => {
      assert.deepEqual(await registry().findPerson(person().idNumber), { status: 'not_found' });
      assert.deepEqual(await registry().findSubscriber(phone()), { status: 'not_found' });
    },
    'findSubscriber returns the person registered with the phone': async () => {
      const subscriber = person();
      await registry().importBatch([subscriber]);
      const found = await registry().findSubscriber(subscriber.phone!);
      assert.deepEqual(found, { status: 'found', value: subscriber });
      // A bank card's reserved phone is not a subscriber registration.
      const reserved = subscriber.bankCards[0]!.phone!;
      assert.deepEqual(await registry().findSubscriber(reserved), { status: 'not_found' });
    },
  });
};
