import { describe, expect, it } from 'vitest';
import { photosOnPhone, withPhotoSent } from './check-photos';
import type { CheckDraft } from './check-queue';

const draft: CheckDraft = {
  id: 'c1',
  targetId: 1,
  results: [{ key: 'i1', passed: false }],
  notes: null,
  checkedAt: '2026-11-29T08:00:00.000Z',
  findings: [
    { itemKey: 'i1', description: '一层堆放纸箱', deadline: '2026-12-06', photos: ['photo-a', 7, 'photo-b'] },
    { itemKey: 'i1', description: '三层电动车', deadline: '2026-12-06', photos: ['photo-c'] },
  ],
};

describe('sending a check’s photos one by one', () => {
  it('replaces each photo by its id in turn, without undoing the ones sent before', () => {
    let check = draft;
    const ids: Record<string, number> = { 'photo-a': 11, 'photo-b': 12, 'photo-c': 13 };
    for (const key of photosOnPhone(check)) check = withPhotoSent(check, key, ids[key] ?? null);
    expect(check.findings.map((f) => f.photos)).toEqual([[11, 7, 12], [13]]);
    expect(photosOnPhone(check)).toEqual([]);
  });

  it('drops a photo the phone no longer holds and keeps the rest', () => {
    const check = withPhotoSent(draft, 'photo-a', null);
    expect(check.findings[0]?.photos).toEqual([7, 'photo-b']);
  });
});
