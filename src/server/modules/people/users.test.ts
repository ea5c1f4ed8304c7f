import { expect, it } from "vitest";
import type { User, UserList } from "../../../contracts/people";
import { makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";
import { freshUsername, makePeopleTree } from "./fixtures";

describeOnDatabases("people: users", (ctx) => {
  const newUser = (unitId: string, extra: Record<string, unknown> = {}) => ({
    username: freshUsername(),
    fullName: "Nguyễn Văn Thử",
    unitId,
    password: "mat-khau-moi-123",
    ...extra,
  });

  it("lets an admin create a user with grants who can then sign in", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const body = newUser(t.communeA.id, { grants: [{ unitId: t.communeA.id, role: "manager" }] });
    const res = await admin.post("/api/users", body);
    expect(res.statusCode).toBe(201);
    const user = res.json<User>();
    expect(user).toMatchObject({
      username: body.username,
      fullName: "Nguyễn Văn Thử",
      unitName: t.communeA.name,
      active: true,
      version: 1,
    });
    expect(user.grants).toEqual([{ id: expect.any(String), unitId: t.communeA.id, unitName: t.communeA.name, role: "manager" }]);
    expect(res.body).not.toContain("passwordHash");
    expect((await new TestClient(ctx().app).signIn(body.username, "mat-khau-moi-123")).statusCode).toBe(200);
  });

  it("lower-cases a typed username and refuses malformed ones", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const name = freshUsername("hoa");
    const res = await admin.post("/api/users", newUser(t.communeA.id, { username: `  ${name.toUpperCase()} ` }));
    expect(res.statusCode).toBe(201);
    expect(res.json<User>().username).toBe(name);
    for (const bad of ["ab", "có dấu", "a b c", "x".repeat(65), "ten/nguoi"]) {
      const refused = await admin.post("/api/users", newUser(t.communeA.id, { username: bad }));
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error.message).toContain("Tên đăng nhập phải dài 3–64 ký tự");
    }
  });

  it("refuses a duplicate username with 409, whatever the case typed", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const res = await admin.post("/api/users", newUser(t.communeB.id, { username: t.memberA.username.toUpperCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: "DUPLICATE",
      message: `Tên đăng nhập "${t.memberA.username}" đã có người dùng. Hãy chọn tên khác (ví dụ thêm tên đơn vị hoặc số).`,
    });
  });

  it("refuses unknown fields, malformed JSON and a short password", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const extra = await admin.post("/api/users", newUser(t.communeA.id, { isAdmin: true }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe("VALIDATION");
    const bad = await admin.request("POST", "/api/users", '{"username":', { "content-type": "application/json" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("MALFORMED_JSON");
    const short = await admin.post("/api/users", newUser(t.communeA.id, { password: "ngan" }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain("Mật khẩu phải có ít nhất 8 ký tự.");
    const patchExtra = await admin.patch(`/api/users/${t.memberA.id}`, { version: 1, role: "admin" });
    expect(patchExtra.statusCode).toBe(400);
  });

  it("lets a manager create users in its own subtree but not outside it", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    expect((await manager.post("/api/users", newUser(t.communeA.id))).statusCode).toBe(201);
    const outside = await manager.post("/api/users", newUser(t.communeB.id));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toContain("phạm vi bạn quản lý");
    const above = await manager.post("/api/users", newUser(t.city.id));
    expect(above.statusCode).toBe(403);
  });

  it("refuses a manager creating a user with an admin grant or a grant outside its subtree", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const asAdmin = await manager.post("/api/users", newUser(t.communeA.id, { grants: [{ unitId: t.communeA.id, role: "admin" }] }));
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.json().error.message).toBe("Chỉ quản trị viên mới cấp hoặc thu hồi được quyền quản trị (admin).");
    const elsewhere = await manager.post("/api/users", newUser(t.communeA.id, { grants: [{ unitId: t.communeB.id, role: "viewer" }] }));
    expect(elsewhere.statusCode).toBe(403);
  });

  it("refuses members and viewers changing any user", async () => {
    const t = await makePeopleTree(ctx().db);
    const viewerUser = await makeUser(ctx().db, { unit: t.communeA, grants: [{ unit: t.communeA, role: "viewer" }] });
    for (const who of [t.memberA, viewerUser]) {
      const client = await signedIn(ctx().app, who);
      expect((await client.post("/api/users", newUser(t.communeA.id))).statusCode).toBe(403);
      expect((await client.patch(`/api/users/${t.memberA.id}`, { fullName: "Đổi tên", version: 1 })).statusCode).toBe(403);
      expect((await client.post(`/api/users/${t.memberA.id}/password`, { newPassword: "mat-khau-khac-1" })).statusCode).toBe(403);
    }
  });

  it("forbids a member of commune A reading or editing commune B's user", async () => {
    const t = await makePeopleTree(ctx().db);
    const member = await signedIn(ctx().app, t.memberA);
    expect((await member.get(`/api/users/${t.memberB.id}`)).statusCode).toBe(403);
    const edit = await member.patch(`/api/users/${t.memberB.id}`, { fullName: "Kẻ lạ", version: 1 });
    expect(edit.statusCode).toBe(403);
    expect((await member.get(`/api/users/${t.memberA.id}`)).statusCode).toBe(200);
  });

  it("lists only users of readable subtrees, searching without diacritics", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const mine = (await manager.get("/api/users")).json<UserList>().users.map((u) => u.id);
    expect(mine).toEqual(expect.arrayContaining([t.managerA.id, t.memberA.id]));
    expect(mine).not.toContain(t.memberB.id);
    expect((await manager.get(`/api/users?unitId=${t.communeB.id}`)).statusCode).toBe(403);

    const admin = await signedIn(ctx().app, t.admin);
    const found = (await admin.get(`/api/users?unitId=${t.city.id}&q=${encodeURIComponent("tran thi binh")}`)).json<UserList>();
    expect(found.users.map((u) => u.id)).toEqual([t.memberB.id]);
    expect(found.users[0].grants).toEqual([expect.objectContaining({ unitName: t.communeB.name, role: "member" })]);
    const accented = (await admin.get(`/api/users?unitId=${t.city.id}&q=${encodeURIComponent("Bình")}`)).json<UserList>();
    expect(accented.users.map((u) => u.id)).toEqual([t.memberB.id]);
    const anyOrder = (await admin.get(`/api/users?unitId=${t.city.id}&q=${encodeURIComponent("binh tran")}`)).json<UserList>();
    expect(anyOrder.users.map((u) => u.id)).toEqual([t.memberB.id]);
    const extraWord = (await admin.get(`/api/users?unitId=${t.city.id}&q=${encodeURIComponent("binh tran khong")}`)).json<UserList>();
    expect(extraWord.users).toEqual([]);
    const byName = (await admin.get(`/api/users?q=${encodeURIComponent(t.memberA.username)}`)).json<UserList>();
    expect(byName.users.map((u) => u.id)).toEqual([t.memberA.id]);
  });

  it("updates with the current version and refuses a stale one with 409", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const ok = await manager.patch(`/api/users/${t.memberA.id}`, { fullName: "Lê Văn Mới", version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<User>()).toMatchObject({ fullName: "Lê Văn Mới", version: 2 });
    const stale = await manager.patch(`/api/users/${t.memberA.id}`, { fullName: "Lê Văn Cũ", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("VERSION_CONFLICT");
    expect(stale.json().error.message).toContain("Hãy tải lại");
    expect((await manager.get(`/api/users/${t.memberA.id}`)).json<User>().fullName).toBe("Lê Văn Mới");
  });

  it("refuses a manager moving a user out of its subtree", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const res = await manager.patch(`/api/users/${t.memberA.id}`, { unitId: t.communeB.id, version: 1 });
    expect(res.statusCode).toBe(403);
    const admin = await signedIn(ctx().app, t.admin);
    const moved = await admin.patch(`/api/users/${t.memberA.id}`, { unitId: t.communeB.id, version: 1 });
    expect(moved.json<User>()).toMatchObject({ unitId: t.communeB.id, unitName: t.communeB.name });
  });

  it("ends a deactivated user's sessions and refuses their sign-in", async () => {
    const t = await makePeopleTree(ctx().db);
    const member = await signedIn(ctx().app, t.memberA);
    const manager = await signedIn(ctx().app, t.managerA);
    const res = await manager.patch(`/api/users/${t.memberA.id}`, { active: false, version: 1 });
    expect(res.json<User>().active).toBe(false);
    expect((await member.get("/api/auth/me")).statusCode).toBe(401);
    expect((await new TestClient(ctx().app).signIn(t.memberA.username)).statusCode).toBe(401);
    const listed = (await manager.get("/api/users")).json<UserList>().users.map((u) => u.id);
    expect(listed).not.toContain(t.memberA.id);
    const all = (await manager.get("/api/users?includeInactive=true")).json<UserList>().users.map((u) => u.id);
    expect(all).toContain(t.memberA.id);
  });

  it("refuses deactivating oneself", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const res = await admin.patch(`/api/users/${t.admin.id}`, { active: false, version: 1 });
    expect(res.statusCode).toBe(409);
    expect((await admin.get("/api/auth/me")).statusCode).toBe(200);
  });

  it("keeps a commune manager away from a wider-ranking user who sits in its commune", async () => {
    const t = await makePeopleTree(ctx().db);
    const cityManager = await makeUser(ctx().db, { unit: t.communeA, grants: [{ unit: t.city, role: "manager" }] });
    const manager = await signedIn(ctx().app, t.managerA);
    expect((await manager.post(`/api/users/${cityManager.id}/password`, { newPassword: "chiem-quyen-123" })).statusCode).toBe(403);
    expect((await manager.patch(`/api/users/${cityManager.id}`, { active: false, version: 1 })).statusCode).toBe(403);
  });

  it("answers 404 for an unknown user and 400 for a malformed id", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    expect((await admin.get("/api/users/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await admin.get("/api/users/khong-phai-uuid")).statusCode).toBe(400);
  });

  it("requires sign-in", async () => {
    expect((await new TestClient(ctx().app).get("/api/users")).statusCode).toBe(401);
  });

  it("documents the people and audit routes with their response schemas in OpenAPI", async () => {
    const res = await ctx().app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>().paths;
    expect(Object.keys(paths["/api/users"])).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(paths["/api/users/{id}/grants/{grantId}"])).toEqual(["delete"]);
    expect(Object.keys(paths["/api/users/{id}"].patch.responses)).toEqual(expect.arrayContaining(["200", "403", "409"]));
    expect(Object.keys(paths["/api/audit"].get.responses)).toEqual(expect.arrayContaining(["200", "403"]));
    expect(paths["/api/auth/change-password"].post.responses).toHaveProperty("400");
  });
});
