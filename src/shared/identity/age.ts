import { beijingToday } from '../time/beijing';
import type { DocumentType } from './id-number';

/**
 * Ages from here up are shown as this number (the console says 100 岁及以上): nobody needs more, and an
 * exact 125 would pin a birth date close to the oldest a valid ID number can carry (1900).
 */
export const AGE_SHOWN_UP_TO = 100;

/**
 * Documents whose number holds the holder's birth date. For these the birth date is never sent beside
 * the masked number (it would fill the mask in), and nobody needs to type it: it comes from the number.
 */
const BIRTH_DATE_IN_NUMBER: ReadonlySet<string> = new Set<DocumentType>([
  'resident_id',
  'hk_macao_tw_residence_permit',
  'foreign_permanent_residence',
]);

export function documentCarriesBirthDate(type: string): boolean {
  return BIRTH_DATE_IN_NUMBER.has(type);
}

/** Whole years from an ISO birth date to an ISO day (a birthday on 29 February counts from 1 March). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * The age a response may show: whole years on 1 January of this year (China), 0 for anyone born since,
 * capped at AGE_SHOWN_UP_TO. Not today's age: that one changes on the birthday, so reading it every day
 * would give the birth date away in a year; this one changes for everybody on New Year's Day, and each
 * value spans a whole year of birth dates (0 spans more).
 */
export function shownAge(birthDate: string | null, now: Date = new Date()): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const age = ageOn(birthDate, `${beijingToday(now).slice(0, 4)}-01-01`);
  return Math.max(0, Math.min(AGE_SHOWN_UP_TO, age));
}
