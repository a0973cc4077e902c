import { describe, expect, it } from 'vitest';
import { mapHeader, missingColumnsMessage, unrecognisedColumnsMessage } from './validate-roster-row';

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
      unrecognisedColumns: [],
    });
  });

  it('lists the missing required columns by their Chinese names', () => {
    expect(mapHeader(['姓名', '身份证号', '备注'])).toEqual({
      ok: false,
      missing: ['楼栋', '门牌号'],
      unrecognisedColumns: [],
    });
  });

  it('lists the columns it did not recognise, as typed, apart from second columns of a kind', () => {
    const mapping = mapHeader([
      '序号',
      '姓名',
      '身份证',
      '楼',
      '室',
      '人员类型',
      '楼座号',
      ' 籍贯 ',
      '手机',
      '联系电话',
    ]);
    expect(mapping).toMatchObject({
      ok: true,
      columns: { docNumber: 2, building: 3, room: 4, residenceType: 5, phone: 8 },
      unrecognisedColumns: ['序号', '楼座号', '籍贯'],
      unused: ['序号', '楼座号', '籍贯', '联系电话'],
    });
    const message = unrecognisedColumnsMessage(mapping.unrecognisedColumns);
    expect(message?.zh).toMatch(/^以下列没有识别.*“序号”、“楼座号”、“籍贯”/);
    expect(message?.en).toContain('序号, 楼座号, 籍贯');
    expect(unrecognisedColumnsMessage([])).toBeNull();
  });

  it('names only the columns really missing, with the unrecognised ones beside them (issue 13)', () => {
    // 楼栋 is there under a word that is not a column name (住址); 门牌号 is there as 室. Only 楼栋 is missing.
    const mapping = mapHeader(['姓名', '身份证', '住址', '室']);
    expect(mapping).toEqual({ ok: false, missing: ['楼栋'], unrecognisedColumns: ['住址'] });
    if (mapping.ok) return;
    const message = missingColumnsMessage(mapping);
    expect(message.zh).toBe(
      '表头缺少必填列：楼栋。没有识别的列：“住址”，如果其中一列就是所缺的列，请把表头改为模板中的列名',
    );
    expect(message.zh).not.toContain('门牌号');
    expect(message.en).toMatch(/^The header lacks required columns: Building\. Unrecognised columns: 住址/);
    expect(missingColumnsMessage({ missing: ['门牌号'], unrecognisedColumns: [] }).zh).toBe(
      '表头缺少必填列：门牌号。请使用模板',
    );
  });
});
