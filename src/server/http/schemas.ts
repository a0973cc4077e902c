import { type TProperties, Type } from 'typebox';

/** Objects refuse fields they do not know: a typo is an error, not silently ignored. */
export const Strict = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
export const IdParams = Strict({ id: Id });

export const Page = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});

export const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
export const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
