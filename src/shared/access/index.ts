export { fromBase64Url, toBase64Url } from './base64url';
export { maskName } from './mask-name';
export * from './pass-token';
export * from './verdict';
