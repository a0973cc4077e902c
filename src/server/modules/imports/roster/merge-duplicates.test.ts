import { describe, expect, it } from 'vitest';
import { mergeDuplicates, RosterDuplicateMerger, type RosterEntry } from './merge-duplicates';
import { residentId } from './test-fixtures';
import type { RosterRow } from './validate-roster-row';

const ID = residentId('110105', '19900102', '123');

function entry(rowNumber: number, overrides: Partial<RosterRow> = {}): RosterEntry {
  const row: RosterRow = {
    name: '张三',
    gender: 'male',
    docType: 'resident_id',
    docNumber: ID,
    birthDate: '1990-01-02',
    phone: null,
    compound: '幸福里小区',
    building: '3号楼',
    entrance: '2单元',
    room: '302',
    floor: 3,
    relationToHead: null,
    residenceType: null,
    tags: [],
    notes: null,
    ...overrides,
  };
  return { rowNumber, cells: [String(rowNumber)], row };
}

describe('mergeDuplicates', () => {
  it('lets later non-empty values win, unions tags and remembers every row', () => {
    const { rows, rejected } = mergeDuplicates([
      entry(2, { phone: '13800138000', relationToHead: 'self', tags: ['party_member'], notes: '旧备注' }),
      entry(3, { name: '李四', docNumber: residentId('110105', '19920304', '246'), gender: 'female' }),
      entry(5, {
        phone: null,
        residenceType: 'registered',
        tags: ['veteran', 'party_member'],
        compound: null,
      }),
      entry(9, { phone: '13900139000', notes: null }),
    ]);
    expect(rejected).toEqual([]);
    expect(rows.map((merged) => [merged.rowNumber, merged.rowNumbers])).toEqual([
      [2, [2, 5, 9]],
      [3, [3]],
    ]);
    expect(rows[0]?.cells).toEqual(['2']);
    expect(rows[0]?.row).toMatchObject({
      phone: '13900139000',
      relationToHead: 'self',
      residenceType: 'registered',
      tags: ['party_member', 'veteran'],
      notes: '旧备注',
      compound: '幸福里小区',
    });
  });

  it('rejects a later row whose name differs, pointing at the first row', () => {
    const { rows, rejected } = mergeDuplicates([entry(4), entry(8, { name: '张叁', phone: '13800138000' })]);
    expect(rejected).toEqual([{ rowNumber: 8, cells: ['8'], reasons: ['与第4行证件号码相同但姓名不同'] }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row.phone).toBeNull();
  });

  it('treats spacing and letter case in names as the same name', () => {
    const merger = new RosterDuplicateMerger();
    expect(merger.add(entry(2, { name: 'Li Ming' }))).toEqual({ ok: true, merged: false });
    expect(merger.add(entry(3, { name: 'LI  MING' }))).toEqual({ ok: true, merged: true });
    expect(merger.size).toBe(1);
  });

  it('keys on document type as well as number', () => {
    const { rows } = mergeDuplicates([
      entry(2, { docType: 'passport_foreign', docNumber: 'X1234567', name: 'John' }),
      entry(3, { docType: 'taiwan_compatriot_permit', docNumber: 'X1234567', name: 'Chen' }),
    ]);
    expect(rows).toHaveLength(2);
  });

  it('moves the address as a whole when the later row names another door', () => {
    const { rows } = mergeDuplicates([
      entry(2),
      entry(3, { compound: null, building: '平房一区', entrance: null, room: '15号', floor: null }),
    ]);
    expect(rows[0]?.row).toMatchObject({
      compound: null,
      building: '平房一区',
      entrance: null,
      room: '15号',
      floor: null,
    });
  });

  it('fills a blank entrance and compound from the earlier row for the same door', () => {
    const { rows } = mergeDuplicates([entry(2), entry(3, { compound: null, entrance: null })]);
    expect(rows[0]?.row).toMatchObject({ compound: '幸福里小区', entrance: '2单元', room: '302' });
  });
});
