import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { dueInstant } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { notifications, obligations, plans, tasks } from "../../db/schema/index";
import type { DeliveredEvent } from "../../platform/live/hub";
import { makeUnit, makeUser, type UserRow } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { urgingLetterDocx } from "../documents/service";
import { acceptObligation, returnObligation, submit } from "../obligations/service";
import { issuePlan } from "../plans/service";
import { createTask } from "../plans/tasks";
import { actorFor, makePlan, makeTask, vn } from "../tracking/fixtures";

/**
 * An issuing unit with two managers (one wrote the plan), two communes under it (A with two members and a
 * viewer, B with one member), a commune the plan does not concern, and a draft plan of two tasks:
 * the first for A and B (17:00 30/11/2037), the second for A only (05/12/2037).
 */
async function scene(db: Db) {
  const issuer = await makeUnit(db);
  const a = await makeUnit(db, { parent: issuer });
  const b = await makeUnit(db, { parent: issuer });
  const c = await makeUnit(db, { parent: issuer });
  const author = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
  const manager2 = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
  const a1 = await makeUser(db, { unit: a, grants: [{ unit: a, role: "member" }] });
  const a2 = await makeUser(db, { unit: a, grants: [{ unit: a, role: "member" }] });
  const aViewer = await makeUser(db, { unit: a, grants: [{ unit: a, role: "viewer" }] });
  const b1 = await makeUser(db, { unit: b, grants: [{ unit: b, role: "member" }] });
  const c1 = await makeUser(db, { unit: c, grants: [{ unit: c, role: "member" }] });
  const plan = await makePlan(db, {
    issuerUnitId: issuer.id,
    createdBy: author.id,
    status: "draft",
    number: `${Math.floor(Math.random() * 9000) + 100}/KH-UBND`,
  });
  const t1 = await makeTask(db, {
    planId: plan.id,
    dueDate: "2037-11-30",
    dueTime: "17:00",
    what: "Gửi báo cáo tổng kết 5 năm",
    sortOrder: 0,
  });
  const t2 = await makeTask(db, { planId: plan.id, dueDate: "2037-12-05", what: "Gửi danh sách đại biểu dự hội nghị", sortOrder: 1 });
  await db
    .update(tasks)
    .set({ target: { unitIds: [a.id, b.id] } })
    .where(eq(tasks.id, t1.id));
  await db
    .update(tasks)
    .set({ target: { unitIds: [a.id] } })
    .where(eq(tasks.id, t2.id));
  const everyone = { author, manager2, a1, a2, aViewer, b1, c1 };
  return { issuer, a, b, c, plan, t1, t2, ...everyone, everyone };
}

async function inbox(db: Db, users: Record<string, UserRow>, kind: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        inArray(
          notifications.userId,
          Object.values(users).map((u) => u.id),
        ),
        eq(notifications.kind, kind as never),
      ),
    );
  const byName: Record<string, typeof rows> = {};
  for (const [name, u] of Object.entries(users)) {
    const mine = rows.filter((r) => r.userId === u.id);
    if (mine.length) byName[name] = mine;
  }
  return byName;
}

async function obligationOf(db: Db, taskId: string, unitId: string) {
  const [o] = await db
    .select()
    .from(obligations)
    .where(and(eq(obligations.taskId, taskId), eq(obligations.unitId, unitId)));
  return o;
}

async function issued(db: Db) {
  const s = await scene(db);
  await issuePlan(db, { actor: await actorFor(db, s.author), planId: s.plan.id, version: s.plan.version, now: vn("2037-11-01 09:00") });
  return s;
}

