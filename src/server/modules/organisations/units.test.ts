import { and, eq, like } from "drizzle-orm";
import { expect, it } from "vitest";
import type { UnitView } from "../../../contracts/organisations";
import { auditLog, units } from "../../db/schema/index";
import { makeUnit, makeUser, reloadUnit, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";

describeOnDatabases("organisation units", (ctx) => {
  /** A root with two communes, A having one child; users of each role, all unique to the test. */
  async function world() {
    const db = ctx().db;
    const root = await makeUnit(db, { name: unique("Ủy ban nhân dân thành phố"), kind: "ubnd", tree: "state" });
    const communeA = await makeUnit(db, { parent: root, name: unique("Phường A"), kind: "xa" });
    const childA = await makeUnit(db, { parent: communeA, name: unique("Ủy ban nhân dân phường A"), kind: "ubnd" });
    const communeB = await makeUnit(db, { parent: root, name: unique("Xã B"), kind: "xa" });
    const as = async (unit: UnitRow, role: "admin" | "manager" | "member" | "viewer") =>
      signedIn(ctx().app, await makeUser(db, { unit, grants: [{ unit, role }] }));
    return { db, root, communeA, childA, communeB, as };
  }

  it("lists the actor's subtree with its ancestors, not a sibling commune", async () => {
    const w = await world();
    const member = await w.as(w.communeA, "member");
    const res = await member.get("/api/units");
    expect(res.statusCode).toBe(200);
    const ids = (res.json().units as UnitView[]).map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.root.id, w.communeA.id, w.childA.id]));
    expect(ids).not.toContain(w.communeB.id);
    const a = (res.json().units as UnitView[]).find((u) => u.id === w.communeA.id);
    expect(a).toMatchObject({ childCount: 1, level: 1, parentId: w.root.id, tree: "state", archived: false, version: 1 });
  });

  it("sorts by tree, then order, then Vietnamese name", async () => {
    const w = await world();
    const suffix = unique("");
    for (const name of ["Đông", "Dương", "Anh", "Ấp"]) await makeUnit(w.db, { parent: w.communeB, name: `${name}${suffix}` });
    const member = await w.as(w.communeB, "viewer");
    const names = ((await member.get("/api/units")).json().units as UnitView[])
      .filter((u) => u.parentId === w.communeB.id)
      .map((u) => u.name);
    expect(names.map((n) => n.replace(suffix, ""))).toEqual(["Anh", "Ấp", "Dương", "Đông"]);
  });

  it("lets a manager create under its subtree and records the change in the audit log", async () => {
    const w = await world();
    const manager = await w.as(w.communeA, "manager");
    const res = await manager.post("/api/units", { name: "Phòng Văn hóa - Xã hội", kind: "phong", parentId: w.communeA.id });
    expect(res.statusCode).toBe(201);
    const created = res.json() as UnitView;
    expect(created).toMatchObject({ tree: "state", level: 2, path: `${w.communeA.path}${created.id}/`, version: 1 });
    const audit = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "unit.create")));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ name: "Phòng Văn hóa - Xã hội" });
  });

  it("refuses creation by a manager outside its subtree, by members and viewers, and of roots by non-admins", async () => {
    const w = await world();
    const body = (parentId: string | null) => ({ name: unique("Phòng"), kind: "phong", parentId, tree: "state" });
    expect((await (await w.as(w.communeA, "manager")).post("/api/units", body(w.communeB.id))).statusCode).toBe(403);
    expect((await (await w.as(w.communeA, "member")).post("/api/units", body(w.communeA.id))).statusCode).toBe(403);
    expect((await (await w.as(w.communeA, "viewer")).post("/api/units", body(w.communeA.id))).statusCode).toBe(403);
    expect((await (await w.as(w.root, "manager")).post("/api/units", body(null))).statusCode).toBe(403);
    const admin = await w.as(w.root, "admin");
    expect((await admin.post("/api/units", body(null))).statusCode).toBe(201);
  });

  it("refuses two active siblings with the same name, old and new tone placement alike", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const suffix = unique("");
    expect((await admin.post("/api/units", { name: `Thành ủy${suffix}`, kind: "thanh-uy", parentId: w.communeB.id })).statusCode).toBe(201);
    const again = await admin.post("/api/units", { name: `Thành uỷ${suffix}`, kind: "thanh-uy", parentId: w.communeB.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("Đã có đơn vị");
    // Under another parent the name is free.
    expect((await admin.post("/api/units", { name: `Thành uỷ${suffix}`, kind: "thanh-uy", parentId: w.communeA.id })).statusCode).toBe(201);
  });

  it("frees an archived unit's name for reuse", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const leaf = await makeUnit(w.db, { parent: w.communeB, name: unique("Tổ công tác") });
    expect((await admin.post(`/api/units/${leaf.id}/archive`, { version: 1 })).statusCode).toBe(200);
    expect((await admin.post("/api/units", { name: leaf.name, kind: "other", parentId: w.communeB.id })).statusCode).toBe(201);
    // Restoring the old one would now clash.
    expect((await admin.post(`/api/units/${leaf.id}/restore`, { version: 2 })).statusCode).toBe(409);
  });

  it("renames with the current version and refuses a stale one", async () => {
    const w = await world();
    const manager = await w.as(w.communeA, "manager");
    const ok = await manager.patch(`/api/units/${w.childA.id}`, {
      name: "Ủy ban nhân dân phường Mới",
      shortName: "UBND phường Mới",
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: "Ủy ban nhân dân phường Mới", version: 2 });
    const stale = await manager.patch(`/api/units/${w.childA.id}`, { sortOrder: 5, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("VERSION_CONFLICT");
    expect((await reloadUnit(w.db, w.childA.id)).sortOrder).toBe(0);
  });

  it("refuses a member of commune A, or a manager of A, changing commune B", async () => {
    const w = await world();
    const member = await w.as(w.communeA, "member");
    expect((await member.patch(`/api/units/${w.communeB.id}`, { name: "Đổi tên", version: 1 })).statusCode).toBe(403);
    expect((await member.patch(`/api/units/${w.communeA.id}`, { name: "Đổi tên", version: 1 })).statusCode).toBe(403);
    const manager = await w.as(w.communeA, "manager");
    expect((await manager.patch(`/api/units/${w.communeB.id}`, { name: "Đổi tên", version: 1 })).statusCode).toBe(403);
    expect((await manager.post(`/api/units/${w.communeB.id}/archive`, { version: 1 })).statusCode).toBe(403);
    expect((await manager.get(`/api/units/${w.communeB.id}`)).statusCode).toBe(403);
    expect((await reloadUnit(w.db, w.communeB.id)).name).toBe(w.communeB.name);
  });

  it("moves a unit with its subtree, rewriting path and level", async () => {
    const w = await world();
    const grandchild = await makeUnit(w.db, { parent: w.childA, name: unique("Phòng") });
    const admin = await w.as(w.root, "admin");
    const res = await admin.post(`/api/units/${w.childA.id}/move`, { parentId: w.communeB.id, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: w.communeB.id, level: 2, path: `${w.communeB.path}${w.childA.id}/`, version: 2 });
    const moved = await reloadUnit(w.db, grandchild.id);
    expect(moved.path).toBe(`${w.communeB.path}${w.childA.id}/${grandchild.id}/`);
    expect(moved.level).toBe(3);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.childA.id), eq(auditLog.action, "unit.move")));
    expect(audit.before).toMatchObject({ parentId: w.communeA.id, path: w.childA.path });
    expect(audit.after).toMatchObject({ parentId: w.communeB.id, path: `${w.communeB.path}${w.childA.id}/` });
  });

  it("refuses moving a unit under itself or its own descendant, leaving the tree unchanged", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const under = await admin.post(`/api/units/${w.communeA.id}/move`, { parentId: w.childA.id, version: 1 });
    expect(under.statusCode).toBe(409);
    expect(under.json().error.message).toContain("đơn vị cấp dưới của nó");
    expect((await admin.post(`/api/units/${w.communeA.id}/move`, { parentId: w.communeA.id, version: 1 })).statusCode).toBe(409);
    const after = await w.db
      .select()
      .from(units)
      .where(like(units.path, `${w.root.path}%`));
    expect(after.find((u) => u.id === w.communeA.id)).toMatchObject({ path: w.communeA.path, parentId: w.root.id, version: 1 });
    expect(after.find((u) => u.id === w.childA.id)).toMatchObject({ path: w.childA.path, level: 2 });
  });

  it("refuses a move across trees and a move by a manager who does not manage the new parent", async () => {
    const w = await world();
    const party = await makeUnit(w.db, { name: unique("Thành ủy"), kind: "thanh-uy", tree: "party" });
    const admin = await w.as(w.root, "admin");
    expect((await admin.post(`/api/units/${w.childA.id}/move`, { parentId: party.id, version: 1 })).statusCode).toBe(409);
    const manager = await w.as(w.communeA, "manager");
    expect((await manager.post(`/api/units/${w.childA.id}/move`, { parentId: w.communeB.id, version: 1 })).statusCode).toBe(403);
    expect((await reloadUnit(w.db, w.childA.id)).parentId).toBe(w.communeA.id);
  });

  it("refuses archiving a unit with active children unless they go too", async () => {
    const w = await world();
    const manager = await w.as(w.communeA, "manager");
    const refused = await manager.post(`/api/units/${w.communeA.id}/archive`, { version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("còn 1 đơn vị cấp dưới");
    expect((await reloadUnit(w.db, w.childA.id)).archived).toBe(false);
    const cascaded = await manager.post(`/api/units/${w.communeA.id}/archive`, { version: 1, cascade: true });
    expect(cascaded.statusCode).toBe(200);
    expect((await reloadUnit(w.db, w.communeA.id)).archived).toBe(true);
    expect((await reloadUnit(w.db, w.childA.id)).archived).toBe(true);
    const admin = await w.as(w.root, "admin");
    const listed = (await admin.get("/api/units")).json().units as UnitView[];
    expect(listed.map((u) => u.id)).not.toContain(w.communeA.id);
    const all = (await admin.get("/api/units?includeArchived=true")).json().units as UnitView[];
    expect(all.map((u) => u.id)).toContain(w.communeA.id);
  });

  it("restores an archived unit only after its parent", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    await admin.post(`/api/units/${w.communeA.id}/archive`, { version: 1, cascade: true });
    const child = await admin.post(`/api/units/${w.childA.id}/restore`, { version: 2 });
    expect(child.statusCode).toBe(409);
    expect(child.json().error.message).toContain("khôi phục đơn vị cấp trên trước");
    expect((await admin.post(`/api/units/${w.communeA.id}/restore`, { version: 2 })).json()).toMatchObject({ archived: false, version: 3 });
    expect((await admin.post(`/api/units/${w.childA.id}/restore`, { version: 2 })).statusCode).toBe(200);
  });

  it("searches without diacritics within the readable units only", async () => {
    const w = await world();
    const tag = unique("").trim();
    const donghai = await makeUnit(w.db, { parent: w.communeA, name: `Phường Đông Hải ${tag}` });
    const other = await makeUnit(w.db, { parent: w.communeB, name: `Phường Đông Hải ${tag}` });
    const member = await w.as(w.communeA, "member");
    const res = await member.get(`/api/units/search?q=${encodeURIComponent(`dong hai ${tag}`)}`);
    expect(res.statusCode).toBe(200);
    expect((res.json().units as UnitView[]).map((u) => u.id)).toEqual([donghai.id]);
    const admin = await w.as(w.root, "admin");
    const both = (await admin.get(`/api/units/search?q=${encodeURIComponent(`ĐÔNG HẢI ${tag}`)}`)).json().units as UnitView[];
    expect(both.map((u) => u.id).sort()).toEqual([donghai.id, other.id].sort());
  });

  it("finds old and new tone placement alike when searched without accents", async () => {
    const w = await world();
    const tag = unique("").trim();
    const oldStyle = await makeUnit(w.db, { parent: w.communeB, name: `Thành uỷ ${tag}` });
    const newStyle = await makeUnit(w.db, { parent: w.communeA, name: `Thành ủy ${tag}`, shortName: "TU" });
    const admin = await w.as(w.root, "admin");
    const found = (await admin.get(`/api/units/search?q=${encodeURIComponent(`thanh uy ${tag}`)}`)).json().units as UnitView[];
    expect(found.map((u) => u.id).sort()).toEqual([oldStyle.id, newStyle.id].sort());
  });

  it("treats a search full of SQL and regex metacharacters as plain text", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const before = (await w.db.select().from(units)).length;
    const res = await admin.get(`/api/units/search?q=${encodeURIComponent("'; drop table units; --.*[(\\%_")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().units).toEqual([]);
    expect((await admin.get(`/api/units/search?q=${encodeURIComponent("%")}`)).json().units).toEqual([]);
    expect((await admin.get(`/api/units/search?q=${encodeURIComponent("_")}`)).json().units).toEqual([]);
    expect((await w.db.select().from(units)).length).toBeGreaterThanOrEqual(before);
  });

  it("refuses malformed JSON, unknown fields and a body over 1 MB", async () => {
    const w = await world();
    const admin = await w.as(w.root, "admin");
    const bad = await admin.request("POST", "/api/units", '{"name": ', { "content-type": "application/json" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("MALFORMED_JSON");
    const extra = await admin.post("/api/units", { name: unique("Phòng"), kind: "phong", parentId: w.root.id, archived: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe("VALIDATION");
    const huge = await admin.post("/api/units", { name: "x".repeat(1024 * 1024 + 10), kind: "phong", parentId: w.root.id });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("TOO_LARGE");
    expect((await admin.patch(`/api/units/${w.communeA.id}`, { name: "Không có version" })).statusCode).toBe(400);
  });

  it("answers 401 to a request without a session", async () => {
    expect((await ctx().app.inject({ method: "GET", url: "/api/units" })).statusCode).toBe(401);
  });
});
