import { describe, expect, it } from 'vitest';
import { mapHeader } from './validate-roster-row';

describe('mapHeader', () => {
  it('maps Chinese headers and ignores unknown ones', () => {
    const mapping = mapHeader(['序号', '姓名', '证件号码', '楼栋', '门牌号', '备注']);
    expect(mapping.ok && mapping.columns.name).toBe(1);
    expect(mapping.ok && mapping.columns.notes).toBe(5);
    expect(mapping.ok && mapping.unused).toEqual(['序号']);
  });

  it('accepts aliases, decorations and English headers; the first column of a kind wins', () => {
    const mapping = mapHeader(['*姓 名', 'ID Number', '楼号', '房号', '联系电话', '手机号码', 'Tags', '']);
    expect(mapping).toEqual({
      ok: true,
      columns: expect.objectContaining({
        name: 0,
        docNumber: 1,
        building: 2,
        room: 3,
        phone: 4,
        tags: 6,
        notes: null,
      }),
      unused: ['手机号码'],
    });
  });

  it('lists the missing required columns by their Chinese names', () => {
    expect(mapHeader(['姓名', '身份证号', '备注'])).toEqual({ ok: false, missing: ['楼栋', '门牌号'] });
  });
});
