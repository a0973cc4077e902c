import { describe, expect, it } from 'vitest';
import { countIdCandidates } from '../../../shared/identity/test-rebuild';
import { maskRejectedCells } from './rejected-rows';

const header = ['姓名', '性别', '证件号码', '出生日期', '手机号', '楼栋', '门牌号', '备注'];

describe('the masked copy of a rejected row', () => {
  it('masks numbers as responses do, hides the birth date, keeps what finds the row', () => {
    const id = '11010519491231002X';
    const cells = [
      '王淑珍',
      '女',
      id,
      '1949-12-30',
      '139 1234 5678',
      '3号楼',
      '1201',
      '女儿 13800001111 周末来',
    ];
    const masked = maskRejectedCells(header, cells);
    expect(masked).toEqual([
      '王淑珍',
      '女',
      '110105***********X',
      '****-**-**',
      '139****5678',
      '3号楼',
      '1201',
      '女儿 138****1111 周末来',
    ]);
    // What the row still says (gender, a masked number, no date) leaves the number among thousands.
    const n = countIdCandidates(
      { masked: masked[2] ?? '', gender: 'female' },
      { truth: id, today: '2026-03-15' },
    );
    expect(n).toBeGreaterThan(1_000_000);
  });

  it('masks a number typed in the wrong column or with a typo', () => {
    const [, , doc, , phone] = maskRejectedCells(header, [
      '李',
      '',
      '1101051949123100',
      '',
      '110105194912310021',
    ]);
    expect(doc).toBe('11**********3100');
    expect(doc).not.toContain('19491231');
    expect(phone).toBe('110105***********1');
  });
});
