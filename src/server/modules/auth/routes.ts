import { inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ChangePasswordRequest, CsrfResponse, Me, SignInRequest } from "../../../contracts/auth";
import { ErrorBody } from "../../../contracts/common";
import { units } from "../../db/schema/index";
import { type Actor, isAdmin } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import {
  CSRF_COOKIE,
  clearSessionCookies,
  destroySession,
  loadSession,
  newToken,
  requireActor,
  SESSION_COOKIE,
  setSessionCookies,
} from "../../platform/auth";
import { changePassword, signIn } from "./service";

async function presentMe(app: FastifyInstance, actor: Actor, csrfToken: string): Promise<Me> {
  const ids = [actor.unitId, ...actor.grants.map((g) => g.unitId)];
  const rows = await app.database.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    unitId: actor.unitId,
    unitName: nameOf.get(actor.unitId) ?? "",
    grants: actor.grants.map((g) => ({ unitId: g.unitId, unitName: nameOf.get(g.unitId) ?? "", role: g.role })),
    isAdmin: isAdmin(actor),
    csrfToken,
  };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/api/auth/csrf", {
    schema: { tags: ["auth"], summary: "Lấy mã chống giả mạo (CSRF) trước khi đăng nhập", response: { 200: CsrfResponse } },
    handler: async (request, reply) => {
      const token = request.sessionCsrf ?? request.cookies[CSRF_COOKIE] ?? newToken();
      void reply.setCookie(CSRF_COOKIE, token, { path: "/", httpOnly: false, sameSite: "strict", secure: app.config.secureCookies });
      return { csrfToken: token };
    },
  });

  r.post("/api/auth/sign-in", {
    schema: { tags: ["auth"], summary: "Đăng nhập", body: SignInRequest, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } },
    handler: async (request, reply) => {
      const old = request.cookies[SESSION_COOKIE];
      if (old) await destroySession(app.database.db, old);
      const { sessionId } = await signIn(app.database.db, { ...request.body, ip: request.ip });
      const loaded = await loadSession(app.database.db, sessionId);
      if (!loaded) throw new Error("session vanished right after creation");
      setSessionCookies(app, reply, sessionId, loaded.csrf);
      return presentMe(app, loaded.actor, loaded.csrf);
    },
  });

  r.post("/api/auth/sign-out", {
    schema: { tags: ["auth"], summary: "Đăng xuất", response: { 204: z.null() } },
    handler: async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await destroySession(app.database.db, sessionId);
      if (request.actor)
        await recordAudit(app.database.db, {
          actor: request.actor,
          action: "auth.sign_out",
          entityType: "user",
          entityId: request.actor.userId,
        });
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  });

  r.get("/api/auth/me", {
    schema: { tags: ["auth"], summary: "Người dùng đang đăng nhập", response: { 200: Me, 401: ErrorBody } },
    handler: async (request) => presentMe(app, requireActor(request), request.sessionCsrf ?? ""),
  });

  r.post("/api/auth/change-password", {
    schema: {
      tags: ["auth"],
      summary: "Đổi mật khẩu của chính mình (các phiên đăng nhập khác sẽ kết thúc)",
      body: ChangePasswordRequest,
      response: { 204: z.null(), 400: ErrorBody, 401: ErrorBody },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      // requireActor passed, so the session cookie is present and valid.
      const sessionId = request.cookies[SESSION_COOKIE] ?? "";
      await changePassword(app.database.db, { actor, sessionId, ...request.body });
      return reply.status(204).send(null);
    },
  });
}
