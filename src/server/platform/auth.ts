import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/client";
import { roleGrants, sessions, units, users } from "../db/schema/index";
import type { Actor, Role } from "./access";
import { AppError, unauthenticated } from "./errors";

export const SESSION_COOKIE = "kh_session";
export const CSRF_COOKIE = "kh_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SESSION_HOURS = 12;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const newToken = () => randomBytes(32).toString("base64url");

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type LoadedSession = { actor: Actor; csrf: string };

/**
 * Sessions read in the last second, by database and session hash: a door scanning hundreds of codes a minute, or a
 * page firing ten requests at once, reads its session once a second instead of once a request. Anything that changes
 * who a session is or what it may do (sign-out, password, grants, users, units) calls `forgetSessions` in this
 * process; another server process sees the change within `SESSION_CACHE_MS`.
 */
export const SESSION_CACHE_MS = 1000;
/** Requests that change who may do what: users and grants, units, sign-in and out, a conference's roles. */
const WHO_MAY_WHAT = /^\/api\/((users|units|auth)(\/|\?|$)|conferences\/[^/?]+\/roles)/;
const sessionCache = new WeakMap<Db, Map<string, { at: number; value: LoadedSession }>>();
let sessionGeneration = 0;

/** Changes each time cached sessions are forgotten: caches of what an actor may do (conference access) compare it. */
export const sessionsEpoch = () => sessionGeneration;

/** Drops every cached session of this process: call after a write to sessions, users, grants or units. */
export function forgetSessions(): void {
  sessionGeneration += 1;
  // A WeakMap cannot be cleared; each database's map is emptied on its next read (generation check).
}

/** Loads the actor behind a session id, or null when the session is unknown, expired or its user inactive. */
export async function loadSession(db: Db, sessionId: string): Promise<LoadedSession | null> {
  const idHash = sha256(sessionId);
  let cached = sessionCache.get(db);
  if (!cached || (cached as unknown as { generation?: number }).generation !== sessionGeneration) {
    cached = Object.assign(new Map(), { generation: sessionGeneration });
    sessionCache.set(db, cached);
  }
  const hit = cached.get(idHash);
  if (hit && Date.now() - hit.at < SESSION_CACHE_MS) return hit.value;
  const generation = sessionGeneration;
  const value = await readSession(db, idHash);
  if (value && generation === sessionGeneration) {
    if (cached.size >= 10_000) cached.clear();
    cached.set(idHash, { at: Date.now(), value });
  }
  return value;
}

async function readSession(db: Db, idHash: string): Promise<LoadedSession | null> {
  const granted = alias(units, "granted");
  // One round trip with the grants (every request of every user asks here: the doors check in hundreds a minute).
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      unitPath: units.path,
      grants: sql<Array<{ unitId: string; role: Role; unitPath: string }>>`coalesce((
        select json_agg(json_build_object('unitId', ${roleGrants.unitId}, 'role', ${roleGrants.role}, 'unitPath', ${granted.path}))
        from ${roleGrants} inner join ${units} as ${sql.identifier("granted")} on ${granted.id} = ${roleGrants.unitId}
        where ${roleGrants.userId} = ${users.id} and ${granted.archived} = false), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  if (!row) return null;
  // Both drivers parse json; a driver that hands back text is read too.
  const grants = (typeof row.grants === "string" ? JSON.parse(row.grants) : row.grants) as Actor["grants"];
  // Sliding expiry, written at most once a minute to keep reads cheap.
  if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000) })
      .where(eq(sessions.idHash, idHash));
  }
  return {
    csrf: row.session.csrfToken,
    actor: {
      userId: row.user.id,
      username: row.user.username,
      fullName: row.user.fullName,
      unitId: row.user.unitId,
      unitPath: row.unitPath,
      grants,
    },
  };
}

/** The user's grants with the path of each granted unit (archived units grant nothing). */
export async function loadGrants(db: Db, userId: string): Promise<Actor["grants"]> {
  const rows = await db
    .select({ unitId: roleGrants.unitId, role: roleGrants.role, unitPath: units.path })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(eq(roleGrants.userId, userId), eq(units.archived, false)));
  return rows.map((r) => ({ unitId: r.unitId, unitPath: r.unitPath, role: r.role as Role }));
}

/** Creates a session and returns the cookie value and its CSRF token. */
export async function createSession(db: Db, userId: string): Promise<{ sessionId: string; csrf: string }> {
  const sessionId = newToken();
  const csrf = newToken();
  await db.insert(sessions).values({
    idHash: sha256(sessionId),
    userId,
    csrfToken: csrf,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  });
  return { sessionId, csrf };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
  forgetSessions();
}

/** Ends every session of a user (after a password change, deactivation). */
export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  forgetSessions();
}

/** Ends every session of a user but the one in use (after the user changes their own password). */
export async function destroyOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, sha256(keepSessionId))));
  forgetSessions();
}

export function setSessionCookies(app: FastifyInstance, reply: FastifyReply, sessionId: string, csrf: string): void {
  const secure = app.config.secureCookies;
  void reply.setCookie(SESSION_COOKIE, sessionId, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: SESSION_HOURS * 3600 });
  void reply.setCookie(CSRF_COOKIE, csrf, { path: "/", httpOnly: false, sameSite: "strict", secure, maxAge: SESSION_HOURS * 3600 });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: "/" });
  void reply.clearCookie(CSRF_COOKIE, { path: "/" });
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every /api request: load the actor from the session cookie; every state-changing request must
 * echo the CSRF token in a header. With a session the token is the session's; before sign-in it is
 * the double-submit cookie handed out by GET /api/auth/csrf.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionCsrf", null);
  // A change to who may do what (users, their grants and passwords, units and their places in the tree, sign-in and
  // out) drops this process's cached sessions once written, before the answer leaves: the next request reads the new truth.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD" && WHO_MAY_WHAT.test(request.url)) forgetSessions();
    return payload;
  });
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) {
      const loaded = await loadSession(app.database.db, sessionId);
      if (loaded) {
        request.actor = { ...loaded.actor, ip: request.ip };
        request.sessionCsrf = loaded.csrf;
      }
    }
    if (!UNSAFE.has(request.method)) return;
    const header = request.headers[CSRF_HEADER];
    const sent = typeof header === "string" ? header : "";
    const expected = request.sessionCsrf ?? request.cookies[CSRF_COOKIE] ?? "";
    if (!sent || !expected || !safeEqual(sent, expected)) {
      throw new AppError("CSRF", "Phiên làm việc không hợp lệ hoặc đã hết hạn (thiếu mã chống giả mạo). Hãy tải lại trang rồi thử lại.");
    }
  });
}

/** The signed-in actor, or 401: `const actor = requireActor(request)`. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
