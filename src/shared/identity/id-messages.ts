import type { IdRejectReason } from './id-types';

/**
 * Wording is aimed at community workers typing from a physical card: say what to look at on the card,
 * avoid jargon such as "checksum" or "format".
 */
export const ID_REASON_MESSAGES: Record<IdRejectReason, { zh: string; en: string }> = {
  empty: {
    zh: '请填写证件号码',
    en: 'Please enter the document number.',
  },
  bad_characters: {
    zh: '证件号码里有不能使用的字符，只能填写数字和英文字母',
    en: 'The number contains characters that are not allowed. Use only digits and letters.',
  },
  bad_length: {
    zh: '证件号码位数不对，请检查是否多输或少输了',
    en: 'The number has the wrong length. Check for missing or extra characters.',
  },
  bad_format: {
    zh: '号码与所选的证件类型对不上，请核对号码，或检查证件类型是否选错',
    en: 'The number does not look like the selected document type. Check the number and the document type.',
  },
  misplaced_x: {
    zh: '字母 X 只能出现在身份证号的最后一位，其他位置都应是数字',
    en: 'The letter X may only be the last character of an ID number; all other characters must be digits.',
  },
  bad_region: {
    zh: '号码开头的地区代码不正确，请核对前六位',
    en: 'The region code at the start of the number is not valid. Check the first six digits.',
  },
  bad_date: {
    zh: '号码中的出生日期不存在（如2月30日），请核对出生年月日那几位',
    en: 'The birth date inside the number does not exist (e.g. 30 February). Check the date digits.',
  },
  date_too_early: {
    zh: '号码中的出生年份早于1900年，请核对出生年份',
    en: 'The birth year inside the number is before 1900. Check the year digits.',
  },
  future_date: {
    zh: '号码中的出生日期晚于今天，请核对出生年月日那几位',
    en: 'The birth date inside the number is in the future. Check the date digits.',
  },
  bad_checksum: {
    zh: '证件号码校验没通过，可能有数字输错，请逐位核对，特别是最后一位',
    en: 'The number fails its check digit, so a digit is probably mistyped. Check each digit, especially the last.',
  },
  not_residence_permit: {
    zh: '这不是港澳台居民居住证号码（应以810000、820000或830000开头）；如果是居民身份证，请把证件类型改为居民身份证',
    en: 'This is not an HK/Macao/Taiwan residence permit number (those start with 810000, 820000 or 830000). If it is a resident ID card, change the document type.',
  },
};
