import { type Static, Type } from 'typebox';
import { PlaceKindOut } from '../places/place-responses';
import { ROLES } from './roles';

// What the auth routes answer (src/server/modules/auth/auth.routes.ts): the signed-in account, never its
// password hash or session.

export const AccountOut = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(ROLES),
  scope: Type.Object({
    placeId: Type.Integer(),
    placeName: Type.String(),
    placeKind: PlaceKindOut,
    /** The top of the tree (e.g. 北京市): installation-wide actions such as rotating the signing key. */
    isRoot: Type.Boolean(),
    buildingIds: Type.Union([Type.Array(Type.Integer()), Type.Null()]),
  }),
});
export type Account = Static<typeof AccountOut>;

export const AccountAnswer = Type.Object({ account: AccountOut });
export type AccountAnswer = Static<typeof AccountAnswer>;
