import { beijingDate } from '../../../shared/time/beijing';

/**
 * What the resident keeps to quote: the Beijing date of the declaration and its id. (The date in UTC
 * would be the day before for anyone declaring between midnight and 8 am.)
 */
export function receiptNumber(declared: { id: number; declaredAt: string }): string {
  return `${beijingDate(declared.declaredAt).replace(/-/g, '')}-${String(declared.id).padStart(6, '0')}`;
}

/**
 * The same words on every receipt, whatever the registry holds: the resident learns what their answers
 * lead to and what to do, never whether their declaration changed a status or waits for staff — else a
 * stranger typing someone's ID number would learn whether that person is in the registry, verified, or
 * under observation.
 */
export const RECEIPT_NOTICE = {
  zh: '登记已收到。社区工作人员会核对您的登记，您的健康状态以社区工作人员告知为准。',
  en: 'Your declaration has been received. Community staff check declarations; your status is what they tell you.',
};
