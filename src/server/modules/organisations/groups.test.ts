import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { UnitGroupView, UnitRef } from "../../../contracts/organisations";
import { auditLog } from "../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { resolveGroup, resolveSelector } from "./service";

describeOnDatabases("unit groups", (ctx) => {
  /** A military root with three Ban CHQS and one regiment, and a second root outside it. */
  async function world() {
    const db = ctx().db;
    const bo = await makeUnit(db, { name: unique("Bộ CHQS"), kind: "bo-chqs", tree: "military" });
    const ptkv = await makeUnit(db, { parent: bo, name: unique("Ban Chỉ huy PTKV"), kind: "ptkv" });
    const banA = await makeUnit(db, { parent: bo, name: unique("Ban CHQS xã Ân"), kind: "ban-chqs" });
    const banB = await makeUnit(db, { parent: bo, name: unique("Ban CHQS phường Bắc"), kind: "ban-chqs" });
    const banC = await makeUnit(db, { parent: ptkv, name: unique("Ban CHQS đặc khu Cồn"), kind: "ban-chqs" });
    const regiment = await makeUnit(db, { parent: bo, name: unique("Trung đoàn"), kind: "trung-doan" });
    const elsewhere = await makeUnit(db, { name: unique("Bộ CHQS khác"), kind: "bo-chqs", tree: "military" });
    const outsideBan = await makeUnit(db, { parent: elsewhere, name: unique("Ban CHQS ngoài"), kind: "ban-chqs" });
    const as = async (unit: UnitRow, role: "admin" | "manager" | "member" | "viewer") =>
      signedIn(ctx().app, await makeUser(db, { unit, grants: [{ unit, role }] }));
    return { db, bo, ptkv, banA, banB, banC, regiment, elsewhere, outsideBan, as };
  }

  it("resolves a rule group to every active ban-chqs under the command, in Vietnamese order", async () => {
    const w = await world();
    const manager = await w.as(w.bo, "manager");
    const created = await manager.post("/api/unit-groups", {
      name: unique("Ban CHQS cấp xã"),
      mode: "rule",
      rule: { kinds: ["ban-chqs"], underUnitId: w.bo.id },
      ownerUnitId: w.bo.id,
    });
    expect(created.statusCode).toBe(201);
    const group = created.json() as UnitGroupView;
    const members = (await manager.get(`/api/unit-groups/${group.id}/units`)).json().units as UnitRef[];
    // "đặc khu" < "phường" < "xã" in Vietnamese order.
    expect(members.map((u) => u.id)).toEqual([w.banC.id, w.banB.id, w.banA.id]);
    // A unit added later joins by itself; an archived one leaves.
    const late = await makeUnit(w.db, { parent: w.bo, name: unique("Ban CHQS xã Mới"), kind: "ban-chqs" });
    await manager.post(`/api/units/${w.banB.id}/archive`, { version: 1 });
    const now = (await resolveGroup(w.db, group.id)).map((u) => u.id);
    expect(now).toEqual([w.banC.id, w.banA.id, late.id]);
  });

  it("keeps a static group's listed members and resolves the union of a selector once each", async () => {
    const w = await world();
    const admin = await w.as(w.bo, "admin");
    const res = await admin.post("/api/unit-groups", {
      name: unique("Đơn vị tham luận"),
      mode: "static",
      unitIds: [w.regiment.id, w.banA.id],
    });
    expect(res.statusCode).toBe(201);
    const group = res.json() as UnitGroupView;
    expect(group.unitIds.sort()).toEqual([w.regiment.id, w.banA.id].sort());
    const union = await resolveSelector(w.db, {
      groupId: group.id,
      unitIds: [w.banA.id, w.outsideBan.id],
      rule: { kinds: ["ptkv"], underUnitId: w.bo.id },
    });
    expect(union.map((u) => u.id).sort()).toEqual([w.regiment.id, w.banA.id, w.outsideBan.id, w.ptkv.id].sort());
    expect(union.map((u) => u.name)).toEqual([...union.map((u) => u.name)].sort((a, b) => a.localeCompare(b, "vi")));
  });

  it("updates with the current version, refuses a stale one, and deletes with an audit row", async () => {
    const w = await world();
    const manager = await w.as(w.bo, "manager");
    const group = (
      await manager.post("/api/unit-groups", { name: unique("Nhóm"), mode: "static", unitIds: [w.banA.id], ownerUnitId: w.bo.id })
    ).json() as UnitGroupView;
    const updated = await manager.patch(`/api/unit-groups/${group.id}`, { unitIds: [w.banB.id, w.banC.id], version: 1 });
    expect(updated.statusCode).toBe(200);
    expect((updated.json() as UnitGroupView).version).toBe(2);
    expect((await resolveGroup(w.db, group.id)).map((u) => u.id)).toEqual([w.banC.id, w.banB.id]);
    expect((await manager.patch(`/api/unit-groups/${group.id}`, { name: "Tên mới", version: 1 })).statusCode).toBe(409);
    expect((await manager.patch(`/api/unit-groups/${group.id}`, { rule: { kinds: ["xa"] }, version: 2 })).statusCode).toBe(400);
    expect((await manager.delete(`/api/unit-groups/${group.id}?version=1`)).statusCode).toBe(409);
    expect((await manager.delete(`/api/unit-groups/${group.id}?version=2`)).statusCode).toBe(204);
    expect((await manager.get(`/api/unit-groups/${group.id}`)).statusCode).toBe(404);
    const audit = await w.db.select().from(auditLog).where(eq(auditLog.entityId, group.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["unit_group.create", "unit_group.delete", "unit_group.update"]);
  });

  it("refuses group changes by members, viewers, managers of another unit, and city-wide groups by non-admins", async () => {
    const w = await world();
    const body = { name: unique("Nhóm"), mode: "static", unitIds: [w.banA.id], ownerUnitId: w.bo.id };
    expect((await (await w.as(w.bo, "member")).post("/api/unit-groups", body)).statusCode).toBe(403);
    expect((await (await w.as(w.bo, "viewer")).post("/api/unit-groups", body)).statusCode).toBe(403);
    expect((await (await w.as(w.elsewhere, "manager")).post("/api/unit-groups", body)).statusCode).toBe(403);
    expect((await (await w.as(w.bo, "manager")).post("/api/unit-groups", { ...body, ownerUnitId: null })).statusCode).toBe(403);
    const group = (await (await w.as(w.bo, "manager")).post("/api/unit-groups", body)).json() as UnitGroupView;
    const outsider = await w.as(w.elsewhere, "manager");
    expect((await outsider.patch(`/api/unit-groups/${group.id}`, { name: "x", version: 1 })).statusCode).toBe(403);
    expect((await outsider.get(`/api/unit-groups/${group.id}/units`)).statusCode).toBe(403);
    const visible = ((await outsider.get("/api/unit-groups")).json().groups as UnitGroupView[]).map((g) => g.id);
    expect(visible).not.toContain(group.id);
  });

  it("refuses a duplicate name, unknown members, a rule without criteria and unknown fields", async () => {
    const w = await world();
    const admin = await w.as(w.bo, "admin");
    const name = unique("Nhóm");
    expect((await admin.post("/api/unit-groups", { name, mode: "static", unitIds: [w.banA.id] })).statusCode).toBe(201);
    expect((await admin.post("/api/unit-groups", { name, mode: "static", unitIds: [w.banA.id] })).statusCode).toBe(409);
    const unknown = await admin.post("/api/unit-groups", {
      name: unique("Nhóm"),
      mode: "static",
      unitIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(400);
    expect((await admin.post("/api/unit-groups", { name: unique("Nhóm"), mode: "rule", rule: {} })).statusCode).toBe(400);
    expect(
      (await admin.post("/api/unit-groups", { name: unique("Nhóm"), mode: "rule", rule: { kinds: ["ban-chqs"], depth: 2 } })).statusCode,
    ).toBe(400);
    expect((await admin.post("/api/unit-groups", { name: unique("Nhóm"), mode: "static", unitIds: [], owner: "x" })).statusCode).toBe(400);
  });
});
