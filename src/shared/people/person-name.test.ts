import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkName, NAME_KEY_FOLD, NAME_MESSAGES, nameKey, normalizeName, sameName } from './person-name';

describe('nameKey: typing differences are not a different person', () => {
  it('folds spaces of every kind, full-width letters and letter case', () => {
    expect(sameName('张三', ' 张 三 ')).toBe(true);
    expect(sameName('张三', '张\u3000三')).toBe(true);
    expect(sameName('张三', '张\u200b三')).toBe(true);
    expect(sameName('Li Ming', 'ＬＩ　ＭＩＮＧ')).toBe(true);
    expect(sameName('阿卜杜·热合曼', '阿卜杜.热合曼')).toBe(true);
    expect(sameName('阿卜杜·热合曼', '阿卜杜・热合曼')).toBe(true);
  });

  it('never folds one letter into another', () => {
    expect(sameName('张三', '张山')).toBe(false);
    expect(sameName('张三', '张三丰')).toBe(false);
    expect(sameName('王五', '汪五')).toBe(false);
    expect(sameName('Jean-Luc', 'JeanLuc')).toBe(false);
    expect(nameKey('𠮷野')).toBe('𠮷野');
  });

  it('is one table that translate() can apply: every mapped character has its partner', () => {
    const from = [...NAME_KEY_FOLD.from];
    const to = [...NAME_KEY_FOLD.to];
    expect(new Set(from).size).toBe(from.length);
    expect(to.length).toBeLessThan(from.length);
    for (const [i, ch] of from.entries()) expect(nameKey(ch)).toBe(to[i] ?? '');
  });
});

describe('normalizeName: the stored form', () => {
  it('cleans typing without touching letters', () => {
    expect(normalizeName('  张三 ')).toBe('张三');
    expect(normalizeName('李　娜')).toBe('李娜');
    expect(normalizeName('张\u200b三')).toBe('张三');
    expect(normalizeName('阿卜杜 · 热合曼')).toBe('阿卜杜·热合曼');
    expect(normalizeName('阿卜杜.热合曼')).toBe('阿卜杜·热合曼');
    expect(normalizeName('阿卜杜・热合曼')).toBe('阿卜杜·热合曼');
    expect(normalizeName('阿卜杜．热合曼')).toBe('阿卜杜·热合曼');
    expect(normalizeName('ＬＩ　ＭＩＮＧ')).toBe('LI MING');
    expect(normalizeName(' John   F.  Smith ')).toBe('John F. Smith');
    expect(normalizeName('Jean–Luc O’Neil')).toBe("Jean-Luc O'Neil");
    expect(normalizeName('𠮷野')).toBe('𠮷野');
  });

  it('never makes two names differ: nameKey(normalizeName(x)) is nameKey(x)', () => {
    const pieces = [
      '张',
      '三',
      'Li',
      'MING',
      '·',
      ' ',
      '.',
      '-',
      "'",
      '𠮷',
      '1',
      '（',
      ...NAME_KEY_FOLD.from,
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const name = parts.join('');
        expect(nameKey(normalizeName(name))).toBe(nameKey(name));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => nameKey(normalizeName(name)) === nameKey(name)),
    );
  });
});

describe('checkName: one rule and one message for the form, the console and the roster', () => {
  it('accepts names of every script, with the name dot, hyphens, apostrophes and a namesake’s mark', () => {
    for (const name of [
      '张三',
      '买买提·艾力',
      '欧阳娜娜',
      'Li Ming',
      "Mary-Jane O'Neil",
      'Иван',
      '𠮷野家',
      '김민준',
      '王芳(小)',
    ])
      expect(checkName(name)).toEqual({ ok: true, name });
  });

  it('refuses what cannot be a name, saying why', () => {
    expect(checkName('   ')).toEqual({ ok: false, reason: 'name_missing' });
    expect(checkName(null)).toEqual({ ok: false, reason: 'name_missing' });
    expect(checkName('张'.repeat(51))).toEqual({ ok: false, reason: 'name_too_long' });
    // Fifty characters, one of them outside the Basic Multilingual Plane: still fifty.
    expect(checkName(`𠮷${'张'.repeat(49)}`).ok).toBe(true);
    expect(checkName('13800138000')).toEqual({ ok: false, reason: 'name_no_letter' });
    expect(checkName('/')).toEqual({ ok: false, reason: 'name_no_letter' });
    expect(NAME_MESSAGES.name_no_letter.zh).toBe('姓名不能只有数字或符号，请检查是否把号码填到了姓名里');
  });
});
