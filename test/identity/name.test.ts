import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type NameProblem, normalizeName } from '../../src/identity/name.ts';

const nameOf = (raw: string) => {
  const parsed = normalizeName(raw);
  assert.ok(parsed.ok, `${JSON.stringify(raw)}: ${JSON.stringify(parsed)}`);
  return parsed.value;
};
const problemOf = (raw: string): NameProblem | 'ok' => {
  const parsed = normalizeName(raw);
  return parsed.ok ? 'ok' : parsed.problem;
};

test('middle-dot look-alikes between ideographs (§4.2)', async (t) => {
  const lookalikes: [string, string][] = [
    ['U+00B7 itself', '\u00B7'],
    ['U+0387 GREEK ANO TELEIA', '\u0387'],
    ['U+2022 BULLET', '\u2022'],
    ['U+30FB KATAKANA MIDDLE DOT', '\u30FB'],
    ['U+FF65 HALFWIDTH KATAKANA MIDDLE DOT', '\uFF65'],
    ['U+FF0E FULLWIDTH FULL STOP', '\uFF0E'],
    ['U+2027 HYPHENATION POINT', '\u2027'],
    ['U+2219 BULLET OPERATOR', '\u2219'],
    ['U+22C5 DOT OPERATOR', '\u22C5'],
    ['U+2E31 WORD SEPARATOR MIDDLE DOT', '\u2E31'],
    ['U+25CF BLACK CIRCLE', '\u25CF'],
    ['U+002E FULL STOP', '.'],
    ['U+3002 IDEOGRAPHIC FULL STOP', '\u3002'],
  ];
  for (const [name, dot] of lookalikes) {
    await t.test(`case=${name}`, () => assert.equal(nameOf(`买买提${dot}艾力`), '买买提·艾力'));
  }
});

test('dots (§4.3 step 3)', async (t) => {
  const cases: [string, string, string][] = [
    ['repeated dots collapsed', '买买提··艾力', '买买提·艾力'],
    ['mixed look-alikes collapsed', '买买提•・.艾力', '买买提·艾力'],
    ['spaces around the dot removed', '买买提 · 艾力', '买买提·艾力'],
    ['two separators', '阿卜杜拉·买买提·艾力', '阿卜杜拉·买买提·艾力'],
  ];
  for (const [name, raw, expected] of cases) {
    await t.test(`case=${name}`, () => assert.equal(nameOf(raw), expected));
  }
  const refused: [string, string, NameProblem][] = [
    ['leading dot', '·张三', 'bad_dot'],
    ['leading bullet', '•张三', 'bad_dot'],
    ['trailing dot', '张三·', 'bad_dot'],
    ['only a dot', '·', 'bad_dot'],
    ['trailing full stop is not a separator', '张三。', 'bad_character'],
    ['full stop in a Latin name', 'J. Smith', 'bad_character'],
  ];
  for (const [name, raw, problem] of refused) {
    await t.test(`case=${name}`, () => assert.equal(problemOf(raw), problem));
  }
});

test('ideographs (§4.1)', async (t) => {
  await t.test('case=Ext A 䮌 (U+4B8C) accepted', () => {
    assert.equal(nameOf('葛曾䮌'), '葛曾䮌');
    assert.equal([...nameOf('葛曾䮌')].length, 3);
  });
  await t.test('case=Ext B 𠮷 (U+20BB7) accepted and counted as one code point', () => {
    const value = nameOf('𠮷祥');
    assert.equal(value, '𠮷祥');
    assert.equal([...value].length, 2);
    assert.equal(value.length, 3);
  });
  await t.test('case=50 Ext B code points (100 UTF-16 units) accepted', () => {
    assert.equal(nameOf('𠮷'.repeat(50)).length, 100);
  });
  await t.test('case=50 code points accepted', () =>
    assert.equal(problemOf('张'.repeat(50)), 'ok'),
  );
  await t.test('case=51 code points refused', () => {
    assert.equal(problemOf('张'.repeat(51)), 'too_long');
    assert.equal(problemOf('𠮷'.repeat(51)), 'too_long');
  });
  await t.test('case=one character accepted', () => assert.equal(nameOf('王'), '王'));
  await t.test('case=于/於 and other pairs not converted (§4.3 step 4)', () => {
    for (const name of ['於小明', '于小明', '萧红', '肖红', '乾隆', '後藤', '雲飛']) {
      assert.equal(nameOf(name), name);
    }
  });
  await t.test('case=Kangxi radical U+2F00 normalised to 一', () => {
    assert.equal(nameOf('王\u2F00'), '王一');
  });
  await t.test('case=compatibility ideograph U+F900 → U+8C48', () => {
    assert.equal(nameOf('\uF900三'), '\u8C48三');
  });
  await t.test('case=unified compatibility ideograph U+FA0E unchanged', () => {
    assert.equal(nameOf('\uFA0E三'), '\uFA0E三');
  });
});

test('whitespace (§4.3 step 2)', async (t) => {
  const han: [string, string][] = [
    ['inner space', '张 三'],
    ['ideographic space U+3000', '张\u3000三'],
    ['zero-width space', '张\u200B三'],
    ['zero-width joiner and BOM', '\uFEFF张\u200D三'],
    ['surrounding tabs and newlines', '\t张三\n'],
    ['no-break space', '张\u00A0三'],
  ];
  for (const [name, raw] of han) {
    await t.test(`case=${name}`, () => assert.equal(nameOf(raw), '张三'));
  }
  const latin: [string, string, string][] = [
    ['runs collapsed and trimmed', '  John   Smith ', 'John Smith'],
    ['tab and U+3000 become one space', 'John\t\u3000Smith', 'John Smith'],
    ['zero-width removed', 'Jo\u200Bhn Smith', 'John Smith'],
    ['full-width letters', 'ＪＯＨＮ　ＳＭＩＴＨ', 'JOHN SMITH'],
    ['hyphen and apostrophe', "Mary-Jane O'Neil", "Mary-Jane O'Neil"],
    ['case kept', 'ALI khan', 'ALI khan'],
  ];
  for (const [name, raw, expected] of latin) {
    await t.test(`case=Latin ${name}`, () => assert.equal(nameOf(raw), expected));
  }
});

test('refusals', async (t) => {
  const cases: [string, unknown, NameProblem][] = [
    ['empty', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['only U+3000', '\u3000\u3000', 'empty'],
    ['only zero-width', '\u200B', 'empty'],
    ['not a string', undefined, 'empty'],
    ['digit in an ideographic name', '张3', 'bad_character'],
    ['full-width digit', '张３', 'bad_character'],
    ['digit in a Latin name', 'John2', 'bad_character'],
    ['ideographs mixed with Latin', '张San', 'bad_character'],
    ['accented Latin', 'José', 'bad_character'],
    ['emoji', '张三😀', 'bad_character'],
    ['hiragana', '张あ', 'bad_character'],
    ['hangul', '김민수', 'bad_character'],
    ['punctuation only', "-'", 'bad_character'],
    ['comma', '张,三', 'bad_character'],
    ['51 Latin letters', 'a'.repeat(51), 'too_long'],
  ];
  for (const [name, raw, problem] of cases) {
    await t.test(`case=${name}`, () => assert.equal(problemOf(raw as string), problem));
  }
  await t.test('case=50 Latin characters accepted', () =>
    assert.equal(problemOf('a'.repeat(50)), 'ok'),
  );
});
