import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { systemEndpoints } from "../contracts/common";
import type { Config } from "./config";
import type { Database } from "./db/client";
import { moduleRoutes } from "./modules/index";
import { registerAuth } from "./platform/auth";
import { registerErrorHandler } from "./platform/error-handler";
import { enforceEndpointTable, route } from "./platform/http";
import { registerLive } from "./platform/live/index";
import { registerSecurityHeaders } from "./platform/web/security-headers";
import { serveWebApp } from "./platform/web/static";

// Zod's own messages in Vietnamese for every schema, server and web alike.
z.config(z.locales.vi());

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}

export const JSON_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_LIMIT = 20 * 1024 * 1024;

export interface AppOptions {
  database: Database;
  config: Config;
  /** Quiet logs in tests. */
  logger?: boolean;
}

const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Builds the HTTP app around an open database: `const app = await buildApp({ database, config })`. */
export async function buildApp({ database, config, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: process.env.KEHOACH_TRUST_PROXY === "1",
  });
  app.decorate("database", database);
  app.decorate("config", config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await registerSecurityHeaders(app, { https: config.secureCookies });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 10, fields: 50, fieldSize: JSON_BODY_LIMIT } });
  await app.register(swagger, {
    openapi: {
      info: { title: "kehoach API", description: "API quản lý kế hoạch, nhiệm vụ và hội nghị", version: "0.1.0" },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  registerAuth(app);
  enforceEndpointTable(app);

  route(app, systemEndpoints.health, () => ({ status: "ok" as const, database: database.kind }));

  await registerLive(app);
  for (const routes of moduleRoutes) await app.register(routes);

  await serveWebApp(app, webRoot);

  return app;
}
