import { translate } from '../i18n';

/**
 * The fetch wrapper every screen uses: same-origin cookies, JSON in and out, the CSRF token on every
 * unsafe request, and one typed error (ApiError) carrying the server's stable code and both languages.
 */

/** A field problem; public endpoints give it in both languages (ja, en). */
export type ApiIssue = { path: string; message: string; ja?: string; en?: string };

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    ja?: string;
    en?: string;
    issues?: ApiIssue[];
    detail?: unknown;
  };
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly ja: string;
  readonly en: string;
  readonly issues: ApiIssue[];
  /** Extra facts the server sent with the error (e.g. a 409 conflict's current record and changed fields). */
  readonly detail: unknown;

  constructor(
    status: number,
    code: string,
    ja: string,
    en: string,
    issues: ApiIssue[] = [],
    detail: unknown = undefined,
  ) {
    super(`${code}: ${en}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.ja = ja;
    this.en = en;
    this.issues = issues;
    this.detail = detail;
  }

  /** The message in the UI language. */
  messageFor(locale: 'ja' | 'en'): string {
    return locale === 'ja' ? this.ja : this.en;
  }
}

/** A message for any thrown value, in the UI language. */
export function errorMessage(error: unknown, locale: 'ja' | 'en'): string {
  if (error instanceof ApiError) return error.messageFor(locale);
  return translate(locale, 'error.unknown');
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from GET /api/auth/session or a sign-in response). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Appends the defined, non-empty params as a query string. */
export function withQuery(path: string, params?: QueryParams): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function apiFetch<T>(
  method: Method,
  path: string,
  opts: { body?: unknown; query?: QueryParams; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', translate('ja', 'error.network'), translate('en', 'error.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) throw apiErrorOf(res.status, data);
  return data as T;
}

function apiErrorOf(status: number, data: unknown): ApiError {
  const err = (data as ErrorBody | null)?.error;
  return new ApiError(
    status,
    err?.code ?? `http_${status}`,
    err?.ja ?? translate('ja', 'error.unknown'),
    err?.en ?? translate('en', 'error.unknown'),
    err?.issues ?? [],
    err?.detail,
  );
}

/** A file answered to a POST: its bytes, the name the server gave it, and the answer's headers. */
export type ApiFile = { blob: Blob; fileName: string; headers: Headers };

/**
 * POSTs JSON and receives a file (an answer that is made once, so it cannot be a link to GET). Errors come
 * as JSON and become an ApiError, as with apiFetch.
 */
export async function apiPostFile(path: string, body: unknown, query?: QueryParams): Promise<ApiFile> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', translate('ja', 'error.network'), translate('en', 'error.network'));
  }
  if (!res.ok) {
    let data: unknown = null;
    try {
      data = await res.json();
    } catch {
      data = null;
    }
    throw apiErrorOf(res.status, data);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const fileName = disposition.match(/filename="([^"]+)"/)?.[1] ?? 'download';
  return { blob: await res.blob(), fileName, headers: res.headers };
}

/**
 * PUTs (or POSTs) a file's raw bytes (an upload into the file store, decision 0025: checked by content on the server) and
 * receives JSON; errors become an ApiError, as with apiFetch.
 */
export async function apiPutBytes<T>(
  path: string,
  body: Blob,
  query?: QueryParams,
  method: 'PUT' | 'POST' = 'PUT',
): Promise<T> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    Accept: 'application/json',
  };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'network', translate('ja', 'error.network'), translate('en', 'error.network'));
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorOf(res.status, data);
  return data as T;
}

/** Hands a file to the browser's downloads (no request: the bytes are already here). */
export function saveFile(file: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    apiFetch<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) =>
    apiFetch<T>('POST', path, { body: body ?? {}, query }),
  patch: <T>(path: string, body: unknown, query?: QueryParams) => apiFetch<T>('PATCH', path, { body, query }),
  delete: <T>(path: string, query?: QueryParams) => apiFetch<T>('DELETE', path, { query }),
};
