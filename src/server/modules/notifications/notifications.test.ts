import { expect, it } from "vitest";
import { notifications } from "../../db/schema/index";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { makeObligation, vn } from "../tracking/fixtures";
import { runReminders } from "./reminders";
import { reminderScene } from "./testing/scene";

describeOnDatabases("notifications API", (ctx) => {
  it("lists my reminders newest first with the unread count, and marks one read", async () => {
    const db = ctx().db;
    const s = await reminderScene(db, { date: "2037-05-10", time: "08:00" });
    await makeObligation(db, s.task, s.unit.id);
    await runReminders(db, vn("2037-05-07 09:00"));
    await runReminders(db, vn("2037-05-09 09:00"));
    const client = await signedIn(ctx().app, s.member);
    const list = await client.get("/api/notifications");
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.unread).toBe(2);
    expect(body.items.map((n: { title: string }) => n.title)).toEqual([`Sắp đến hạn: ${s.task.what}`, `Sắp đến hạn: ${s.task.what}`]);
    expect(body.items[0].body).toContain("còn 23 giờ");
    expect((await client.post(`/api/notifications/${body.items[0].id}/read`)).statusCode).toBe(204);
    const after = (await client.get("/api/notifications?unread=true")).json();
    expect(after.unread).toBe(1);
    expect(after.items).toHaveLength(1);
  });

  it("shows unit-wide notices to the unit's members, and never another unit's", async () => {
    const db = ctx().db;
    const unit = await makeUnit(db);
    const other = await makeUnit(db);
    const member = await makeUser(db, { unit, grants: [{ unit, role: "member" }] });
    const stranger = await makeUser(db, { unit: other, grants: [{ unit: other, role: "member" }] });
    const [note] = await db
      .insert(notifications)
      .values({ unitId: unit.id, kind: "reminder.overdue", title: "Quá hạn: báo cáo", body: "…" })
      .returning();
    const mine = (await (await signedIn(ctx().app, member)).get("/api/notifications")).json();
    expect(mine.items.map((n: { id: string }) => n.id)).toEqual([note.id]);
    const strangerClient = await signedIn(ctx().app, stranger);
    expect((await strangerClient.get("/api/notifications")).json().items).toEqual([]);
    const refused = await strangerClient.post(`/api/notifications/${note.id}/read`);
    expect(refused.statusCode).toBe(404);
  });

  it("requires sign-in", async () => {
    expect((await ctx().app.inject({ method: "GET", url: "/api/notifications" })).statusCode).toBe(401);
  });

  it("keeps my reminder e-mail address, refusing a malformed one and unknown fields", async () => {
    const db = ctx().db;
    const unit = await makeUnit(db);
    const user = await makeUser(db, { unit, grants: [{ unit, role: "member" }] });
    const client = await signedIn(ctx().app, user);
    expect((await client.put("/api/notifications/email", { email: "không-phải-email" })).statusCode).toBe(400);
    expect((await client.put("/api/notifications/email", { email: "a@b.vn", admin: true })).statusCode).toBe(400);
    expect((await client.put("/api/notifications/email", { email: "vanthu@haiphong.gov.vn" })).json()).toEqual({
      email: "vanthu@haiphong.gov.vn",
    });
    expect((await client.get("/api/notifications/email")).json()).toEqual({ email: "vanthu@haiphong.gov.vn" });
    expect((await client.put("/api/notifications/email", { email: null })).json()).toEqual({ email: null });
    expect((await client.get("/api/notifications/email")).json()).toEqual({ email: null });
  });
});
