import { expect, it } from "vitest";
import type { AuditPage, User } from "../../../contracts/people";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";
import { freshUsername, makePeopleTree } from "../people/fixtures";

describeOnDatabases("audit log", (ctx) => {
  const historyOf = async (client: TestClient, userId: string, query = "") =>
    (await client.get(`/api/audit?entityType=user&entityId=${userId}${query}`)).json<AuditPage>();

  it("records user create, update and grant with before and after, newest first, never a password hash", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const username = freshUsername();
    const created = (
      await admin.post("/api/users", { username, fullName: "Phạm Thu", unitId: t.communeA.id, password: "mat-khau-moi-123" })
    ).json<User>();
    await admin.patch(`/api/users/${created.id}`, { fullName: "Phạm Thu Hà", version: 1 });
    const granted = (await admin.post(`/api/users/${created.id}/grants`, { unitId: t.communeA.id, role: "viewer" })).json<User>();
    await admin.delete(`/api/users/${created.id}/grants/${granted.grants[0].id}`);
    await admin.post(`/api/users/${created.id}/password`, { newPassword: "mat-khau-khac-456" });

    const page = await historyOf(admin, created.id);
    expect(page.entries.map((e) => e.action)).toEqual([
      "user.password_set",
      "user.grant_remove",
      "user.grant_add",
      "user.update",
      "user.create",
    ]);
    const [passwordSet, revoke, grant, update, create] = page.entries;
    expect(create).toMatchObject({ actorId: t.admin.id, actorName: t.admin.username, before: null });
    expect(create.after).toMatchObject({ username, fullName: "Phạm Thu", unitId: t.communeA.id, active: true, grants: [] });
    expect(update.before).toMatchObject({ fullName: "Phạm Thu", version: 1 });
    expect(update.after).toMatchObject({ fullName: "Phạm Thu Hà", version: 2 });
    expect(grant.before).toMatchObject({ grants: [] });
    expect(grant.after).toMatchObject({ grants: [{ unitId: t.communeA.id, role: "viewer" }] });
    expect(revoke.after).toMatchObject({ grants: [] });
    expect(passwordSet.after).toEqual({ passwordChangedAt: expect.any(String) });
    expect(typeof create.ip).toBe("string");
    expect(JSON.stringify(page)).not.toMatch(/passwordHash|argon2/);
  });

  it("pages with limit and before without gaps or repeats", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    for (const fullName of ["Một", "Hai", "Ba"]) {
      const { version } = (await admin.get(`/api/users/${t.memberA.id}`)).json<User>();
      expect((await admin.patch(`/api/users/${t.memberA.id}`, { fullName, version })).statusCode).toBe(200);
    }
    const first = await historyOf(admin, t.memberA.id, "&limit=2");
    expect(first.entries.map((e) => (e.after as { fullName: string }).fullName)).toEqual(["Ba", "Hai"]);
    expect(first.nextBefore).toBe(first.entries[1].id);
    const second = await historyOf(admin, t.memberA.id, `&limit=2&before=${first.nextBefore}`);
    expect(second.entries.map((e) => (e.after as { fullName: string }).fullName)).toEqual(["Một"]);
    expect(second.nextBefore).toBeNull();
  });

  it("records sign-ins and failures on the user", async () => {
    const t = await makePeopleTree(ctx().db);
    await new TestClient(ctx().app).signIn(t.memberB.username, "sai-mat-khau");
    await signedIn(ctx().app, t.memberB);
    const admin = await signedIn(ctx().app, t.admin);
    const page = await historyOf(admin, t.memberB.id);
    expect(page.entries.map((e) => e.action)).toEqual(["auth.sign_in", "auth.sign_in_failed"]);
    expect(page.entries[1].after).toEqual({ username: t.memberB.username, reason: "wrong_password" });
  });

  it("is for admins only: managers and members get 403, strangers 401", async () => {
    const t = await makePeopleTree(ctx().db);
    for (const who of [t.managerA, t.memberA]) {
      const res = await (await signedIn(ctx().app, who)).get("/api/audit");
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("Chỉ quản trị viên mới xem được nhật ký thao tác.");
    }
    expect((await new TestClient(ctx().app).get("/api/audit")).statusCode).toBe(401);
  });

  it("refuses a bad limit or cursor and unknown query fields", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    expect((await admin.get("/api/audit?limit=0")).statusCode).toBe(400);
    expect((await admin.get("/api/audit?limit=abc")).statusCode).toBe(400);
    expect((await admin.get("/api/audit?before=-3")).statusCode).toBe(400);
    expect((await admin.get("/api/audit?actor=admin")).statusCode).toBe(400);
    const res = await admin.get("/api/audit?limit=1");
    expect(res.statusCode).toBe(200);
    expect(res.json<AuditPage>().entries).toHaveLength(1);
  });
});
