import { expect, it } from "vitest";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";

describeOnDatabases("sign-in and sessions", (ctx) => {
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

  it("locks a username after 10 failures in 15 minutes", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit });
    for (let i = 0; i < 10; i++) {
      const client = new TestClient(ctx().app);
      expect((await client.signIn(user.username, "sai")).statusCode).toBe(401);
    }
    const res = await new TestClient(ctx().app).signIn(user.username);
    expect(res.statusCode).toBe(429);
  });

  it("ends the session on sign-out", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit, username: unique("u").replace(/\s/g, "") });
    const client = await signedIn(ctx().app, user);
    expect((await client.post("/api/auth/sign-out")).statusCode).toBe(204);
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);
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
