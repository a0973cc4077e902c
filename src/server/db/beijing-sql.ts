import { type SQL, sql } from 'drizzle-orm';
import { BEIJING_TIME_ZONE } from '../../shared/time/beijing';

/**
 * Beijing's zone as a literal for `at time zone`, so a statement reads the same text every time (a bound
 * parameter in both a select list and its group by would be two different expressions to PostgreSQL).
 * The zone's name, never an offset: POSIX reads '+08' as eight hours west of Greenwich.
 */
export const BEIJING_ZONE: SQL = sql.raw(`'${BEIJING_TIME_ZONE}'`);
