import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { emailOutbox, notificationEmails, plans } from "../../db/schema/index";
import { describeOnDatabases } from "../../testing/harness";
import { makeObligation, vn } from "../tracking/fixtures";
import { type MailTransport, sendPendingEmails } from "./outbox";
import { deliveredKeys, runReminders } from "./reminders";
import { deliveryCounts, manyObligations, notificationsOf, reminderScene } from "./testing/scene";

describeOnDatabases("reminder runner", (ctx) => {
  it("sends the 3-day, 1-day and daily overdue reminders at their instants, each once", async () => {
    const db = ctx().db;
    const s = await reminderScene(db, { date: "2031-06-05", time: "08:00" });
    const o = await makeObligation(db, s.task, s.unit.id);
    const steps: Array<[string, string[]]> = [
      ["2031-06-02 07:59", []],
      ["2031-06-02 08:00", ["before-3d"]],
      ["2031-06-03 12:00", ["before-3d"]],
      ["2031-06-04 08:00", ["before-3d", "before-1d"]],
      ["2031-06-05 08:00", ["before-3d", "before-1d"]],
      ["2031-06-05 08:01", ["before-3d", "before-1d", "overdue-2031-06-05"]],
      ["2031-06-06 07:00", ["before-3d", "before-1d", "overdue-2031-06-05"]],
      ["2031-06-06 08:00", ["before-3d", "before-1d", "overdue-2031-06-05", "overdue-2031-06-06"]],
    ];
    for (const [at, keys] of steps) {
      await runReminders(db, vn(at));
      await runReminders(db, vn(at));
      expect([at, (await deliveredKeys(db, o.id)).sort()]).toEqual([at, [...keys].sort()]);
    }
    const mine = await notificationsOf(db, s.member.id);
    expect(mine.map((n) => n.kind).sort()).toEqual(["reminder.before", "reminder.before", "reminder.overdue", "reminder.overdue"]);
    expect(mine.find((n) => n.kind === "reminder.overdue")?.title).toBe(`Quá hạn: ${s.task.what}`);
    expect(mine.find((n) => n.kind === "reminder.before")?.body).toContain("hạn 08 giờ 00 ngày 05/6/2031");
    // Viewers read; they are not the ones who must act.
    expect(await notificationsOf(db, s.viewer.id)).toEqual([]);
  });

  it("reminds nobody about submitted or accepted obligations, nor about draft plans", async () => {
    const db = ctx().db;
    const s = await reminderScene(db, { date: "2032-03-10", time: null });
    const submitted = await makeObligation(db, s.task, s.unit.id, { status: "submitted", submittedAt: vn("2032-03-01 09:00") });
    const draft = await reminderScene(db, { date: "2032-03-10", time: null });
    await db.update(plans).set({ status: "draft" }).where(eq(plans.id, draft.plan.id));
    const inDraft = await makeObligation(db, draft.task, draft.unit.id);
    await runReminders(db, vn("2032-03-12 09:00"));
    expect(await deliveredKeys(db, submitted.id)).toEqual([]);
    expect(await deliveredKeys(db, inDraft.id)).toEqual([]);
  });

  it("keeps reminding a returned obligation once it is overdue", async () => {
    const db = ctx().db;
    const s = await reminderScene(db, { date: "2033-01-10", time: "17:00" });
    const o = await makeObligation(db, s.task, s.unit.id, { status: "returned", submittedAt: vn("2033-01-09 10:00") });
    await runReminders(db, vn("2033-01-11 09:00"));
    expect(await deliveredKeys(db, o.id)).toEqual(["overdue-2033-01-10"]);
  });

  it("delivers each reminder exactly once when two runners work at the same time", async () => {
    const db = ctx().db;
    const s = await reminderScene(db, { date: "2034-02-01", time: "08:00" });
    const ids = await manyObligations(db, s.task, s.unit, 120);
    const now = vn("2034-01-31 09:00");
    // On PostgreSQL the second runner uses its own pool, as a second server process would.
    const other = ctx().kind === "postgres" ? await openDatabase({ url: process.env.TEST_DATABASE_URL }) : null;
    try {
      await Promise.all([runReminders(db, now, { batchSize: 25 }), runReminders(other?.db ?? db, now, { batchSize: 40 })]);
    } finally {
      await other?.close();
    }
    const { deliveries, notesPerObligation } = await deliveryCounts(db, ids);
    expect(deliveries).toHaveLength(ids.length);
    expect(new Set(deliveries.map((d) => d.key))).toEqual(new Set(["before-1d"]));
    expect(ids.map((id) => notesPerObligation.get(id) ?? 0)).toEqual(ids.map(() => 1));
  });

  it("queues e-mails only when asked (SMTP configured) and only for users who gave an address; the sender sends each once", async () => {
    const db = ctx().db;
    const s = await reminderScene(db, { date: "2035-04-20", time: null });
    await makeObligation(db, s.task, s.unit.id);
    const address = `${s.member.username}@example.vn`;
    await db.insert(notificationEmails).values({ userId: s.member.id, email: address });
    await runReminders(db, vn("2035-04-18 08:00"));
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.to, address))).toHaveLength(0);
    await runReminders(db, vn("2035-04-20 08:00"), { email: true });
    const queued = await db.select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: "pending", subject: `[kehoach] Sắp đến hạn: ${s.task.what}` });

    const sent: string[] = [];
    const recorder: MailTransport = { send: async (m) => void sent.push(m.to) };
    const failing: MailTransport = { send: async () => Promise.reject(new Error("SMTP 451")) };
    await sendPendingEmails(db, failing);
    const [afterFailure] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1, lastError: "Error: SMTP 451" });
    await Promise.all([sendPendingEmails(db, recorder), sendPendingEmails(db, recorder)]);
    await sendPendingEmails(db, recorder);
    expect(sent.filter((to) => to === address)).toEqual([address]);
    const [done] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(done).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("takes over an e-mail whose sender died once its lease has run out, not before", async () => {
    const db = ctx().db;
    const to = `lease-${Date.now()}@example.vn`;
    const claimedAt = new Date("2036-01-01T00:00:00Z");
    await db
      .insert(emailOutbox)
      .values({ to, subject: "s", body: "b", status: "sending", attempts: 1, lockedUntil: new Date(claimedAt.getTime() + 300_000) });
    const sent: string[] = [];
    const recorder: MailTransport = { send: async (m) => void sent.push(m.to) };
    await sendPendingEmails(db, recorder, { now: new Date(claimedAt.getTime() + 60_000) });
    expect(sent).not.toContain(to);
    await sendPendingEmails(db, recorder, { now: new Date(claimedAt.getTime() + 301_000) });
    expect(sent.filter((x) => x === to)).toEqual([to]);
  });
});
