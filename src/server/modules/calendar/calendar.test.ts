import ICAL from "ical.js";
import { expect, it } from "vitest";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { makeConference } from "../conferences/fixtures";
import { makeObligation, makePlan, makeTask } from "../tracking/fixtures";

describeOnDatabases("calendar feed", (ctx) => {
  async function scene() {
    const db = ctx().db;
    const issuer = await makeUnit(db);
    const unit = await makeUnit(db, { parent: issuer });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const member = await makeUser(db, { unit, grants: [{ unit, role: "member" }] });
    const plan = await makePlan(db, {
      issuerUnitId: issuer.id,
      createdBy: manager.id,
      number: "63-KH/TU",
      title: "Tổ chức Hội nghị sơ kết",
    });
    const conference = await makeConference(db, { planId: plan.id, hostUnitId: issuer.id, endsAt: new Date("2026-06-02T04:30:00Z") });
    // A conference without a time yet is not in the feed.
    await makeConference(db, { planId: plan.id, hostUnitId: issuer.id, title: "Hội nghị cấp xã", startsAt: null, endsAt: null });
    const timed = await makeTask(db, { planId: plan.id, dueDate: "2026-05-29", dueTime: "11:00", what: "Gửi bài tham luận" });
    const wholeDay = await makeTask(db, { planId: plan.id, dueDate: "2026-05-31", what: "Gửi danh sách đại biểu" });
    const o1 = await makeObligation(db, timed, unit.id);
    const o2 = await makeObligation(db, wholeDay, unit.id, { status: "submitted", submittedAt: new Date() });
    return { issuer, unit, manager, member, plan, conference, o1, o2 };
  }

  it("gives a member a secret address whose feed needs no sign-in and lists deadlines and conferences", async () => {
    const s = await scene();
    const client = await signedIn(ctx().app, s.member);
    const created = await client.post(`/api/units/${s.unit.id}/calendar-token`);
    expect(created.statusCode).toBe(201);
    const { path, url } = created.json();
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(url.endsWith(path)).toBe(true);
    const feed = await ctx().app.inject({ method: "GET", url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const ics = feed.body.replace(/\r\n /g, "");
    expect(ics).toContain(`UID:obligation-${s.o1.id}@kehoach`);
    expect(ics).toContain("SUMMARY:Hạn: Gửi bài tham luận");
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20260529T110000");
    expect(ics).toContain("DTSTART;VALUE=DATE:20260531");
    expect(ics).toContain("Tình trạng: đã gửi\\, chờ xem xét");
    expect(ics).toContain(`UID:conference-${s.conference.id}@kehoach`);
    expect(ics).toContain("SUMMARY:Hội nghị: Hội nghị sơ kết 1 năm");
    expect(ics).not.toContain("Hội nghị cấp xã");
    expect(ics).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20260602T080000\r\nDTEND;TZID=Asia/Ho_Chi_Minh:20260602T113000");
    expect(ics).toContain("LOCATION:Nhà hát Hoa Phượng\\, Trung tâm Hội nghị và Biểu diễn thành phố");
    // The same entries keep their UIDs from one fetch to the next.
    expect((await ctx().app.inject({ method: "GET", url: path })).body).toBe(feed.body);
  });

  it("keeps task text with bare CR from adding events to a unit's feed", async () => {
    const s = await scene();
    const task = await makeTask(ctx().db, {
      planId: s.plan.id,
      dueDate: "2026-06-01",
      what: "Gửi báo cáo\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil@x\rSUMMARY:Họp khẩn\rDTSTART:20260601T000000Z",
    });
    await makeObligation(ctx().db, task, s.unit.id);
    const client = await signedIn(ctx().app, s.member);
    const { path } = (await client.post(`/api/units/${s.unit.id}/calendar-token`)).json();
    const feed = (await ctx().app.inject({ method: "GET", url: path })).body;
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent");
    // Three deadlines and one conference; the injected text is one summary, not a fifth event.
    expect(events.map((e) => String(e.getFirstPropertyValue("uid"))).filter((uid) => uid === "evil@x")).toEqual([]);
    expect(events).toHaveLength(4);
    const injected = events.find((e) => String(e.getFirstPropertyValue("summary")).startsWith("Hạn: Gửi báo cáo"));
    expect(injected?.getFirstPropertyValue("summary")).toBe(
      "Hạn: Gửi báo cáo\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@x\nSUMMARY:Họp khẩn\nDTSTART:20260601T000000Z",
    );
  });

  it("answers 404 to a wrong token, a replaced one and a revoked one", async () => {
    const s = await scene();
    const client = await signedIn(ctx().app, s.member);
    const first = (await client.post(`/api/units/${s.unit.id}/calendar-token`)).json().path as string;
    const second = (await client.post(`/api/units/${s.unit.id}/calendar-token`)).json().path as string;
    expect((await ctx().app.inject({ method: "GET", url: first })).statusCode).toBe(404);
    expect((await ctx().app.inject({ method: "GET", url: second })).statusCode).toBe(200);
    const wrong = await ctx().app.inject({ method: "GET", url: `/api/calendar/${"A".repeat(43)}.ics` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe("NOT_FOUND");
    expect((await ctx().app.inject({ method: "GET", url: "/api/calendar/khong-phai-ma.ics" })).statusCode).toBe(404);
    expect((await client.delete(`/api/units/${s.unit.id}/calendar-token`)).statusCode).toBe(204);
    expect((await ctx().app.inject({ method: "GET", url: second })).statusCode).toBe(404);
  });

  it("lets only those who act for the unit create its address", async () => {
    const s = await scene();
    const db = ctx().db;
    const viewer = await makeUser(db, { unit: s.unit, grants: [{ unit: s.unit, role: "viewer" }] });
    const other = await makeUnit(db);
    const stranger = await makeUser(db, { unit: other, grants: [{ unit: other, role: "member" }] });
    expect((await (await signedIn(ctx().app, viewer)).post(`/api/units/${s.unit.id}/calendar-token`)).statusCode).toBe(403);
    expect((await (await signedIn(ctx().app, stranger)).post(`/api/units/${s.unit.id}/calendar-token`)).statusCode).toBe(403);
    expect((await (await signedIn(ctx().app, s.manager)).post(`/api/units/${s.unit.id}/calendar-token`)).statusCode).toBe(201);
    expect((await ctx().app.inject({ method: "POST", url: `/api/units/${s.unit.id}/calendar-token` })).statusCode).toBe(403);
  });
});
