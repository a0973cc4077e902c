export { AGE_SHOWN_UP_TO, ageOn, documentCarriesBirthDate, shownAge } from './age';
export { residentIdCheckChar } from './checksum';
export {
  CROSS_CHECK_MESSAGES,
  type CrossCheckField,
  type CrossCheckIssue,
  type CrossCheckReason,
  crossCheckIdentity,
} from './cross-check';
export {
  DOCUMENT_TYPES,
  type DocumentType,
  type Gender,
  ID_REASON_MESSAGES,
  type IdParseFailure,
  type IdParseResult,
  type IdParseSuccess,
  type IdRejectReason,
  type ParseIdOptions,
  parseIdNumber,
} from './id-number';
export { maskIdNumber, maskPhone } from './mask';
export {
  PHONE_REASON_MESSAGES,
  type PhoneKind,
  type PhoneParseResult,
  type PhoneRejectReason,
  parsePhone,
} from './phone';
