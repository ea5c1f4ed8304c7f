import type { FastifyInstance } from "fastify";
import { authEndpoints as e, type Me } from "../../../contracts/auth";
import { type Actor, isAdmin } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import {
  CSRF_COOKIE,
  clearSessionCookies,
  destroySession,
  loadSession,
  newToken,
  SESSION_COOKIE,
  setSessionCookies,
} from "../../platform/auth";
import { route } from "../../platform/http";
import { unitNames } from "../organisations/queries";
import { changePassword, signIn } from "./service";

async function presentMe(app: FastifyInstance, actor: Actor, csrfToken: string): Promise<Me> {
  const ids = [actor.unitId, ...actor.grants.map((g) => g.unitId)];
  const names = await unitNames(app.database.db, ids);
  const nameOf = new Map(Object.entries(names));
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
  const db = () => app.database.db;

  route(app, e.csrf, ({ request, reply }) => {
    const token = request.sessionCsrf ?? request.cookies[CSRF_COOKIE] ?? newToken();
    void reply.setCookie(CSRF_COOKIE, token, { path: "/", httpOnly: false, sameSite: "strict", secure: app.config.secureCookies });
    return { csrfToken: token };
  });

  route(app, e.signIn, async ({ body, request, reply }) => {
    const old = request.cookies[SESSION_COOKIE];
    if (old) await destroySession(db(), old);
    const { sessionId } = await signIn(db(), { ...body, ip: request.ip });
    const loaded = await loadSession(db(), sessionId);
    if (!loaded) throw new Error("session vanished right after creation");
    setSessionCookies(app, reply, sessionId, loaded.csrf);
    return presentMe(app, loaded.actor, loaded.csrf);
  });

  route(app, e.signOut, async ({ actor, request, reply }) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await destroySession(db(), sessionId);
    if (actor) await recordAudit(db(), { actor, action: "auth.sign_out", entityType: "user", entityId: actor.userId });
    clearSessionCookies(reply);
  });

  route(app, e.me, ({ actor, request }) => presentMe(app, actor, request.sessionCsrf ?? ""));

  route(app, e.changePassword, async ({ actor, body, request }) => {
    // The endpoint needs a session, so the session cookie is present and valid.
    const sessionId = request.cookies[SESSION_COOKIE] ?? "";
    await changePassword(db(), { actor, sessionId, ...body });
  });
}
