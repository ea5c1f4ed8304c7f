import { beforeAll, expect, it } from "vitest";
import type { MyWork } from "../../../contracts/tracking";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { actorFor, makeObligation, makePlan, makeTask, vn } from "./fixtures";
import { listMyWork } from "./my-work";
import { presentMyWork } from "./presenter";

describeOnDatabases("my work", (ctx) => {
  let root: UnitRow;
  let communeA: UnitRow;
  let communeB: UnitRow;
  const users: Record<string, UserRow> = {};

  beforeAll(async () => {
    const { db } = ctx();
    root = await makeUnit(db, { name: unique("Bộ CHQS thành phố"), kind: "bo-chqs", tree: "military" });
    communeA = await makeUnit(db, { name: "Ban CHQS xã Đông Hải", kind: "ban-chqs", parent: root });
    communeB = await makeUnit(db, { name: "Ban CHQS xã An Lão", kind: "ban-chqs", parent: root });
    users.manager = await makeUser(db, { unit: root, grants: [{ unit: root, role: "manager" }] });
    users.memberA = await makeUser(db, { unit: communeA, grants: [{ unit: communeA, role: "member" }] });
    users.viewer = await makeUser(db, { unit: root, grants: [{ unit: root, role: "viewer" }] });

    const plan = await makePlan(db, { issuerUnitId: root.id, createdBy: users.manager.id, title: "Kế hoạch diễn tập khu vực phòng thủ" });
    const later = await makeTask(db, { planId: plan.id, what: "Gửi báo cáo kết quả diễn tập", dueDate: "2026-06-10", dueTime: "17:00" });
    const sooner = await makeTask(db, {
      planId: plan.id,
      what: "Gửi danh sách đại biểu",
      deliverable: "delegates",
      dueDate: "2026-06-01",
      dueTime: "08:00",
    });
    const done = await makeTask(db, { planId: plan.id, what: "Xác nhận tham dự", deliverable: "confirmation", dueDate: "2026-05-25" });
    await makeObligation(db, later, communeA.id);
    await makeObligation(db, sooner, communeA.id, { status: "returned", submittedAt: vn("2026-05-30 09:00") });
    await makeObligation(db, done, communeA.id, { status: "submitted", submittedAt: vn("2026-05-24 09:00") });
    await makeObligation(db, done, communeB.id, { status: "accepted", submittedAt: vn("2026-05-24 10:00") });
    await makeObligation(db, later, communeB.id);

    const second = await makePlan(db, { issuerUnitId: root.id, createdBy: users.manager.id, title: "Kế hoạch tổng kết năm" });
    const whole = await makeTask(db, { planId: second.id, what: "Gửi báo cáo tổng kết", dueDate: "2026-06-05" });
    await makeObligation(db, whole, communeA.id);

    const draft = await makePlan(db, { issuerUnitId: root.id, createdBy: users.manager.id, status: "draft" });
    const drafted = await makeTask(db, { planId: draft.id, dueDate: "2026-05-20" });
    await makeObligation(db, drafted, communeA.id);
  });

  const myWork = async (user: UserRow, now: Date, unitId?: string) =>
    presentMyWork(await listMyWork(ctx().db, { actor: await actorFor(ctx().db, user), now, unitId }));

  it("lists a member's open and returned obligations of issued plans, earliest deadline first", async () => {
    const work = await myWork(users.memberA, vn("2026-05-31 08:00"));
    expect(work.items.map((i) => i.task.what)).toEqual(["Gửi danh sách đại biểu", "Gửi báo cáo tổng kết", "Gửi báo cáo kết quả diễn tập"]);
    expect(work.items.map((i) => i.status)).toEqual(["returned", "open", "open"]);
    expect(work.items[0]).toMatchObject({
      plan: { title: "Kế hoạch diễn tập khu vực phòng thủ" },
      task: { deliverable: "delegates" },
      unit: { id: communeA.id },
      returnedReason: expect.any(String),
      dueDate: "2026-06-01",
      dueTime: "08:00",
    });
    expect(work.truncated).toBe(false);
  });

  it("gives the time left to the minute, negative once overdue", async () => {
    const before = await myWork(users.memberA, vn("2026-05-31 08:00"));
    expect(before.items[0]).toMatchObject({ minutesLeft: 1440, overdue: false, timeLeftLabel: "còn 1 ngày" });
    // The whole-day deadline of 5/6 runs to the end of that day: 5 days and 16 hours from 08:00 on 31/5.
    expect(before.items[1]).toMatchObject({ minutesLeft: 5 * 1440 + 16 * 60, overdue: false });
    const after = await myWork(users.memberA, vn("2026-06-01 09:30"));
    expect(after.items[0]).toMatchObject({ minutesLeft: -90, overdue: true, timeLeftLabel: "quá hạn 1 giờ 30 phút" });
  });

  it("gives a manager its whole subtree, narrowed by unitId on request", async () => {
    const all = await myWork(users.manager, vn("2026-05-31 08:00"));
    expect(new Set(all.items.map((i) => i.unit.id))).toEqual(new Set([communeA.id, communeB.id]));
    expect(all.items.map((i) => i.dueAt)).toEqual([...all.items.map((i) => i.dueAt)].sort());
    const onlyB = await myWork(users.manager, vn("2026-05-31 08:00"), communeB.id);
    expect(onlyB.items.map((i) => i.unit.name)).toEqual(["Ban CHQS xã An Lão"]);
  });

  it("refuses another unit's work to a member, and my-work to an account that only watches (403)", async () => {
    const c = await signedIn(ctx().app, users.memberA);
    const res = await c.get(`/api/my-work?unitId=${communeB.id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toContain("đơn vị mình");
    const viewer = await signedIn(ctx().app, users.viewer);
    expect((await viewer.get("/api/my-work")).statusCode).toBe(403);
    expect((await c.get("/api/my-work?unitId=00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await c.get("/api/my-work?limit=0")).statusCode).toBe(400);
  });

  it("serves my-work over HTTP and says when the list was cut", async () => {
    const c = await signedIn(ctx().app, users.memberA);
    const res = await c.get("/api/my-work?limit=2");
    expect(res.statusCode).toBe(200);
    const body = res.json<MyWork>();
    expect(body.items).toHaveLength(2);
    expect(body.truncated).toBe(true);
    expect(body.items[0].task.what).toBe("Gửi danh sách đại biểu");
  });
});
