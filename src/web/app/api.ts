import type { z } from "zod";
import { ErrorBody, type ErrorCode } from "../../contracts/errors";
import { type CallInput, type CallOutput, type Endpoint, urlOf } from "../../contracts/http";

/** NETWORK: the server could not be reached; HTTP: an answer that is not the API's error shape. */
export type ClientErrorCode = ErrorCode | "NETWORK" | "HTTP";

/** A failed /api call with the server's Vietnamese message; switch on `code` to react to one case. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
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

interface RequestOptions<T> {
  body?: unknown;
  form?: FormData;
  /** Parses the answer, so a server/web mismatch shows up where it happens. */
  schema?: z.ZodType<T>;
  /** Sign-in and "who am I" expect 401 and handle it themselves. */
  quietUnauthenticated?: boolean;
}

export interface CallOptions {
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

/** The raw response of a successful call; throws ApiError otherwise. */
async function respond(method: string, url: string, options: RequestOptions<unknown> = {}): Promise<Response> {
  const hasJson = options.body !== undefined;
  const body = options.form ?? (hasJson ? JSON.stringify(options.body) : undefined);
  const res = await send(method, url, body, hasJson);
  if (res.ok) return res;
  const error = await toApiError(res);
  if (res.status === 401 && !options.quietUnauthenticated) for (const listener of unauthenticatedListeners) listener();
  throw error;
}

/**
 * Calls an endpoint of the table in src/contracts: path, method and the answer's schema come from it.
 * JSON answers are parsed (a server/web mismatch shows up where it happens), 204 gives undefined, files
 * give the Response.
 *
 * @example
 *   const plan = await call(planEndpoints.get, { params: { id } });
 */
export async function call<E extends Endpoint>(e: E, input: CallInput<E>, options: CallOptions = {}): Promise<CallOutput<E>> {
  const { params, query, body, form } = input as { params?: unknown; query?: unknown; body?: unknown; form?: FormData };
  const res = await respond(e.method, urlOf(e, { params, query }), { body, form, quietUnauthenticated: options.quietUnauthenticated });
  if (e.reply.kind === "empty") return undefined as CallOutput<E>;
  if (e.reply.kind !== "json") return res as CallOutput<E>;
  return e.reply.schema.parse(await res.json()) as CallOutput<E>;
}

/** Calls a file endpoint and saves the answer under the name the server gave (Content-Disposition) or `fallbackName`. */
export async function download<E extends Endpoint>(e: E, input: CallInput<E>, fallbackName: string): Promise<void> {
  const res = (await call(e, input)) as Response;
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
