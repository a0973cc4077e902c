import { ERROR_MESSAGES } from '../../shared/i18n/error-messages';
import { currentLang, i18n } from './i18n';
import { refusesWhileSignedOut } from './session-end';

/** An error as the server reports it: `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

let onUnauthorized: () => void = () => {};

/** What to do when the session has ended (401): the app sends the user to the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Builds `/api/...?a=1`, leaving out empty values so the server sees only real filters. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string; field?: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy page or an empty body. Fall through to a generic message.
  }
  if (isErrorBody(body)) {
    const { code, message, field } = body.error;
    return new ApiError(response.status, code, message, field);
  }
  const code =
    response.status === 401 ? 'unauthenticated' : response.status === 404 ? 'not_found' : 'internal';
  return new ApiError(response.status, code, ERROR_MESSAGES[code][currentLang()]);
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; file?: boolean } = {},
): Promise<T> {
  // Signed out on this phone (session-end.ts): the old cookie may still be there, with no signal to end
  // it; nothing goes out with it, as if the server had answered 401.
  if (refusesWhileSignedOut(path)) {
    onUnauthorized();
    throw new ApiError(401, 'unauthenticated', ERROR_MESSAGES.unauthenticated[currentLang()]);
  }
  const headers: Record<string, string> = { 'x-dashu-lang': currentLang(), accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && path !== '/auth/login') onUnauthorized();
    throw error;
  }
  if (options.file) return (await response.blob()) as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The console's only way to the server: JSON in and out, errors thrown as `ApiError`. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) =>
    request<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData, query?: Query) => request<T>('POST', path, { body: form, query }),
  /** A file the server makes for a POST (e.g. after a reason is given), as a Blob to save. */
  postForFile: (path: string, body: unknown) => request<Blob>('POST', path, { body, file: true }),
};
