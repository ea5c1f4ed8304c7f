import { describe, expect, it } from "vitest";
import type { Readiness, SpeechList } from "../../../contracts/conference-program";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { draftWithTasks, makeCity } from "../plans/testing";
import { makeConference } from "./fixtures";
import { timeLeftUntil } from "./readiness";

describe("time left to the conference", () => {
  it("counts whole days and the hours left over, and zero once started", () => {
    const start = new Date("2026-06-02T01:00:00Z");
    expect(timeLeftUntil(start, new Date("2026-05-30T21:30:00Z"))).toEqual({ days: 2, hours: 3 });
    expect(timeLeftUntil(start, new Date("2026-06-02T00:59:00Z"))).toEqual({ days: 0, hours: 0 });
    expect(timeLeftUntil(start, new Date("2026-06-03T00:00:00Z"))).toEqual({ days: 0, hours: 0 });
  });
});

describeOnDatabases("conference readiness", (ctx) => {
  it("counts speeches received and approved, logistics done, awards ready, and lists the overdue items", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await draftWithTasks(manager, city.root, []);
    const conference = await makeConference(ctx().db, {
      planId: plan.id,
      hostUnitId: city.root.id,
      startsAt: new Date(Date.now() + (3 * 24 + 5) * 3_600_000 + 60_000),
    });
    const base = `/api/conferences/${conference.id}`;
    const speech = (unitId: string, topic: string, dueDate: string) =>
      manager.post(`${base}/speeches`, { topic, unitId, dueDate, dueTime: "11:00" });
    await speech(city.communeA.id, "Đúng hạn", "2099-05-29");
    await speech(city.communeB.id, "Quá hạn chưa nộp", "2020-05-29");
    await speech(city.communeA.id, "Sẽ được duyệt", "2099-05-29");
    await manager.post(`${base}/logistics`, { kind: "hall", what: "Chuẩn bị hội trường", unitId: city.communeA.id, dueDate: "2099-06-01" });
    await manager.post(`${base}/logistics`, { kind: "water", what: "Nước uống", unitId: city.communeB.id, dueDate: "2020-06-01" });
    await manager.post(`${base}/awards`, { kind: "collective", recipient: "Xã An Lão", form: "Bằng khen", presenter: "Bí thư" });
    await manager.post(`${base}/awards`, { kind: "individual", recipient: "Nguyễn Văn B", form: "Giấy khen" });

    const beforeIssue = (await manager.get(`${base}/readiness`)).json<Readiness>();
    expect(beforeIssue).toMatchObject({
      planStatus: "draft",
      speechesReceived: { done: 0, total: 3 },
      logisticsDone: { done: 0, total: 2 },
      awardsReady: { done: 1, total: 2 },
      late: [],
      canUrge: false,
      timeLeft: { days: 3, hours: 5 },
    });

    const current = (await manager.get(`/api/plans/${plan.id}`)).json<{ version: number }>();
    expect((await manager.post(`/api/plans/${plan.id}/issue`, { version: current.version })).statusCode).toBe(200);
    const memberA = await signedIn(ctx().app, city.memberA);
    const speeches = (await manager.get(`${base}/speeches`)).json<SpeechList>().speeches;
    for (const s of [speeches[0], speeches[2]])
      expect((await memberA.post(`/api/obligations/${s.obligation?.id}/submissions`, { text: "Dự thảo tham luận" })).statusCode).toBe(201);
    const third = (await manager.get(`${base}/speeches`)).json<SpeechList>().speeches[2].obligation;
    expect((await manager.post(`/api/obligations/${third?.id}/accept`, { version: third?.version })).statusCode).toBe(200);

    const ready = (await manager.get(`${base}/readiness`)).json<Readiness>();
    expect(ready).toMatchObject({
      planStatus: "issued",
      speechesReceived: { done: 2, total: 3 },
      speechesApproved: { done: 1, total: 3 },
      logisticsDone: { done: 0, total: 2 },
      canUrge: true,
    });
    expect(ready.late.map((l) => [l.kind, l.what, l.unitName])).toEqual([
      ["speech", "Quá hạn chưa nộp", city.communeB.name],
      ["logistics", "Nước uống", city.communeB.name],
    ]);
    // The urging letter the dashboard links to lists the same late unit.
    const preview = await manager.get(`/api/plans/${plan.id}/urging-letter/preview`);
    expect(preview.json<{ lateUnits: Array<{ unit: string }> }>().lateUnits.map((u) => u.unit)).toEqual([city.communeB.name]);

    const seenByMember = (await memberA.get(`${base}/readiness`)).json<Readiness>();
    expect(seenByMember.canUrge).toBe(false);
  });
});
