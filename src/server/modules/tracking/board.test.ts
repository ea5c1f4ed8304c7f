import { beforeAll, expect, it } from "vitest";
import { type Board, boardSorts } from "../../../contracts/tracking";
import type { Actor } from "../../platform/access";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { actorFor, makeObligation, makePlan, makeTask, type PlanRow, vn } from "./fixtures";
import { presentBoard } from "./presenter";
import { loadBoard } from "./service";

describeOnDatabases("tracking board", (ctx) => {
  let root: UnitRow;
  let mid: UnitRow;
  const u: Record<string, UnitRow> = {};
  let plan: PlanRow;
  let datePlan: PlanRow;
  let manager: Actor;

  // One obligation per unit, one per state, on a deadline of 08:00 on 31/5/2026 (Vietnam time).
  beforeAll(async () => {
    const { db } = ctx();
    root = await makeUnit(db, { name: unique("Bộ CHQS thành phố"), kind: "bo-chqs", tree: "military" });
    mid = await makeUnit(db, { name: "Ban Chỉ huy PTKV 1", kind: "ptkv", parent: root });
    const under = (name: string, parent: UnitRow) => makeUnit(db, { name, kind: "ban-chqs", parent });
    u.open = await under("Ban CHQS xã Đông Hải", root);
    u.onTime = await under("Ban CHQS phường Dương Kinh", root);
    u.late = await under("Ban CHQS xã An Lão", root);
    u.acceptedLate = await under("Ban CHQS xã Bạch Đằng", mid);
    u.returned = await under("Ban CHQS phường Đồ Sơn", root);
    u.acceptedOnTime = await under("Ban CHQS xã Cát Hải", mid);
    u.otherTree = await makeUnit(db, { name: unique("Ban CHQS xã Ân Thi"), kind: "ban-chqs", tree: "state" });
    const author = await makeUser(db, { unit: root, grants: [{ unit: root, role: "manager" }] });
    manager = await actorFor(db, author);
    plan = await makePlan(db, { issuerUnitId: root.id, createdBy: author.id });
    const task = await makeTask(db, { planId: plan.id, dueDate: "2026-05-31", dueTime: "08:00" });
    await makeObligation(db, task, u.open.id);
    await makeObligation(db, task, u.onTime.id, { status: "submitted", submittedAt: vn("2026-05-30 10:00") });
    await makeObligation(db, task, u.late.id, { status: "submitted", submittedAt: vn("2026-05-31 09:00"), lateSubmission: true });
    await makeObligation(db, task, u.acceptedLate.id, { status: "accepted", submittedAt: vn("2026-06-01 07:00"), lateSubmission: true });
    await makeObligation(db, task, u.returned.id, { status: "returned", submittedAt: vn("2026-05-30 15:00") });
    await makeObligation(db, task, u.acceptedOnTime.id, { status: "accepted", submittedAt: vn("2026-05-30 10:30") });
    await makeObligation(db, task, u.otherTree.id, { status: "submitted", submittedAt: vn("2026-05-31 07:59") });
    datePlan = await makePlan(db, { issuerUnitId: root.id, createdBy: author.id });
    const wholeDay = await makeTask(db, { planId: datePlan.id, dueDate: "2026-06-02", dueTime: null });
    await makeObligation(db, wholeDay, u.open.id);
  });

  const page = { limit: 200, offset: 0 };
  const board = async (now: Date, filter: Parameters<typeof loadBoard>[1]["filter"] = {}, planId = plan.id) =>
    presentBoard(await loadBoard(ctx().db, { actor: manager, planId, now, filter, page }), page);
  const names = (b: Board) => b.rows.map((r) => r.unit.name);
  const row = (b: Board, unit: UnitRow) => b.rows.find((r) => r.unit.id === unit.id);

  it("counts every state at the deadline minute: nothing overdue yet", async () => {
    const b = await board(vn("2026-05-31 08:00"));
    expect(b.totals).toEqual({
      expected: 7,
      submitted: 5,
      onTime: 3,
      late: 2,
      overdue: 0,
      returned: 1,
      accepted: 2,
      completeness: 0.7143,
      onTimeRate: 0.4286,
    });
    expect(b.rows).toHaveLength(7);
    expect(b.rows.every((r) => !r.overdue)).toBe(true);
    expect(b.chart.byStatus).toEqual({ open: 1, submitted: 3, returned: 1, accepted: 2 });
  });

  it("one minute after the deadline counts the open and the returned obligation as overdue", async () => {
    const b = await board(vn("2026-05-31 08:01"));
    expect(b.totals.overdue).toBe(2);
    expect(
      b.rows
        .filter((r) => r.overdue)
        .map((r) => r.unit.id)
        .sort(),
    ).toEqual([u.open.id, u.returned.id].sort());
    expect(row(b, u.open)?.nextDueAt).toBe("2026-05-31T01:00:00.000Z");
    expect(row(b, u.onTime)?.nextDueAt).toBeNull();
  });

  it("keeps a late submission late after it is accepted, and never counts it on time", async () => {
    const r = row(await board(vn("2026-06-05 00:00")), u.acceptedLate);
    expect(r?.late).toBe(true);
    expect(r?.counts).toMatchObject({ submitted: 1, accepted: 1, late: 1, onTime: 0, overdue: 0 });
    expect(r?.lastSubmittedAt).toBe(vn("2026-06-01 07:00").toISOString());
  });

  it("a date-only deadline lasts the whole Vietnam day: not overdue at 23:59, overdue in the first minute of the next day", async () => {
    expect((await board(vn("2026-06-02 23:59:59"), {}, datePlan.id)).totals.overdue).toBe(0);
    const next = await board(vn("2026-06-03 00:00:01"), {}, datePlan.id);
    expect(next.totals.overdue).toBe(1);
    expect(next.rows[0].nextDueAt).toBe("2026-06-02T17:00:00.000Z");
  });

  it("charts deliveries per Vietnam day with a running total", async () => {
    const b = await board(vn("2026-06-05 00:00"));
    expect(b.chart.submissionsByDay).toEqual([
      { date: "2026-05-30", submitted: 2, late: 0, cumulative: 2 },
      { date: "2026-05-31", submitted: 2, late: 1, cumulative: 4 },
      { date: "2026-06-01", submitted: 1, late: 1, cumulative: 5 },
    ]);
  });

  it("finds units by name without diacritics or with them", async () => {
    const now = vn("2026-05-31 08:01");
    expect(names(await board(now, { q: "dong hai" }))).toEqual(["Ban CHQS xã Đông Hải"]);
    expect(names(await board(now, { q: "Đông Hải" }))).toEqual(["Ban CHQS xã Đông Hải"]);
    expect(names(await board(now, { q: "DUONG KINH" }))).toEqual(["Ban CHQS phường Dương Kinh"]);
    expect((await board(now, { q: "khong co don vi nay" })).rows).toEqual([]);
    expect(names(await board(now, { q: "dong hai ban chqs" }))).toEqual(["Ban CHQS xã Đông Hải"]);
    expect(names(await board(now, { q: "hai xa dong" }))).toEqual(["Ban CHQS xã Đông Hải"]);
    expect((await board(now, { q: "dong hai phuong" })).rows).toEqual([]);
  });

  it("filters rows by status and computes the totals over the kept rows only", async () => {
    const now = vn("2026-05-31 08:01");
    const ids = async (status: NonNullable<Parameters<typeof board>[1]>["status"]) =>
      (await board(now, { status })).rows.map((r) => r.unit.id).sort();
    expect(await ids("overdue")).toEqual([u.open.id, u.returned.id].sort());
    expect(await ids("late")).toEqual([u.late.id, u.acceptedLate.id].sort());
    expect(await ids("returned")).toEqual([u.returned.id]);
    expect(await ids("accepted")).toEqual([u.acceptedLate.id, u.acceptedOnTime.id].sort());
    expect(await ids("onTime")).toEqual([u.onTime.id, u.acceptedOnTime.id, u.otherTree.id].sort());
    expect(await ids("pending")).toEqual([u.open.id, u.returned.id].sort());
    expect((await ids("complete")).length).toBe(5);
    const overdueOnly = await board(now, { status: "overdue" });
    expect(overdueOnly.totals).toMatchObject({ expected: 2, overdue: 2, submitted: 0 });
    expect(overdueOnly.chart.submissionsByDay).toEqual([]);
  });

  it("filters by subtree and by tree", async () => {
    const now = vn("2026-05-31 08:01");
    expect((await board(now, { unitId: mid.id })).rows.map((r) => r.unit.id).sort()).toEqual(
      [u.acceptedLate.id, u.acceptedOnTime.id].sort(),
    );
    expect((await board(now, { tree: "state" })).rows.map((r) => r.unit.id)).toEqual([u.otherTree.id]);
    expect((await board(now, { tree: "military" })).rows).toHaveLength(6);
  });

  it("sorts names in Vietnamese alphabetical order (Â after A, Đ after D), ascending and descending", async () => {
    const now = vn("2026-05-31 08:01");
    const asc = names(await board(now, { q: "xa" }));
    expect(asc).toEqual([
      "Ban CHQS xã An Lão",
      expect.stringMatching(/^Ban CHQS xã Ân Thi/),
      "Ban CHQS xã Bạch Đằng",
      "Ban CHQS xã Cát Hải",
      "Ban CHQS xã Đông Hải",
    ]);
    expect(names(await board(now, { q: "xa", order: "desc" }))).toEqual([...asc].reverse());
    expect(names(await board(now, { q: "phuong" }))).toEqual(["Ban CHQS phường Dương Kinh", "Ban CHQS phường Đồ Sơn"]);
  });

  it("sorts by a count with ties by name, and puts units without a date last either way", async () => {
    const now = vn("2026-05-31 08:01");
    const byOverdue = await board(now, { sort: "overdue", order: "desc" });
    expect(names(byOverdue).slice(0, 2)).toEqual(["Ban CHQS phường Đồ Sơn", "Ban CHQS xã Đông Hải"]);
    const byDue = await board(now, { sort: "nextDueAt", order: "desc" });
    expect(byDue.rows.slice(0, 2).every((r) => r.nextDueAt !== null)).toBe(true);
    expect(byDue.rows.slice(2).every((r) => r.nextDueAt === null)).toBe(true);
    const bySubmission = await board(now, { sort: "lastSubmittedAt", order: "desc" });
    expect(bySubmission.rows[0].unit.id).toBe(u.acceptedLate.id);
    expect(bySubmission.rows.at(-1)?.unit.id).toBe(u.open.id);
    const byCompleteness = await board(now, { sort: "completeness" });
    expect(byCompleteness.rows.slice(0, 2).map((r) => r.counts.completeness)).toEqual([0, 0]);
  });

  it("pages in the same order as the full export for every sort column and direction", async () => {
    const now = vn("2026-05-31 08:01");
    for (const sort of boardSorts) {
      for (const order of ["asc", "desc"] as const) {
        const full = await loadBoard(ctx().db, { actor: manager, planId: plan.id, now, filter: { sort, order } });
        const paged = await loadBoard(ctx().db, {
          actor: manager,
          planId: plan.id,
          now,
          filter: { sort, order },
          page: { limit: 3, offset: 2 },
        });
        expect(
          paged.rows.map((r) => r.unit.id),
          `${sort} ${order}`,
        ).toEqual(full.rows.slice(2, 5).map((r) => r.unit.id));
        expect(paged.rowCount).toBe(7);
        expect(paged.totals).toEqual(full.totals);
      }
    }
  });
});
