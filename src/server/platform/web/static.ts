import { existsSync } from "node:fs";
import { sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors";

/** Hashed file names (Vite's `assets/name-<hash>.js`) never change content: cached for a year, never revalidated. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: always revalidated (ETag), so a new release is seen at once. */
export const REVALIDATE = "no-cache";

/**
 * Serves the built web app from `root` (dist/web): the precompressed `.br`/`.gz` siblings written at build time
 * (vite.config.ts) when the browser accepts them, long-lived caching for hashed assets, and index.html for every
 * other path that is not an API or asset address (the app routes on the client).
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(root);
  app.setNotFoundHandler((request, reply) => {
    // A missing /assets file (an old chunk after a release) must be a 404, not index.html served as a script.
    if (request.url.startsWith("/api/") || request.url.startsWith("/assets/") || !built) {
      throw new AppError("NOT_FOUND", "Không tìm thấy địa chỉ yêu cầu.");
    }
    return reply.sendFile("index.html");
  });
  if (!built) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header("cache-control", path.includes(`${sep}assets${sep}`) ? IMMUTABLE : REVALIDATE);
    },
  });
}
