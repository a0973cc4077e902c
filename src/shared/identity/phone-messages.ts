export type PhoneRejectReason =
  | 'empty'
  | 'bad_characters'
  | 'foreign_number'
  | 'missing_area_code'
  | 'bad_area_code'
  | 'bad_local_number'
  | 'bad_mobile_length'
  | 'bad_mobile_prefix'
  | 'bad_extension'
  | 'bad_format';

export const PHONE_REASON_MESSAGES: Record<PhoneRejectReason, { zh: string; en: string }> = {
  empty: {
    zh: '请填写电话号码',
    en: 'Please enter a phone number.',
  },
  bad_characters: {
    zh: '电话号码里有不能使用的字符，只能填写数字，区号和号码之间可以用“-”隔开',
    en: 'The phone number contains characters that are not allowed. Use digits, optionally with "-" after the area code.',
  },
  foreign_number: {
    zh: '暂时只能登记中国大陆的电话号码（+86）',
    en: 'Only mainland China phone numbers (+86) can be recorded.',
  },
  missing_area_code: {
    zh: '座机号码缺少区号，请在前面加上区号，例如 010-12345678',
    en: 'The landline number is missing its area code. Add it in front, e.g. 010-12345678.',
  },
  bad_area_code: {
    zh: '座机区号不正确，请核对区号（如北京010、上海021、深圳0755）',
    en: 'The area code is not valid. Check it (e.g. Beijing 010, Shanghai 021, Shenzhen 0755).',
  },
  bad_local_number: {
    zh: '座机号码（区号后面的部分）应为7到8位数字，请核对',
    en: 'The local part of a landline number (after the area code) must be 7 or 8 digits.',
  },
  bad_mobile_length: {
    zh: '手机号应为11位数字，请检查是否多输或少输了',
    en: 'A mobile number has 11 digits. Check for missing or extra digits.',
  },
  bad_mobile_prefix: {
    zh: '手机号应以13到19开头，请核对前两位',
    en: 'A mobile number starts with 13 to 19. Check the first two digits.',
  },
  bad_extension: {
    zh: '分机号只能是1到6位数字，而且只有座机才有分机号',
    en: 'An extension must be 1 to 6 digits, and only landlines have extensions.',
  },
  bad_format: {
    zh: '无法识别这个电话号码，请填写11位手机号，或“区号-号码”格式的座机号',
    en: 'This phone number is not recognised. Enter an 11-digit mobile number or a landline as area code-number.',
  },
};
