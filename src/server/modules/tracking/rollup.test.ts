import { beforeAll, describe, expect, it } from "vitest";
import type { ObligationCounts as TrackingCounts } from "../../../contracts/counts";
import type { Rollup } from "../../../contracts/tracking";
import { obligations } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { resolveSelector } from "../organisations/groups";
import { actorFor, makeObligation, makePlan, makeTask, obligationRow, type PlanRow, vn } from "./fixtures";
import { presentBoard, presentRollup } from "./presenter";
import { getRollup, startPath } from "./rollup";
import { loadBoard } from "./service";

const countKeys = ["expected", "submitted", "onTime", "late", "overdue", "returned", "accepted"] as const;
function sum(list: TrackingCounts[]): Record<(typeof countKeys)[number], number> {
  return Object.fromEntries(countKeys.map((k) => [k, list.reduce((s, c) => s + c[k], 0)])) as Record<(typeof countKeys)[number], number>;
}
const pick = (c: TrackingCounts) => sum([c]);

describe("roll-up start", () => {
  const a = "11111111-1111-4111-8111-111111111111/";
  const b = "22222222-2222-4222-8222-222222222222/";
  const c = "33333333-3333-4333-8333-333333333333/";
  it("starts at the deepest common ancestor of the obligated units", () => {
    expect(startPath(`${a}${b}`, `${a}${c}`)).toBe(a);
    expect(startPath(`${a}${b}${c}`, `${a}${c}`)).toBe(a);
  });
  it("starts above the roots when the units sit in different trees", () => {
    expect(startPath(`${a}${c}`, `${b}${c}`)).toBe("");
  });
  it("starts at the parent of a single obligated unit so that unit shows as a row", () => {
    expect(startPath(`${a}${b}`, `${a}${b}`)).toBe(a);
    expect(startPath(a, a)).toBe("");
  });
  it("never cuts inside an id that two siblings happen to share a prefix of", () => {
    const b2 = "22222222-2222-4222-8222-222222222229/";
    expect(startPath(`${a}${b}`, `${a}${b2}`)).toBe(a);
  });
});