describeOnDatabases("notifications of what happens to obligations", (ctx) => {
  it("tells each person of each assigned unit once per plan when it is issued, with names and deadlines, and nobody else", async () => {
    const db = ctx().db;
    const s = await scene(db);
    const heard: DeliveredEvent[] = [];
    const stop = ctx().app.live.subscribe([`user:${s.a1.id}`, `user:${s.b1.id}`, `user:${s.c1.id}`], {
      event: (e) => heard.push(e),
      resync: () => undefined,
    });
    await issuePlan(db, { actor: await actorFor(db, s.author), planId: s.plan.id, version: s.plan.version, now: vn("2037-11-01 09:00") });
    const got = await inbox(db, s.everyone, "obligation.assigned");
    expect(Object.keys(got).sort()).toEqual(["a1", "a2", "b1"]);
    for (const n of Object.values(got)) expect(n).toHaveLength(1);
    const [toA] = got.a1;
    expect(toA.title).toBe(`Nhiệm vụ mới: Kế hoạch số ${s.plan.number} “${s.plan.title}”`);
    expect(toA.body).toBe(
      `${s.issuer.name} giao cho ${s.a.name} 2 nhiệm vụ theo Kế hoạch số ${s.plan.number} “${s.plan.title}”: ` +
        "«Gửi báo cáo tổng kết 5 năm» (hạn 17:00 ngày 30/11/2037); «Gửi danh sách đại biểu dự hội nghị» (hạn ngày 05/12/2037).",
    );
    expect(toA.obligationId).toBeNull();
    expect(toA.planId).toBe(s.plan.id);
    const [toB] = got.b1;
    expect(toB.body).toContain(`giao cho ${s.b.name} 1 nhiệm vụ`);
    expect(toB.obligationId).toBe((await obligationOf(db, s.t1.id, s.b.id)).id);
    // The bell: the link opens the obligation, or the unit's work list when there are several.
    const bell = (await (await signedIn(ctx().app, s.b1)).get("/api/notifications")).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ kind: "obligation.assigned", link: `/obligations/${toB.obligationId}` });
    // Live: after the commit, one event per notification, to its own user only.
    while (heard.length < 2) await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(heard.map((e) => e.topic).sort()).toEqual([`user:${s.a1.id}`, `user:${s.b1.id}`].sort());
    expect(heard.find((e) => e.topic === `user:${s.b1.id}`)?.data).toMatchObject({ notificationId: toB.id, kind: "obligation.assigned" });
  });

  it("tells the units of a task added to an issued plan", async () => {
    const db = ctx().db;
    const s = await issued(db);
    await createTask(db, {
      actor: await actorFor(db, s.author),
      planId: s.plan.id,
      input: { what: "Gửi ảnh hoạt động", deliverable: "report", target: { unitIds: [s.b.id] }, dueDate: "2037-12-20", dueTime: "08:00" },
      now: vn("2037-11-02 09:00"),
    });
    const got = await inbox(db, s.everyone, "obligation.assigned");
    expect(got.b1).toHaveLength(2);
    expect(got.a1).toHaveLength(1);
    expect(got.b1.some((n) => n.body.includes("«Gửi ảnh hoạt động» (hạn 08:00 ngày 20/12/2037)"))).toBe(true);
  });

  it("tells the plan's managers of a submission, the unit of a return with its reason and of an acceptance", async () => {
    const db = ctx().db;
    const s = await issued(db);
    const o = await obligationOf(db, s.t1.id, s.a.id);
    await submit(db, {
      actor: await actorFor(db, s.a1),
      obligationId: o.id,
      text: "Báo cáo kèm theo",
      files: [],
      now: vn("2037-11-10 09:00"),
    });
    let got = await inbox(db, s.everyone, "obligation.submitted");
    expect(Object.keys(got).sort()).toEqual(["author", "manager2"]);
    expect(got.author[0].title).toBe(`${s.a.name} đã nộp: Gửi báo cáo tổng kết 5 năm`);
    expect(got.author[0].body).toContain("(hạn 17:00 ngày 30/11/2037)");
    expect(got.author[0].obligationId).toBe(o.id);

    await returnObligation(db, {
      actor: await actorFor(db, s.manager2),
      obligationId: o.id,
      version: o.version + 1,
      reason: "Thiếu biểu số liệu kèm theo",
      now: vn("2037-11-11 09:00"),
    });
    got = await inbox(db, s.everyone, "obligation.returned");
    expect(Object.keys(got).sort()).toEqual(["a1", "a2"]);
    expect(got.a1[0].title).toBe("Bị trả lại: Gửi báo cáo tổng kết 5 năm");
    expect(got.a1[0].body).toContain("Lý do: Thiếu biểu số liệu kèm theo.");
    expect(got.a1[0].body).toContain(s.issuer.name);

    // A late resubmission (after 17:00 on the 30th) says so.
    await submit(db, { actor: await actorFor(db, s.a2), obligationId: o.id, text: "Đã bổ sung", files: [], now: vn("2037-11-30 17:01") });
    got = await inbox(db, s.everyone, "obligation.submitted");
    expect(got.author).toHaveLength(2);
    expect(got.author.some((n) => n.body.includes("Bài nộp sau hạn."))).toBe(true);

    await acceptObligation(db, {
      actor: await actorFor(db, s.author),
      obligationId: o.id,
      version: o.version + 3,
      now: vn("2037-12-01 09:00"),
    });
    got = await inbox(db, s.everyone, "obligation.accepted");
    expect(Object.keys(got).sort()).toEqual(["a1", "a2"]);
    expect(got.a2[0].title).toBe("Đã tiếp nhận: Gửi báo cáo tổng kết 5 năm");
  });

  it("moves an issued task's deadline with its owed obligations and tells the units still owing it", async () => {
    const db = ctx().db;
    const s = await issued(db);
    const done = await obligationOf(db, s.t1.id, s.a.id);
    await db.update(obligations).set({ status: "accepted" }).where(eq(obligations.id, done.id));
    const client = await signedIn(ctx().app, s.author);
    // Anything but the deadline stays refused on an issued plan.
    expect((await client.patch(`/api/tasks/${s.t1.id}`, { what: "Việc khác", version: s.t1.version })).statusCode).toBe(409);
    const moved = await client.patch(`/api/tasks/${s.t1.id}`, { dueDate: "2037-12-02", version: s.t1.version });
    expect(moved.statusCode).toBe(200);
    expect((await obligationOf(db, s.t1.id, s.b.id)).dueAt.toISOString()).toBe(dueInstant("2037-12-02", "17:00").toISOString());
    expect((await obligationOf(db, s.t1.id, s.a.id)).dueDate).toBe("2037-11-30");
    const got = await inbox(db, s.everyone, "obligation.deadline");
    expect(Object.keys(got)).toEqual(["b1"]);
    expect(got.b1[0].body).toBe(
      `Hạn của «Gửi báo cáo tổng kết 5 năm» theo Kế hoạch số ${s.plan.number} “${s.plan.title}” (${s.b.name}) đổi từ 17:00 ngày 30/11/2037 thành 17:00 ngày 02/12/2037.`,
    );
    const stranger = await signedIn(ctx().app, s.b1);
    const [t1] = await db.select().from(tasks).where(eq(tasks.id, s.t1.id));
    expect((await stranger.patch(`/api/tasks/${s.t1.id}`, { dueDate: "2038-01-02", version: t1.version })).statusCode).toBe(403);
  });

  it("tells the late units when an urging letter is made, listing what each owes", async () => {
    const db = ctx().db;
    const s = await issued(db);
    const o = await obligationOf(db, s.t1.id, s.b.id);
    await submit(db, { actor: await actorFor(db, s.b1), obligationId: o.id, text: "Đã gửi", files: [], now: vn("2037-11-20 09:00") });
    await urgingLetterDocx(db, { actor: await actorFor(db, s.author), planId: s.plan.id, request: {}, now: vn("2037-12-10 09:00") });
    const got = await inbox(db, s.everyone, "obligation.urged");
    expect(Object.keys(got).sort()).toEqual(["a1", "a2"]);
    expect(got.a1[0].title).toBe(`Đôn đốc: Kế hoạch số ${s.plan.number} “${s.plan.title}”`);
    expect(got.a1[0].body).toContain(`đôn đốc ${s.a.name}`);
    expect(got.a1[0].body).toContain("còn 2 nhiệm vụ chưa xong");
  });

  it("notifies nobody when the transaction that caused it rolls back", async () => {
    const db = ctx().db;
    const s = await scene(db);
    await db.update(plans).set({ version: s.plan.version }).where(eq(plans.id, s.plan.id));
    await expect(
      issuePlan(db, { actor: await actorFor(db, s.author), planId: s.plan.id, version: s.plan.version + 7, now: vn("2037-11-01 09:00") }),
    ).rejects.toThrow();
    expect(await inbox(db, s.everyone, "obligation.assigned")).toEqual({});
  });
});
