import type { z } from "zod";
import { ErrorBody } from "../../contracts/common";

/** A failed /api call with the server's Vietnamese message; `code` lets a caller react to one case. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
let csrfToken = "";
const unauthenticatedListeners = new Set<() => void>();

/** Remembers the CSRF token from /api/auth/me, sign-in or /api/auth/csrf; it is sent on every write. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called whenever the server answers 401: the session is gone, the app returns to the sign-in page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export interface RequestOptions<T> {
  body?: unknown;
  form?: FormData;
  /** Parses the answer, so a server/web mismatch shows up where it happens. */
  schema?: z.ZodType<T>;
  /** Sign-in and "who am I" expect 401 and handle it themselves. */
  quietUnauthenticated?: boolean;
}

async function send(method: string, url: string, body: BodyInit | undefined, json: boolean): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (json) headers["content-type"] = "application/json";
  if (UNSAFE.has(method)) {
    if (!csrfToken) await refreshCsrf();
    headers["x-csrf-token"] = csrfToken;
  }
  try {
    return await fetch(url, { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", "Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.");
  }
}

async function refreshCsrf(): Promise<void> {
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  if (res.ok) csrfToken = ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function toApiError(res: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
  if (parsed.success) return new ApiError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
  return new ApiError(res.status, "HTTP", `Máy chủ trả lời lỗi ${res.status}. Hãy thử lại sau.`);
}

/** The raw response of a successful call (downloads); throws ApiError otherwise. */
export async function apiResponse(method: string, url: string, options: RequestOptions<unknown> = {}): Promise<Response> {
  const hasJson = options.body !== undefined;
  const body = options.form ?? (hasJson ? JSON.stringify(options.body) : undefined);
  const res = await send(method, url, body, hasJson);
  if (res.ok) return res;
  const error = await toApiError(res);
  if (res.status === 401 && !options.quietUnauthenticated) for (const listener of unauthenticatedListeners) listener();
  throw error;
}

/** One JSON call: `await api("GET", "/api/units", { schema: UnitList })`. */
export async function api<T = unknown>(method: string, url: string, options: RequestOptions<T> = {}): Promise<T> {
  const res = await apiResponse(method, url, options as RequestOptions<unknown>);
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json();
  return options.schema ? options.schema.parse(data) : (data as T);
}

/** Saves a downloaded file under the name the server gave (Content-Disposition) or `fallbackName`. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await apiResponse("GET", url);
  const disposition = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  saveBlob(await res.blob(), name);
}

export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
