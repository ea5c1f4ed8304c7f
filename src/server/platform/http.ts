/**
 * Registers a route from its declaration in src/contracts (see contracts/http.ts): the path, method, input
 * schemas, the session requirement and the answer come from the endpoint; the module supplies only the
 * handler. Routes stay thin: validate (here) → authorize and act (the module's service) → present.
 *
 * @example
 *   route(app, planEndpoints.get, ({ actor, params }) => getPlan(db(), actor, params.id));
 */
import type { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../../contracts/errors";
import type { EmptyReply, Endpoint, FileReply, JsonReply, SchemaOf, TextReply } from "../../contracts/http";
import type { Actor } from "./access";
import { requireActor } from "./auth";
import { AppError } from "./errors";

/** The values a handler receives, already validated by the endpoint's schemas. */
export type HandlerInput<E extends Endpoint> = {
  params: SchemaOf<E, "params"> extends z.ZodType ? z.output<SchemaOf<E, "params">> : undefined;
  query: SchemaOf<E, "query"> extends z.ZodType ? z.output<SchemaOf<E, "query">> : undefined;
  /** For a multipart endpoint: the JSON alternative when the request was JSON, else undefined. */
  body: SchemaOf<E, "body"> extends z.ZodType
    ? E extends { multipart: true }
      ? z.output<SchemaOf<E, "body">> | undefined
      : z.output<SchemaOf<E, "body">>
    : undefined;
};

export interface HandlerContext<E extends Endpoint> extends HandlerInput<E> {
  /** The signed-in user; null only on a public endpoint without a session. */
  actor: E extends { public: true } ? Actor | null : Actor;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A file answer from a handler. */
export interface FileAnswer {
  fileName: string;
  content: Uint8Array | Readable;
  /** Overrides the endpoint's content type (a stored file's own type). */
  contentType?: string;
  size?: number;
}

/** What a handler returns for its endpoint's kind of answer. */
export type HandlerOutput<E extends Endpoint> =
  E["reply"] extends JsonReply<infer S>
    ? z.input<S>
    : E["reply"] extends EmptyReply
      ? // biome-ignore lint/suspicious/noConfusingVoidType: the handler of a 204 returns nothing
        void
      : E["reply"] extends FileReply
        ? FileAnswer
        : E["reply"] extends TextReply
          ? string
          : // A stream: the handler has taken over the reply.
            FastifyReply | undefined;

export type Handler<E extends Endpoint> = (ctx: HandlerContext<E>) => Promise<HandlerOutput<E>> | HandlerOutput<E>;

/** `attachment; filename="ke-hoach.docx"; filename*=UTF-8''k%E1%BA%BF-ho%E1%BA%A1ch.docx`: ASCII for old clients, UTF-8 for the rest. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function invalidJson(issues: z.core.$ZodIssue[]): AppError {
  const first = issues[0];
  const where = first?.path.join(".") || "body";
  return new AppError(
    "VALIDATION",
    `Dữ liệu gửi lên không hợp lệ (${where}: ${first?.message ?? "không hợp lệ"}). Hãy kiểm tra lại và gửi lại.`,
    issues.map((i) => ({ path: `body.${i.path.join(".")}`, message: i.message })),
  );
}

declare module "fastify" {
  interface FastifyInstance {
    /** `GET /api/plans/:id` for every route registered through `route`; shared by the app and its plugins. */
    declaredEndpoints: Set<string>;
  }
}

const keyOf = (method: string, path: string) => `${method} ${path}`;

/** `GET /api/plans/:id` for every route registered through `route` on this app. */
export function registeredEndpoints(app: FastifyInstance): Set<string> {
  return app.hasDecorator("declaredEndpoints") ? app.declaredEndpoints : new Set();
}

/** Control characters (C0 and DEL) have no place in a query string; they are refused before any handler runs. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The rules every /api route follows, installed once by buildApp before the modules register:
 * - an /api route exists only through `route` and the endpoint table (Swagger UI's pages aside), so a path
 *   the web app calls but the server lacks cannot be written;
 * - a query string with a control character is a 400, whatever the route.
 */
