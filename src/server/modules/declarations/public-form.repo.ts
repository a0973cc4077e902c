import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { executePrepared } from '../../db/prepared';
import { findOrRegisterCtes, type SelfDeclared } from '../people/self-registration.repo';
import {
  type DeclarationWrite,
  declarationBatchSql,
  type WrittenDeclaration,
  writtenDeclarations,
} from './declarations-batch.repo';

/**
 * A wave of public-form submits in ONE statement, so ONE round trip and no transaction to open and
 * close: each person found or registered (`findOrRegisterCtes`, which also says whether they are
 * verified and whether the typed name is the registry's), then each declaration judged and written for
 * the person of the same position (`declarationBatchSql`). Answers the declarations written and the
 * repeats of a client id already stored; a position missing from the answer is someone the statement
 * could not settle (see `findOrRegisterCtes`, and a client id stored by another batch at that moment),
 * for the caller to take the slow way.
 */
export async function registerAndDeclare(
  db: DbOrTx,
  people: SelfDeclared[],
  declarations: DeclarationWrite[],
  move: { reason: string },
): Promise<WrittenDeclaration[]> {
  if (people.length !== declarations.length) throw new Error('one person per declaration');
  if (people.length === 0) return [];
  const rows = await executePrepared<Parameters<typeof writtenDeclarations>[0][number]>(
    db,
    'register_and_declare',
    declarationBatchSql(declarations, { ctes: findOrRegisterCtes(people, move), relation: sql`settled` }),
  );
  return writtenDeclarations(rows);
}
