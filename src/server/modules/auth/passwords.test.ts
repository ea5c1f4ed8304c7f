import { expect, it } from "vitest";
import { makeUnit, makeUser, TEST_PASSWORD } from "../../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";

describeOnDatabases("passwords and the sign-in limit", (ctx) => {
  async function member() {
    const unit = await makeUnit(ctx().db);
    return { unit, user: await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] }) };
  }

  it("refuses a change with the wrong current password, with a message", async () => {
    const { user } = await member();
    const client = await signedIn(ctx().app, user);
    const res = await client.post("/api/auth/change-password", { currentPassword: "khong-dung-dau", newPassword: "mat-khau-moi-9" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: "VALIDATION",
      message: "Mật khẩu hiện tại không đúng. Hãy nhập lại mật khẩu bạn đang dùng để đăng nhập.",
    });
    expect((await new TestClient(ctx().app).signIn(user.username)).statusCode).toBe(200);
  });

  it("changes the password, ends the other sessions and keeps the current one", async () => {
    const { user } = await member();
    const here = await signedIn(ctx().app, user);
    const elsewhere = await signedIn(ctx().app, user);
    const res = await here.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: "mat-khau-moi-9" });
    expect(res.statusCode).toBe(204);
    expect((await here.get("/api/auth/me")).statusCode).toBe(200);
    expect((await elsewhere.get("/api/auth/me")).statusCode).toBe(401);
    expect((await new TestClient(ctx().app).signIn(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new TestClient(ctx().app).signIn(user.username, "mat-khau-moi-9")).statusCode).toBe(200);
  });

  it("refuses a short new password, unknown fields and a change without sign-in", async () => {
    const { user } = await member();
    const client = await signedIn(ctx().app, user);
    const short = await client.post("/api/auth/change-password", { currentPassword: TEST_PASSWORD, newPassword: "ngan" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain("Mật khẩu mới phải có ít nhất 8 ký tự.");
    const extra = await client.post("/api/auth/change-password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "mat-khau-moi-9",
      userId: user.id,
    });
    expect(extra.statusCode).toBe(400);
    const anonymous = new TestClient(ctx().app);
    anonymous.csrf = (await anonymous.get("/api/auth/csrf")).json<{ csrfToken: string }>().csrfToken;
    expect((await anonymous.post("/api/auth/change-password", { currentPassword: "x", newPassword: "mat-khau-moi-9" })).statusCode).toBe(
      401,
    );
  });

  it("lets a manager set a user's password, ending all of that user's sessions", async () => {
    const { unit, user } = await member();
    const manager = await makeUser(ctx().db, { unit, grants: [{ unit, role: "manager" }] });
    const session = await signedIn(ctx().app, user);
    const res = await (await signedIn(ctx().app, manager)).post(`/api/users/${user.id}/password`, { newPassword: "dat-lai-mat-khau" });
    expect(res.statusCode).toBe(204);
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
    expect((await new TestClient(ctx().app).signIn(user.username, "dat-lai-mat-khau")).statusCode).toBe(200);
  });
});
