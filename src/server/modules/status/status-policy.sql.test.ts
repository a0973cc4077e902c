// The public form's batch statement judges in SQL what src/shared/status judges in TypeScript, and folds
// names in SQL as src/shared/people/person-name.ts does: both are run over every case here and compared.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { PERSON_STATUSES } from '../../../shared/declarations';
import { NAME_KEY_FOLD, nameKey } from '../../../shared/people/person-name';
import {
  type CurrentStatus,
  judgeSelfDeclaration,
  type SelfDeclarationCase,
  STATUS_SOURCES,
} from '../../../shared/status';
import { testDatabase } from '../../test/test-app';
import { nameKeySql } from '../people/self-registration.repo';
import {
  holdReasonsSql,
  type SelfDeclarationInputs,
  sourceAfterSql,
  verdictSql,
} from './self-declaration.sql';

const database = testDatabase(2);
afterAll(() => database.close());

function everyCase(): SelfDeclarationCase[] {
  const currents: Array<CurrentStatus | null> = [
    null,
    ...STATUS_SOURCES.flatMap((source) => PERSON_STATUSES.map((status) => ({ status, source }))),
  ];
  return currents.flatMap((current) =>
    PERSON_STATUSES.flatMap((proposed) =>
      [false, true].flatMap((verified) =>
        [false, true].map((nameMatches) => ({ current, proposed, verified, nameMatches })),
      ),
    ),
  );
}

describe('the self-declaration policy in SQL', () => {
  it('gives the same verdict, reasons and source as judgeSelfDeclaration in every case', async () => {
    const cases = everyCase();
    const inputs: SelfDeclarationInputs = {
      by: sql`'self'::text`,
      proposed: sql`j.st`,
      current: sql`j.cur`,
      currentSource: sql`j.cur_src`,
      verified: sql`j.vf`,
      nameOk: sql`j.nok`,
    };
    const why = holdReasonsSql(inputs);
    const rows = await database.db.execute<{
      ord: string;
      why: string[];
      verdict: string;
      source: string;
    }>(sql`
      select j.ord, ${why} as why, ${verdictSql(inputs, why)} as verdict, ${sourceAfterSql(inputs)} as source
      from unnest(${sql.param(cases.map((c) => c.current?.status ?? null))}::text[],
        ${sql.param(cases.map((c) => c.current?.source ?? null))}::text[],
        ${sql.param(cases.map((c) => c.proposed))}::text[],
        ${sql.param(cases.map((c) => c.verified))}::bool[],
        ${sql.param(cases.map((c) => c.nameMatches))}::bool[]) with ordinality as j(cur, cur_src, st, vf, nok, ord)
      order by j.ord`);
    expect(rows.rows).toHaveLength(cases.length);
    for (const row of rows.rows) {
      const c = cases[Number(row.ord) - 1] as SelfDeclarationCase;
      const verdict = judgeSelfDeclaration(c);
      const fromSql = {
        outcome: row.verdict,
        ...(row.verdict === 'hold' ? { reasons: row.why } : {}),
        ...(row.verdict === 'apply' ? { source: row.source } : {}),
      };
      expect({ case: c, verdict: fromSql }).toEqual({ case: c, verdict });
    }
  });

  it('staff always apply, and the status is theirs', async () => {
    const inputs: SelfDeclarationInputs = {
      by: sql`'staff'::text`,
      proposed: sql`'normal'::text`,
      current: sql`'referred_to_clinic'::text`,
      currentSource: sql`'gate'::text`,
      verified: sql`true`,
      nameOk: sql`false`,
    };
    const why = holdReasonsSql(inputs);
    const rows = await database.db.execute<{ verdict: string; source: string }>(
      sql`select ${verdictSql(inputs, why)} as verdict, ${sourceAfterSql(inputs)} as source`,
    );
    expect(rows.rows).toEqual([{ verdict: 'apply', source: 'staff' }]);
  });
});

describe('the name key in SQL', () => {
  it('folds every name as nameKey does', async () => {
    const pieces = ['张', '三', 'Li', 'MING', '·', ' ', '阿卜杜', '𠮷', '-', "'", ...NAME_KEY_FOLD.from];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const names = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]).join(''),
    );
    const rows = await database.db.execute<{ key: string }>(
      sql`select ${nameKeySql(sql`n`)} as key from unnest(${sql.param(names)}::text[]) with ordinality as x(n, ord) order by ord`,
    );
    expect(rows.rows.map((r) => r.key)).toEqual(names.map(nameKey));
  });
});
