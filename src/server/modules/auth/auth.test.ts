import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sessions, signInFailures } from "../../db/schema/index";
import { SESSION_CACHE_MS } from "../../platform/auth";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";
import { SIGN_IN_MAX_ADDRESS_FAILURES, SIGN_IN_MAX_DELAY_MS, SIGN_IN_MAX_FAILURES, signInDelayMs, signInThrottle } from "./service";

/** A client at a chosen address, so that two clients can share one. */
class ClientAt extends TestClient {
  constructor(
    app: FastifyInstance,
    override readonly remoteAddress: string,
  ) {
    super(app);
  }
}

let addressCount = 0;
const nextAddress = () => `203.0.113.${++addressCount}`;

// Record the sign-in slow-down instead of sleeping through it: the test bounds the work, not the time.
const delays: number[] = [];
beforeAll(() => {
  vi.spyOn(signInThrottle, "pause").mockImplementation(async (ms) => {
    delays.push(ms);
  });
});
afterAll(() => vi.restoreAllMocks());

describeOnDatabases("sign-in and sessions", (ctx) => {
  /** Failures recorded by earlier attempts (inserted, so the test bounds its password checks). */
  const earlierFailures = (key: string, n: number) =>
    ctx()
      .db.insert(signInFailures)
      .values(Array.from({ length: n }, () => ({ key })));

  it("answers health with the database kind", async () => {
    const res = await ctx().app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: ctx().kind });
  });

  it("signs in with the right password and reports the user", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const client = await signedIn(ctx().app, user);
    const me = await client.get("/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: user.username, unitName: unit.name, isAdmin: false });
  });

  it("refuses a wrong password with a Vietnamese message", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit });
    const client = new TestClient(ctx().app);
    const res = await client.signIn(user.username, "sai-mat-khau");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: "UNAUTHENTICATED", message: "Tên đăng nhập hoặc mật khẩu không đúng." });
  });

  it("refuses a state-changing request without the CSRF header", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit });
    const client = await signedIn(ctx().app, user);
    client.csrf = "";
    const res = await client.post("/api/auth/sign-out");
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF");
  });

  it("stops one address after 10 failures for a username, while the owner at another address signs in", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit });
    const attacker = nextAddress();
    await earlierFailures(`user-ip:${user.username}|${attacker}`, SIGN_IN_MAX_FAILURES - 2);
    for (let i = 0; i < 2; i++) {
      expect((await new ClientAt(ctx().app, attacker).signIn(user.username, "sai")).statusCode).toBe(401);
    }
    const blocked = await new ClientAt(ctx().app, attacker).signIn(user.username);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    const owner = await new ClientAt(ctx().app, nextAddress()).signIn(user.username);
    expect(owner.statusCode).toBe(200);
  });

  it("slows a username attacked from many addresses down, never locks it", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit });
    await earlierFailures(`user:${user.username}`, 4);
    delays.length = 0;
    for (let i = 0; i < 3; i++) {
      expect((await new ClientAt(ctx().app, nextAddress()).signIn(user.username, "sai")).statusCode).toBe(401);
    }
    // From the fifth failure on, each attempt waits longer before the password is checked.
    expect(delays).toEqual([500, 1000]);
    await earlierFailures(`user:${user.username}`, 50);
    const owner = await new ClientAt(ctx().app, nextAddress()).signIn(user.username);
    expect(owner.statusCode).toBe(200);
    expect(delays).toEqual([500, 1000, SIGN_IN_MAX_DELAY_MS]);
  });

  it("stops an address that sprays wrong passwords over many usernames", async () => {
    const unit = await makeUnit(ctx().db);
    const sprayer = nextAddress();
    await earlierFailures(`ip:${sprayer}`, SIGN_IN_MAX_ADDRESS_FAILURES - 1);
    expect((await new ClientAt(ctx().app, sprayer).signIn(unique("nobody").replace(/\s/g, ""), "sai")).statusCode).toBe(401);
    const user = await makeUser(ctx().db, { unit });
    expect((await new ClientAt(ctx().app, sprayer).signIn(user.username)).statusCode).toBe(429);
    expect((await new ClientAt(ctx().app, nextAddress()).signIn(user.username)).statusCode).toBe(200);
  });

  it("delays nothing before five failures and caps the delay", () => {
    expect([0, 4, 5, 6, 7, 9, 10, 50].map(signInDelayMs)).toEqual([0, 0, 500, 1000, 2000, 8000, 8000, 8000]);
  });

  it("ends the session on sign-out", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit, username: unique("u").replace(/\s/g, "") });
    const client = await signedIn(ctx().app, user);
    expect((await client.post("/api/auth/sign-out")).statusCode).toBe(204);
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("sees a session ended by another server process within a second, and a grant given here at once", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit, username: unique("u").replace(/\s/g, "") });
    const client = await signedIn(ctx().app, user);
    expect((await client.get("/api/auth/me")).json<{ grants: unknown[] }>().grants).toHaveLength(0);
    // Another process (here: the database written directly) ends the session.
    await ctx().db.delete(sessions).where(eq(sessions.userId, user.id));
    await new Promise((resume) => setTimeout(resume, SESSION_CACHE_MS + 100));
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);

    // A grant given through this process counts on the very next request.
    const admin = await signedIn(ctx().app, await makeUser(ctx().db, { unit, grants: [{ unit, role: "admin" }] }));
    const again = await signedIn(ctx().app, user);
    expect((await again.get("/api/auth/me")).json<{ grants: unknown[] }>().grants).toHaveLength(0);
    const granted = await admin.post(`/api/users/${user.id}/grants`, { unitId: unit.id, role: "member" });
    expect(granted.statusCode, granted.body).toBe(201);
    expect((await again.get("/api/auth/me")).json<{ grants: unknown[] }>().grants).toHaveLength(1);
  });

  it("rejects malformed JSON and unknown fields", async () => {
    const client = new TestClient(ctx().app);
    await client.get("/api/auth/csrf");
    const csrf = (await client.get("/api/auth/csrf")).json().csrfToken as string;
    client.csrf = csrf;
    const bad = await client.request("POST", "/api/auth/sign-in", "{not json", { "content-type": "application/json" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("MALFORMED_JSON");
    const extra = await client.post("/api/auth/sign-in", { username: "a", password: "b", admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe("VALIDATION");
  });
});
