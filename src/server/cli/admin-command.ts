import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../shared/auth/roles';
import { PLACE_KINDS, type PlaceKind } from '../../shared/places/place-kinds';
import type { Services } from '../http/types';
import { places } from '../modules/places/places.table';
import { ask } from './prompt';

/**
 * `admin create`: the first account on a fresh database (and any later one, from the machine's operator).
 * With `--create-place NAME --kind KIND` it also creates the top place the account is scoped to, since
 * a database started without the demo has no places yet.
 */
export async function runAdminCommand(services: Services, argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'district_officer' },
      place: { type: 'string' },
      'create-place': { type: 'string' },
      kind: { type: 'string', default: 'city' },
    },
  });
  if (positionals[0] !== 'create' || !values.username || !values.place) {
    throw new Error(
      '用法 · usage: npm run dashu -- admin create --username U --name 姓名 --role ROLE --place CODE [--create-place 名称 --kind city]',
    );
  }
  if (!ROLES.includes(values.role as Role))
    throw new Error(`角色应为 · role must be one of: ${ROLES.join(', ')}`);
  const { db } = services.database;
  let place = (await db.select().from(places).where(eq(places.code, values.place)).limit(1))[0];
  if (!place && values['create-place']) {
    if (!PLACE_KINDS.includes(values.kind as PlaceKind))
      throw new Error(`kind must be one of: ${PLACE_KINDS.join(', ')}`);
    place = (
      await db
        .insert(places)
        .values({
          kind: values.kind as PlaceKind,
          name: values['create-place'],
          code: values.place,
          path: '/',
          depth: 0,
        })
        .returning()
    )[0];
  }
  if (!place)
    throw new Error(
      `找不到编码为 ${values.place} 的地点 · no place with code ${values.place} (add --create-place 名称)`,
    );
  const password =
    process.env.DASHU_ADMIN_PASSWORD || (await ask('新账号密码（至少 10 位）· password (10+ characters): '));
  const account = await services.auth.createAccount(null, {
    username: values.username,
    displayName: values.name ?? values.username,
    password,
    role: values.role as Role,
    scopePlaceId: place.id,
  });
  console.log(
    `已创建账号 · account created: ${account.username} (${account.role}) → ${account.scope.placeName}`,
  );
}
