import { expect, it } from "vitest";
import type { User } from "../../../contracts/people";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { makePeopleTree } from "./fixtures";

describeOnDatabases("people: role grants", (ctx) => {
  it("lets a manager grant member and viewer roles on units of its subtree", async () => {
    const t = await makePeopleTree(ctx().db);
    const hamlet = await makeUnit(ctx().db, { parent: t.communeA });
    const manager = await signedIn(ctx().app, t.managerA);
    const res = await manager.post(`/api/users/${t.memberA.id}/grants`, { unitId: hamlet.id, role: "viewer" });
    expect(res.statusCode).toBe(201);
    expect(res.json<User>().grants.map((g) => [g.unitName, g.role])).toEqual(
      expect.arrayContaining([
        [t.communeA.name, "member"],
        [hamlet.name, "viewer"],
      ]),
    );
  });

  it("refuses a manager granting admin, even on its own unit", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const res = await manager.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.communeA.id, role: "admin" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe("Chỉ quản trị viên mới cấp hoặc thu hồi được quyền quản trị (admin).");
  });

  it("refuses a manager granting on a unit outside its subtree", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    expect((await manager.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.communeB.id, role: "viewer" })).statusCode).toBe(403);
    expect((await manager.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.city.id, role: "viewer" })).statusCode).toBe(403);
  });

  it("refuses a manager granting to a user of another commune", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const res = await manager.post(`/api/users/${t.memberB.id}/grants`, { unitId: t.communeA.id, role: "viewer" });
    expect(res.statusCode).toBe(403);
  });

  it("refuses granting the same role twice with 409", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const res = await manager.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.communeA.id, role: "member" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("Người dùng đã có vai trò này trên đơn vị này.");
  });

  it("refuses an unknown role and unknown fields", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    expect((await admin.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.communeA.id, role: "owner" })).statusCode).toBe(400);
    expect((await admin.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.communeA.id, role: "viewer", note: "x" })).statusCode).toBe(
      400,
    );
  });

  it("lets an admin grant admin, and the new admin can then act everywhere", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    expect((await admin.post(`/api/users/${t.memberA.id}/grants`, { unitId: t.communeA.id, role: "admin" })).statusCode).toBe(201);
    const promoted = await signedIn(ctx().app, t.memberA);
    expect((await promoted.get(`/api/users/${t.memberB.id}`)).statusCode).toBe(200);
  });

  it("revokes a grant, and a manager may not revoke an admin grant", async () => {
    const t = await makePeopleTree(ctx().db);
    const manager = await signedIn(ctx().app, t.managerA);
    const user = await makeUser(ctx().db, { unit: t.communeA, grants: [{ unit: t.communeA, role: "viewer" }] });
    const grantId = (await manager.get(`/api/users/${user.id}`)).json<User>().grants[0].id;
    const res = await manager.delete(`/api/users/${user.id}/grants/${grantId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<User>().grants).toEqual([]);
    expect((await manager.delete(`/api/users/${user.id}/grants/${grantId}`)).statusCode).toBe(404);

    const adminInCommune = await makeUser(ctx().db, { unit: t.communeA, grants: [{ unit: t.communeA, role: "admin" }] });
    const admin = await signedIn(ctx().app, t.admin);
    const adminGrant = (await admin.get(`/api/users/${adminInCommune.id}`)).json<User>().grants[0].id;
    expect((await manager.delete(`/api/users/${adminInCommune.id}/grants/${adminGrant}`)).statusCode).toBe(403);
  });

  it("refuses removing one's own last admin grant with 409, but allows it when another remains", async () => {
    const t = await makePeopleTree(ctx().db);
    const admin = await signedIn(ctx().app, t.admin);
    const grants = (await admin.get(`/api/users/${t.admin.id}`)).json<User>().grants;
    const last = await admin.delete(`/api/users/${t.admin.id}/grants/${grants[0].id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.message).toContain("quyền quản trị cuối cùng");

    const second = await admin.post(`/api/users/${t.admin.id}/grants`, { unitId: t.communeA.id, role: "admin" });
    expect(second.statusCode).toBe(201);
    const res = await admin.delete(`/api/users/${t.admin.id}/grants/${grants[0].id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<User>().grants.map((g) => [g.unitId, g.role])).toEqual([[t.communeA.id, "admin"]]);
  });
});
