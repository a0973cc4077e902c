import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/auth/roles';
import { landingOf } from './landing';

const scope = { placeId: 7, placeName: '紫萝园社区', buildingIds: null } as never;

describe('where each role lands (issue 13 item 6)', () => {
  it('opens every role on its own work', () => {
    const landings = Object.fromEntries(ROLES.map((role) => [role, landingOf({ role, scope })]));
    expect(landings).toEqual({
      district_officer: { path: '/dashboards/7' },
      subdistrict_officer: { path: '/dashboards/7' },
      community_secretary: { path: '/dashboards/7' },
      social_worker: { path: '/dashboards/7' },
      volunteer: { path: '/visits' },
      gate_guard: { external: '/gate/' },
    });
  });
});
