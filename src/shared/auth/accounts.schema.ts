import { Type } from 'typebox';
import { PLACE_KINDS, type PlaceKind } from '../places/place-kinds';
import { ROLES, type Role } from './roles';

// Response schemas of the accounts routes (the shapes of accounts.ts), so the OpenAPI document and the
// serializer say exactly what goes out.

export const AccountBuildingSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  compoundName: Type.Union([Type.String(), Type.Null()]),
});

export const AccountItemSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Unsafe<Role>(Type.Union(ROLES.map((r) => Type.Literal(r)))),
  scopePlaceId: Type.Integer(),
  scopePlaceName: Type.String(),
  scopePlaceKind: Type.Unsafe<PlaceKind>(Type.Union(PLACE_KINDS.map((k) => Type.Literal(k)))),
  buildings: Type.Union([Type.Array(AccountBuildingSchema), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  manageable: Type.Boolean(),
});

export const AccountListSchema = Type.Object({
  items: Type.Array(AccountItemSchema),
  total: Type.Integer(),
});

export const OneTimePasswordSchema = Type.Object({
  account: AccountItemSchema,
  password: Type.String(),
});

export const AccountItemResponse = Type.Object({ account: AccountItemSchema });
