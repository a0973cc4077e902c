import type {
  PosterInfo,
  Receipt,
  ReceiptAnswer,
} from '../../../../shared/declarations/declaration-responses';
import type { DocumentType, Gender } from '../../../../shared/identity';

export type {
  PosterBuilding,
  PosterInfo,
  Receipt,
} from '../../../../shared/declarations/declaration-responses';

export type Label = { zh: string; en: string };

export type DeclarationAddress =
  | { buildingId: number; entranceId: number | null; room: string }
  | { newcomer: true; note?: string };

/** The body of `POST /api/public/declarations`, exactly as the server takes it. */
export interface DeclarationBody {
  token: string;
  person: {
    name: string;
    gender: Gender | null;
    docType: DocumentType;
    docNumber: string;
    phone: string;
    birthDate: string | null;
  };
  address: DeclarationAddress;
  leftCity: boolean;
  originRegion: string | null;
  returnDate: string | null;
  transport: string | null;
  transportNumber: string | null;
  seat: string | null;
  riskRegionsVisited: string[];
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: string[];
  temperature: number | null;
  homeConditionsMet: boolean | null;
  companions: string | null;
  formVersionId: number | null;
  extra: Record<string, string | string[]>;
  consent: true;
  /** Made on the phone, kept with the draft (see FormState.clientId). */
  clientId: string;
}

/** What went wrong, already in words a resident can read. `code` is 'network' when nothing came back. */
export class PublicApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'PublicApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export const NETWORK_MESSAGE = '网络不好，已保存填写内容，请稍后再点提交';
const TIMEOUT_MS = 20_000;

function errorFromBody(status: number, body: unknown): PublicApiError | null {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, field } = error as { code?: unknown; message?: unknown; field?: unknown };
      if (typeof code === 'string' && typeof message === 'string') {
        return new PublicApiError(status, code, message, typeof field === 'string' ? field : undefined);
      }
    }
  }
  return null;
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  started?: Promise<Response>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await (started ??
      fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          'x-dashu-lang': 'zh',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        signal: controller.signal,
      }));
  } catch {
    throw new PublicApiError(0, 'network', NETWORK_MESSAGE);
  } finally {
    clearTimeout(timer);
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    // A proxy's HTML page or an empty body: handled below by status.
  }
  if (!response.ok) {
    const status = response.status;
    const known = errorFromBody(status, parsed);
    if (known) throw known;
    // A gateway timeout or a captive portal is still "the network", not a problem with the form.
    if (status === 502 || status === 503 || status === 504)
      throw new PublicApiError(0, 'network', NETWORK_MESSAGE);
    if (status === 429) throw new PublicApiError(status, 'rate_limited', '提交太频繁，请稍等一会儿再试');
    throw new PublicApiError(status, 'internal', '系统暂时出了问题，请稍后再试');
  }
  // A wifi login page answers 200 with HTML: the request never reached us.
  if (parsed === null) throw new PublicApiError(0, 'network', NETWORK_MESSAGE);
  return parsed as T;
}

declare global {
  interface Window {
    /** Started by index.html while this code was still downloading (see the inline script there). */
    __dashuPoster?: { token: string; response: Promise<Response> };
  }
}

export function fetchPoster(token: string): Promise<PosterInfo> {
  const early = window.__dashuPoster;
  window.__dashuPoster = undefined;
  const started = early?.token === token ? early.response : undefined;
  return call<PosterInfo>('GET', `/api/public/posters/${encodeURIComponent(token)}`, undefined, started);
}

export async function submitDeclaration(body: DeclarationBody): Promise<Receipt> {
  const result = await call<ReceiptAnswer>('POST', '/api/public/declarations', body);
  return result.receipt;
}
