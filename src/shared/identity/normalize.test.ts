import { describe, expect, it } from 'vitest';
import { normalizeDocumentInput, toHalfWidth } from './normalize';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('０１２９ＡＺａｚ（）－＋')).toBe('0129AZaz()-+');
  });

  it('turns the ideographic space into an ASCII space', () => {
    expect(toHalfWidth('1\u30002')).toBe('1 2');
  });
});

describe('normalizeDocumentInput', () => {
  it('strips spaces, hyphens, dashes and invisible characters', () => {
    expect(normalizeDocumentInput(' 110105 1949-1231\u3000002\u200bx\ufeff ')).toBe('11010519491231002X');
    expect(normalizeDocumentInput('E12\u201334\u201456\u221278')).toBe('E12345678');
  });

  it('upper-cases ASCII letters and maps the multiplication sign to X', () => {
    expect(normalizeDocumentInput('ea1234567')).toBe('EA1234567');
    expect(normalizeDocumentInput('11010519491231002×')).toBe('11010519491231002X');
  });

  it('leaves other characters alone so they can be rejected', () => {
    expect(normalizeDocumentInput('护照E1234')).toBe('护照E1234');
  });
});
