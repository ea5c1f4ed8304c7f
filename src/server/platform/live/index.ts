/**
 * Live updates, the project's one mechanism: services `publish(tx, event)` inside their transaction; each
 * process hears committed events on its database listener and streams them to the pages that subscribed
 * (`GET /api/events`, server-sent events). Topics scope who hears what: `user:<id>` is one's own; other kinds
 * (`plan`, `conference`…) are allowed by the authorizer their module registers with `app.live.authorizeTopic`.
 */
import type { FastifyInstance } from "fastify";
import { liveEndpoints } from "../../../contracts/live";
import { forbidden } from "../errors";
import { route } from "../http";
import { type DeliveredEvent, LiveHub } from "./hub";
import { listen } from "./listener";

export { publishCoalesced } from "./coalesce";
export { LiveHub } from "./hub";
export { type LiveEvent, liveNotifySql, publish } from "./publish";

declare module "fastify" {
  interface FastifyInstance {
    live: LiveHub;
  }
}

export interface LiveOptions {
  /** A comment line this often keeps proxies from closing an idle stream; default 25 s. */
  keepAliveMs?: number;
}

const frame = (e: DeliveredEvent) =>
  `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ topic: e.topic, type: e.type, data: e.data ?? {} })}\n\n`;

/** Installs the hub and the listener on the app, and the `GET /api/events` stream. Called once by buildApp. */
export async function registerLive(app: FastifyInstance, options: LiveOptions = {}): Promise<void> {
  const keepAliveMs = options.keepAliveMs ?? Number(process.env.KEHOACH_LIVE_KEEPALIVE_MS ?? 25_000);
  const hub = new LiveHub();
  app.decorate("live", hub);
  const listening = await listen(
    app.database,
    (payload) => hub.deliver(payload),
    () => hub.gap(),
  );
  const open = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const end of [...open]) end();
  });
  app.addHook("onClose", async () => {
    await listening.close();
  });

  route(app, liveEndpoints.events, async ({ actor, query, request, reply }) => {
    const extra = query.topics ? [...new Set(query.topics.split(","))] : [];
    for (const topic of extra) if (!(await hub.mayHear(actor, topic))) throw forbidden(`Bạn không có quyền theo dõi trực tiếp «${topic}».`);
    const topics = [`user:${actor.userId}`, ...extra];
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    });
    raw.write(`retry: 3000\n\n`);
    const resync = () => raw.write(`id: ${hub.tag}-0\nevent: resync\ndata: {}\n\n`);
    const lastId = request.headers["last-event-id"];
    if (typeof lastId === "string" && lastId) {
      const missed = hub.since(lastId, topics);
      if (missed === null) resync();
      else for (const e of missed) raw.write(frame(e));
    }
    raw.write(`event: ready\ndata: ${JSON.stringify({ topics })}\n\n`);
    const unsubscribe = hub.subscribe(topics, { event: (e) => raw.write(frame(e)), resync });
    const ping = setInterval(() => raw.write(": ping\n\n"), keepAliveMs);
    ping.unref();
    const end = () => {
      clearInterval(ping);
      unsubscribe();
      open.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    open.add(end);
    request.raw.on("close", end);
    return reply;
  });
}
