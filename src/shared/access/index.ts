export { fromBase64Url, toBase64Url } from './base64url';
export * from './duty';
export type {
  GateCheckInput,
  GateCheckOutcome,
  GateCheckRefusal,
  GateCheckResult,
  VisitorInput,
  VisitorPass,
} from './gate-check';
export { maskName } from './mask-name';
export * from './pass-token';
export * from './verdict';
