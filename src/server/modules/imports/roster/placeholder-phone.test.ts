import { describe, expect, it } from 'vitest';
import { isPlaceholderPhone } from './placeholder-phone';

describe('placeholder phones', () => {
  it('flags numbers typed to fill a cell', () => {
    for (const phone of [
      '13800000000',
      '11111111111',
      '13888888888',
      '13800138000',
      '12345678901',
      '010-88888888',
    ])
      expect(isPlaceholderPhone(phone), phone).toBe(true);
  });
  it('leaves real-looking numbers alone', () => {
    for (const phone of ['13912345601', '13800138123', '010-62751234', '15901010101'])
      expect(isPlaceholderPhone(phone), phone).toBe(false);
  });
});
