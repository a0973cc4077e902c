import { type Static, type TSchema, Type } from 'typebox';

// The response contract: every route's answers are declared with these TypeBox schemas (one file per
// module in src/shared/<module>/), the server serialises through them (a field the schema does not name
// never leaves), and the web reads the same types (`import type`, so the console carries no TypeBox).

/** Every refusal and failure, from every route: `{ error: { code, message, field? } }`. */
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** A value or null (JSON has no undefined: a column with no value goes out as null). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A moment as `Date.toISOString()` writes it (a Date in the handler goes out this way). */
export const InstantOut = Type.String({ format: 'date-time' });
/** A calendar day, 'YYYY-MM-DD'. */
export const DayOut = Type.String({ description: 'YYYY-MM-DD' });

/** A page of rows and how many there are in all. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });
/** A list of rows (the type, for answers built with ItemsOf). */
export type Items<T> = { items: T[] };
/** A list of rows. */
export const ItemsOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** No body (204). */
// `void`, so a handler answers `reply.status(204).send()`.
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'No Content' });

/** A file's bytes: typed `unknown` so a handler may send a Buffer or a stream. */
export const FileBody = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });

/**
 * A body that is not JSON (a workbook, an image, a PDF): declared by its content type for the OpenAPI
 * document; Fastify sends buffers and streams as they are, never through a JSON serialiser.
 */
export const Binary = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: FileBody } },
});

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
