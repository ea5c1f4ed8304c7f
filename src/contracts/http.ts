/**
 * The shape of one API endpoint: method, path, inputs and answer, declared once in src/contracts and used by
 * both sides. The server registers its handler against the declaration (platform/http.ts `route`), the web
 * app calls it through the same object (web/app/api.ts `call`), so a path or method that differs between
 * them cannot be written: it is a type error.
 *
 * @example
 *   export const planEndpoints = {
 *     get: endpoint({ method: "GET", path: "/api/plans/:id", params: IdParams, reply: json(PlanDetail),
 *                     tags: ["plans"], summary: "Chi tiết kế hoạch" }),
 *   };
 *   // server: route(app, planEndpoints.get, ({ actor, params }) => getPlan(db, actor, params.id));
 *   // web:    call(planEndpoints.get, { params: { id } });
 */
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A JSON answer, parsed by its schema on the way out (server) and on the way in (web). */
export interface JsonReply<S extends z.ZodType = z.ZodType> {
  kind: "json";
  schema: S;
  status: 200 | 201;
}
/** 204 without a body. */
export interface EmptyReply {
  kind: "empty";
}
/** A file to download (Content-Disposition: attachment). */
export interface FileReply {
  kind: "file";
  contentType: string;
  description: string;
}
/** A text document served inline (an .ics feed). */
export interface TextReply {
  kind: "text";
  contentType: string;
  description: string;
}
/** A long-lived stream the handler writes itself (server-sent events). */
export interface StreamReply {
  kind: "stream";
  contentType: string;
  description: string;
}
export type Reply = JsonReply | EmptyReply | FileReply | TextReply | StreamReply;

export const json = <S extends z.ZodType>(schema: S, status: 200 | 201 = 200): JsonReply<S> => ({ kind: "json", schema, status });
export const created = <S extends z.ZodType>(schema: S): JsonReply<S> => ({ kind: "json", schema, status: 201 });
export const empty: EmptyReply = { kind: "empty" };
export const file = (contentType: string, description: string): FileReply => ({ kind: "file", contentType, description });
export const text = (contentType: string, description: string): TextReply => ({ kind: "text", contentType, description });
export const stream = (contentType: string, description: string): StreamReply => ({ kind: "stream", contentType, description });

export const MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  zip: "application/zip",
  ics: "text/calendar; charset=utf-8",
  sse: "text/event-stream",
} as const;

export interface Endpoint {
  method: HttpMethod;
  /** Fastify style: `/api/plans/:id`; every `:name` is a key of `params`. */
  path: string;
  tags: readonly string[];
  /** Vietnamese, shown in /api/docs. */
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  /** The JSON body. With `multipart`, the JSON alternative a client may send instead of a form. */
  body?: z.ZodType;
  /** multipart/form-data (files), read by the handler as a stream. */
  multipart?: true;
  /** Answers without a session (sign-in, the calendar feed, a delegate's personal link). */
  public?: true;
  /** A larger JSON body limit than the default 1 MB. */
  bodyLimit?: number;
  /** Error statuses besides the usual 400, 401, 403, 404 and 409 (e.g. 413, 415, 429). */
  extraErrors?: readonly number[];
  reply: Reply;
}

/** Declares an endpoint, keeping its literal types for both sides. */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

export type SchemaOf<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
type Slot<K extends string, S> = S extends z.ZodType ? { [P in K]: z.input<S> } : { [P in K]?: undefined };

/** What the web app passes to `call`: params, query and body (or a form for multipart) as the endpoint declares. */
export type CallInput<E extends Endpoint> = Slot<"params", SchemaOf<E, "params">> &
  Slot<"query", SchemaOf<E, "query">> &
  (E extends { multipart: true }
    ?
        | { form: FormData; body?: undefined }
        | (SchemaOf<E, "body"> extends z.ZodType ? { form?: undefined; body: z.input<SchemaOf<E, "body">> } : never)
    : Slot<"body", SchemaOf<E, "body">> & { form?: undefined });

/** What `call` resolves to: the parsed JSON answer, nothing for 204, the raw Response for files and streams. */
export type CallOutput<E extends Endpoint> =
  E["reply"] extends JsonReply<infer S> ? z.output<S> : E["reply"] extends EmptyReply ? undefined : Response;

/** `/api/plans/:id` + `{ id: "x" }` → `/api/plans/x`, each value URL-encoded; a missing value throws. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The names of a path's parameters: `/api/users/:id/grants/:grantId` → `["id", "grantId"]`. */
export const pathParams = (path: string): string[] => [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);

/** A query string from a plain object, leaving out undefined and null: `?status=issued&limit=50`. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

/** The URL of an endpoint for given params and query, e.g. for a link or an EventSource. */
export const urlOf = (e: Endpoint, input: { params?: unknown; query?: unknown } = {}): string =>
  fillPath(e.path, input.params as Record<string, unknown> | undefined) + queryString(input.query as Record<string, unknown> | undefined);
