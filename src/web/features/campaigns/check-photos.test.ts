import { describe, expect, it } from 'vitest';
import { photosOnPhone, withPhotoSent } from './check-photos';
import type { CheckDraft } from './check-queue';

// Public photo ids as the server gives them (22 characters of base64url); phone keys are 'photo-…'.
const sent = 'Q2hlY2tQaG90b1NlbnQwMQ';
const ids: Record<string, string> = {
  'photo-a': 'AaAaAaAaAaAaAaAaAaAa01',
  'photo-b': 'BbBbBbBbBbBbBbBbBbBb02',
  'photo-c': 'CcCcCcCcCcCcCcCcCcCc03',
};

const draft: CheckDraft = {
  id: 'c1',
  targetId: 1,
  results: [{ key: 'i1', passed: false }],
  notes: null,
  checkedAt: '2026-11-29T08:00:00.000Z',
  findings: [
    {
      itemKey: 'i1',
      description: '一层堆放纸箱',
      deadline: '2026-12-06',
      photos: ['photo-a', sent, 'photo-b'],
    },
    { itemKey: 'i1', description: '三层电动车', deadline: '2026-12-06', photos: ['photo-c'] },
  ],
};

describe('sending a check’s photos one by one', () => {
  it('replaces each photo by its id in turn, without undoing the ones sent before', () => {
    let check = draft;
    expect(photosOnPhone(check)).toEqual(['photo-a', 'photo-b', 'photo-c']);
    for (const key of photosOnPhone(check)) check = withPhotoSent(check, key, ids[key] ?? null);
    expect(check.findings.map((f) => f.photos)).toEqual([
      [ids['photo-a'], sent, ids['photo-b']],
      [ids['photo-c']],
    ]);
    expect(photosOnPhone(check)).toEqual([]);
  });

  it('drops a photo the phone no longer holds and keeps the rest', () => {
    const check = withPhotoSent(draft, 'photo-a', null);
    expect(check.findings[0]?.photos).toEqual([sent, 'photo-b']);
  });
});
