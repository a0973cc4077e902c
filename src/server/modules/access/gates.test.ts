// Gate management: adding a gate to a compound, editing it, listing gates and compounds, scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, login } from '../../test/fixture';
import type { TestApp } from '../../test/test-app';
import { type AccessSetup, setUpAccess } from './access.test-setup';

let t: TestApp;
let f: Fixture;
let secretary: string;
let call: AccessSetup['call'];

beforeAll(async () => {
  ({ t, f, secretary, call } = await setUpAccess());
});
afterAll(() => t.close());

describe('gates', () => {
  it('adds a gate to a compound with hours and vehicles, and edits it; other communities get 404', async () => {
    const made = await call(secretary, 'POST', '/api/access/gates', {
      compoundId: f.a.compound.id,
      name: '新开北门',
      vehiclesAllowed: false,
      openingHours: '06:00-22:00',
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().gate.id;
    const edited = await call(secretary, 'PATCH', `/api/access/gates/${id}`, { vehiclesAllowed: true });
    expect(edited.json().gate).toMatchObject({
      name: '新开北门',
      vehiclesAllowed: true,
      openingHours: '06:00-22:00',
    });
    const compounds = await call(secretary, 'GET', '/api/access/compounds');
    expect(compounds.json().items).toEqual([
      { id: f.a.compound.id, name: f.a.compound.name, communityId: f.a.community.id },
    ]);
    const list = await call(secretary, 'GET', '/api/access/gates');
    expect(list.json().items.map((g: { name: string }) => g.name)).toContain('新开北门');
    const spy = await login(t, f.b.usernames.community_secretary);
    expect((await call(spy, 'PATCH', `/api/access/gates/${id}`, { name: 'x' })).statusCode).toBe(404);
    const bad = await call(secretary, 'POST', '/api/access/gates', {
      compoundId: f.a.compound.id,
      name: '坏',
      vehiclesAllowed: false,
      openingHours: '早上',
    });
    expect(bad.statusCode).toBe(400);
  });
});