describeOnDatabases("tracking roll-up", (ctx) => {
  let root: UnitRow;
  let ptkv1: UnitRow;
  let ptkv2: UnitRow;
  const bans: UnitRow[] = [];
  let plan: PlanRow;
  let author: UserRow;
  let admin: Actor;
  const now = vn("2026-05-31 08:01");

  // The cascade: a task targeting every Ban CHQS under the Bộ CHQS becomes one obligation per unit.
  beforeAll(async () => {
    const { db } = ctx();
    root = await makeUnit(db, { name: unique("Bộ CHQS thành phố"), kind: "bo-chqs", tree: "military" });
    ptkv1 = await makeUnit(db, { name: "Ban Chỉ huy PTKV 1", kind: "ptkv", parent: root });
    ptkv2 = await makeUnit(db, { name: "Ban Chỉ huy PTKV 2", kind: "ptkv", parent: root });
    await makeUnit(db, { name: "Trung đoàn 50", kind: "trung-doan", parent: root });
    for (const [name, parent] of [
      ["Ban CHQS xã An Lão", ptkv1],
      ["Ban CHQS xã Bạch Đằng", ptkv1],
      ["Ban CHQS phường Đồ Sơn", ptkv1],
      ["Ban CHQS xã Cát Hải", ptkv2],
      ["Ban CHQS xã Đông Hải", ptkv2],
      ["Ban CHQS phường Dương Kinh", root],
    ] as const) {
      bans.push(await makeUnit(db, { name, kind: "ban-chqs", parent }));
    }
    author = await makeUser(db, { unit: root, grants: [{ unit: root, role: "admin" }] });
    admin = await actorFor(db, author);
    plan = await makePlan(db, { issuerUnitId: root.id, createdBy: author.id });
    const report = await makeTask(db, { planId: plan.id, dueDate: "2026-05-31", dueTime: "08:00" });
    const speech = await makeTask(db, { planId: plan.id, dueDate: "2026-06-10", sortOrder: 1 });
    const targets = await resolveSelector(db, { rule: { kinds: ["ban-chqs"], underUnitId: root.id } });
    // A mix of states so every count takes part in the sums.
    const states = [
      { status: "submitted", submittedAt: vn("2026-05-30 09:00") },
      { status: "accepted", submittedAt: vn("2026-05-31 10:00"), lateSubmission: true },
      { status: "returned", submittedAt: vn("2026-05-29 09:00") },
      { status: "open" },
    ] as const;
    await db.insert(obligations).values(targets.map((t, i) => obligationRow(report, t.id, states[i % states.length])));
    await db.insert(obligations).values(targets.map((t) => obligationRow(speech, t.id)));
  });

  const rollup = async (parentUnitId?: string, actor = admin, planId = plan.id) =>
    presentRollup(await getRollup(ctx().db, { actor, planId, now, parentUnitId }));

  it("makes one obligation per Ban CHQS of the rule and none for other units", async () => {
    const board = presentBoard(await loadBoard(ctx().db, { actor: admin, planId: plan.id, now, filter: {} }), { limit: 200, offset: 0 });
    expect(board.rows.map((r) => r.unit.id).sort()).toEqual(bans.map((b) => b.id).sort());
    expect(board.rows.every((r) => r.counts.expected === 2)).toBe(true);
    expect(board.totals.expected).toBe(12);
  });

  it("starts at the Bộ CHQS and lists each child with its subtree's totals, summing to the whole", async () => {
    const r = await rollup();
    expect(r.parent?.id).toBe(root.id);
    expect(r.own).toBeNull();
    expect(r.children.map((c) => c.unit.name)).toEqual(["Ban Chỉ huy PTKV 1", "Ban Chỉ huy PTKV 2", "Ban CHQS phường Dương Kinh"]);
    expect(r.children.map((c) => c.counts.expected)).toEqual([6, 4, 2]);
    expect(r.children.map((c) => c.hasChildren)).toEqual([true, true, false]);
    expect(sum(r.children.map((c) => c.counts))).toEqual(pick(r.totals));
  });

  it("gives the same totals as the board, which equal the sum of the board's unit rows", async () => {
    const board = presentBoard(await loadBoard(ctx().db, { actor: admin, planId: plan.id, now, filter: {} }), { limit: 200, offset: 0 });
    const r = await rollup();
    expect(r.totals).toEqual(board.totals);
    expect(sum(board.rows.map((row) => row.counts))).toEqual(pick(board.totals));
    expect(r.totals.overdue).toBeGreaterThan(0);
    expect(r.totals.late).toBeGreaterThan(0);
  });

  it("drills down: a child's units add up to the child's line one level above", async () => {
    const top = await rollup();
    const line = top.children.find((c) => c.unit.id === ptkv1.id);
    const down = await rollup(ptkv1.id);
    expect(down.breadcrumb.map((b) => b.id)).toEqual([root.id, ptkv1.id]);
    expect(down.children.map((c) => c.unit.name)).toEqual(["Ban CHQS phường Đồ Sơn", "Ban CHQS xã An Lão", "Ban CHQS xã Bạch Đằng"]);
    expect(down.totals).toEqual(line?.counts);
    expect(sum(down.children.map((c) => c.counts))).toEqual(pick(down.totals));
    expect(down.children.every((c) => !c.hasChildren)).toBe(true);
  });

  it("lists a parent's own obligations apart, so own plus children equals the parent's subtree", async () => {
    const { db } = ctx();
    const ownPlan = await makePlan(db, { issuerUnitId: root.id, createdBy: author.id });
    const task = await makeTask(db, { planId: ownPlan.id, dueDate: "2026-05-20" });
    await makeObligation(db, task, root.id);
    await makeObligation(db, task, bans[0].id, { status: "accepted", submittedAt: vn("2026-05-19 08:00") });
    await makeObligation(db, task, bans[3].id);
    const r = await rollup(undefined, admin, ownPlan.id);
    expect(r.parent?.id).toBe(root.id);
    expect(r.own).toMatchObject({ expected: 1, overdue: 1 });
    expect(r.children.map((c) => c.unit.id)).toEqual([ptkv1.id, ptkv2.id]);
    const children = sum(r.children.map((c) => c.counts));
    const own = pick(r.own as TrackingCounts);
    expect(Object.fromEntries(countKeys.map((k) => [k, children[k] + own[k]]))).toEqual(pick(r.totals));
    expect(r.totals.expected).toBe(3);
  });

  it("starts above the roots when a plan's units sit in different trees", async () => {
    const { db } = ctx();
    const stateRoot = await makeUnit(db, { name: unique("UBND thành phố"), kind: "ubnd", tree: "state" });
    const commune = await makeUnit(db, { name: "UBND xã Cát Hải", kind: "ubnd", parent: stateRoot });
    const crossPlan = await makePlan(db, { issuerUnitId: root.id, createdBy: author.id });
    const task = await makeTask(db, { planId: crossPlan.id, dueDate: "2026-06-20" });
    await makeObligation(db, task, commune.id);
    await makeObligation(db, task, bans[1].id);
    const r = await rollup(undefined, admin, crossPlan.id);
    expect(r.parent).toBeNull();
    expect(r.breadcrumb).toEqual([]);
    expect(r.children.map((c) => c.unit.id).sort()).toEqual([root.id, stateRoot.id].sort());
  });

  it("counts only what a commune member may see: its own unit", async () => {
    const { db } = ctx();
    const member = await actorFor(db, await makeUser(db, { unit: bans[0], grants: [{ unit: bans[0], role: "member" }] }));
    const r = await rollup(undefined, member);
    expect(r.parent?.id).toBe(ptkv1.id);
    expect(r.children.map((c) => c.unit.id)).toEqual([bans[0].id]);
    expect(r.totals.expected).toBe(2);
    const fromTop = await rollup(root.id, member);
    expect(fromTop.children.map((c) => c.unit.id)).toEqual([ptkv1.id]);
    expect(fromTop.totals.expected).toBe(2);
  });

  it("refuses a parent unit outside the actor's scope with 403 and without its name", async () => {
    const { db } = ctx();
    const memberUser = await makeUser(db, { unit: bans[0], grants: [{ unit: bans[0], role: "member" }] });
    const member = await signedIn(ctx().app, memberUser);
    const sibling = await member.get(`/api/plans/${plan.id}/rollup?parentUnitId=${ptkv2.id}`);
    expect(sibling.statusCode).toBe(403);
    expect(sibling.body).not.toContain("PTKV 2");
    expect(sibling.body).not.toContain(ptkv2.id);
    // The same for the board's unit filter: no answer tells whether a unit outside the scope has work.
    const board = await member.get(`/api/plans/${plan.id}/board?unitId=${ptkv2.id}`);
    expect(board.statusCode).toBe(403);
    expect((await member.get(`/api/plans/${plan.id}/board.xlsx?unitId=${ptkv2.id}`)).statusCode).toBe(403);
    // Its own branch and the ancestors above it (its breadcrumb) stay open.
    expect((await member.get(`/api/plans/${plan.id}/rollup?parentUnitId=${ptkv1.id}`)).statusCode).toBe(200);
    expect((await member.get(`/api/plans/${plan.id}/board?unitId=${bans[0].id}`)).statusCode).toBe(200);
    // A unit of another tree, named to the issuer's own admin, is no unit of this plan either.
    const stranger = await makeUnit(db, { name: unique("Sở Ngoại vụ bí mật"), kind: "so", tree: "state" });
    const admin = await signedIn(ctx().app, author);
    const outside = await admin.get(`/api/plans/${plan.id}/rollup?parentUnitId=${stranger.id}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.body).not.toContain("Sở Ngoại vụ bí mật");
  });

  it("serves the roll-up over HTTP and answers 404 for an unknown parent unit", async () => {
    const c = await signedIn(ctx().app, author);
    const res = await c.get(`/api/plans/${plan.id}/rollup?parentUnitId=${ptkv2.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Rollup>();
    expect(body.parent?.name).toBe("Ban Chỉ huy PTKV 2");
    expect(body.children.map((ch) => ch.unit.name)).toEqual(["Ban CHQS xã Cát Hải", "Ban CHQS xã Đông Hải"]);
    expect((await c.get(`/api/plans/${plan.id}/rollup?parentUnitId=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${plan.id}/rollup?parentUnitId=abc`)).statusCode).toBe(400);
  });
});