export function enforceEndpointTable(app: FastifyInstance): void {
  app.decorate("declaredEndpoints", new Set<string>());
  app.addHook("onRoute", (options) => {
    if (!options.url.startsWith("/api/") || options.url.startsWith("/api/docs")) return;
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      if (!registeredEndpoints(app).has(keyOf(method, options.url)))
        throw new Error(`${method} ${options.url} is not declared in the endpoint table (src/contracts); register it with route()`);
    }
  });
  app.addHook("onRequest", async (request) => {
    const at = request.url.indexOf("?");
    if (at < 0) return;
    let query: string;
    try {
      query = decodeURIComponent(request.url.slice(at + 1).replaceAll("+", " "));
    } catch {
      throw new AppError("VALIDATION", "Địa chỉ yêu cầu có ký tự mã hoá sai (%). Hãy kiểm tra lại đường dẫn.");
    }
    if (CONTROL.test(query))
      throw new AppError("VALIDATION", "Tham số tìm kiếm có ký tự điều khiển không hợp lệ. Hãy xoá ký tự đó rồi thử lại.");
  });
}

export function route<const E extends Endpoint>(app: FastifyInstance, e: E, handler: Handler<E>): void {
  const response: Record<number, z.ZodType> = {};
  for (const status of [400, ...(e.public ? [] : [401]), 403, 404, 409, ...(e.extraErrors ?? [])]) response[status] = ErrorBody;
  const answer = e.reply;
  if (answer.kind === "json") response[answer.status] = answer.schema;
  else if (answer.kind === "empty") response[204] = z.null();
  else response[200] = z.any().describe(answer.description);

  const key = keyOf(e.method, e.path);
  if (!app.hasDecorator("declaredEndpoints")) app.decorate("declaredEndpoints", new Set<string>());
  if (app.declaredEndpoints.has(key)) throw new Error(`endpoint registered twice: ${key}`);
  app.declaredEndpoints.add(key);

  app.withTypeProvider<ZodTypeProvider>().route({
    method: e.method,
    url: e.path,
    ...(e.bodyLimit ? { bodyLimit: e.bodyLimit } : {}),
    // The session is checked before the input is validated: without one, every endpoint answers 401.
    ...(e.public
      ? {}
      : {
          onRequest: async (request: FastifyRequest) => {
            requireActor(request);
          },
        }),
    schema: {
      tags: [...e.tags],
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body && !e.multipart ? { body: e.body } : {}),
      ...(e.multipart ? { consumes: e.body ? ["multipart/form-data", "application/json"] : ["multipart/form-data"] } : {}),
      ...(answer.kind === "file" || answer.kind === "text" || answer.kind === "stream" ? { produces: [answer.contentType] } : {}),
      response,
    },
    handler: async (request, reply) => {
      const actor = e.public ? request.actor : requireActor(request);
      let body: unknown = request.body;
      if (e.multipart && !request.isMultipart()) {
        if (!e.body) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Yêu cầu phải gửi tệp dưới dạng multipart/form-data.");
        const parsed = e.body.safeParse(request.body ?? {});
        if (!parsed.success) throw invalidJson(parsed.error.issues);
        body = parsed.data;
      } else if (e.multipart) body = undefined;
      const ctx = { params: request.params, query: request.query, body, actor, request, reply } as unknown as HandlerContext<E>;
      const result = (await handler(ctx)) as unknown;
      switch (answer.kind) {
        case "json":
          return reply.status(answer.status).send(result);
        case "empty":
          return reply.status(204).send(null);
        case "file": {
          const f = result as FileAnswer;
          void reply
            .header("content-type", f.contentType ?? answer.contentType)
            .header("content-disposition", attachmentDisposition(f.fileName))
            .header("cache-control", "no-store")
            .header("x-content-type-options", "nosniff");
          if (f.size !== undefined) void reply.header("content-length", f.size);
          return reply.send(f.content);
        }
        case "text":
          if (!reply.hasHeader("content-type")) void reply.header("content-type", answer.contentType);
          return reply.send(result as string);
        case "stream":
          return reply;
      }
    },
  });
}
