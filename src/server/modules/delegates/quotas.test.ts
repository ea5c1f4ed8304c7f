import { expect, it } from "vitest";
import type { DelegateView, NomineeList, QuotaList, QuotaView } from "../../../contracts/delegates";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { delegatesSetup } from "./fixtures";
import { missingTitles } from "./quotas";

it("counts a wanted title as filled once per nominee holding it, tone placement aside", () => {
  expect(missingTitles(["Bí thư Đảng uỷ", "Chủ tịch UBND", "Chủ tịch UBND"], ["bí thư đảng ủy", "Chủ tịch UBND"])).toEqual([
    "Chủ tịch UBND",
  ]);
});

describeOnDatabases("delegate quotas", (ctx) => {
  async function setup() {
    const s = await delegatesSetup(ctx().db, ctx().app);
    const quotasUrl = `/api/conferences/${s.conference.id}/delegate-quotas`;
    const made = await s.manager.post(quotasUrl, {
      target: { unitIds: [s.city.communeA.id, s.city.communeB.id] },
      count: 2,
      titles: ["Bí thư Đảng ủy", "Chủ tịch UBND"],
      groupId: s.communes.id,
      dueDate: "2099-05-20",
      dueTime: "17:00",
    });
    expect(made.statusCode, made.body).toBe(201);
    const quota = made.json<QuotaView>();
    const issue = async () => {
      const current = (await s.manager.get(`/api/plans/${s.plan.id}`)).json<{ version: number }>();
      expect((await s.manager.post(`/api/plans/${s.plan.id}/issue`, { version: current.version })).statusCode).toBe(200);
    };
    const unitUrl = (unitId: string) => `/api/delegate-quotas/${quota.id}/units/${unitId}`;
    return { ...s, quotasUrl, quota, issue, unitUrl };
  }

  it("asks units through a plan task with deliverable delegates; units fill their own list, see what is missing and submit", async () => {
    const { city, manager, plan, quota, quotasUrl, issue, unitUrl } = await setup();
    expect(quota.what).toBe("Cử 2 đại biểu dự hội nghị (Bí thư Đảng ủy, Chủ tịch UBND)");
    const task = (await manager.get(`/api/plans/${plan.id}`)).json<{ tasks: Array<{ id: string; deliverable: string }> }>().tasks[0];
    expect(task).toMatchObject({ id: quota.taskId, deliverable: "delegates" });
    await issue();

    const memberA = await signedIn(ctx().app, city.memberA);
    const memberB = await signedIn(ctx().app, city.memberB);
    const add = await memberA.post(`${unitUrl(city.communeA.id)}/nominees`, {
      fullName: "Lê Thị Cử",
      title: "Bí thư Đảng uỷ",
      phone: "0912345678",
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json<DelegateView>()).toMatchObject({ unitId: city.communeA.id, unitName: city.communeA.name, quotaId: quota.id });
    // Another unit's list: 403 to read and to write.
    expect((await memberB.get(unitUrl(city.communeA.id))).statusCode).toBe(403);
    expect((await memberB.post(`${unitUrl(city.communeA.id)}/nominees`, { fullName: "Kẻ lạ" })).statusCode).toBe(403);
    const nominee = add.json<DelegateView>();
    expect((await memberB.patch(`${unitUrl(city.communeA.id)}/nominees/${nominee.id}`, { version: 1, title: "X" })).statusCode).toBe(403);

    let mine = (await memberA.get(unitUrl(city.communeA.id))).json<NomineeList>();
    expect(mine.unit).toMatchObject({ nominated: 1, missingTitles: ["Chủ tịch UBND"], canEdit: true, canSubmit: true });
    await memberA.post(`${unitUrl(city.communeA.id)}/nominees`, { fullName: "Phạm Văn Hai", title: "Chủ tịch UBND" });
    const third = await memberA.post(`${unitUrl(city.communeA.id)}/nominees`, { fullName: "Người Thứ Ba" });
    expect(third.statusCode).toBe(409);
    mine = (await memberA.get(unitUrl(city.communeA.id))).json<NomineeList>();
    expect(mine.unit.missingTitles).toEqual([]);

    const submitted = await memberA.post(`/api/obligations/${mine.unit.obligationId}/submissions`, { text: "Đã cử đủ 2 đại biểu." });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const late = await memberA.patch(`${unitUrl(city.communeA.id)}/nominees/${nominee.id}`, { version: 1, title: "Đổi" });
    expect(late.statusCode).toBe(409);

    const overview = (await manager.get(quotasUrl)).json<QuotaList>();
    expect(overview.quotas[0].units.map((u) => [u.unitName, u.nominated, u.obligationStatus])).toEqual(
      expect.arrayContaining([
        [city.communeA.name, 2, "submitted"],
        [city.communeB.name, 0, "open"],
      ]),
    );
    // A commune sees only its own line.
    const seenByB = (await memberB.get(quotasUrl)).json<QuotaList>();
    expect(seenByB.quotas[0].units.map((u) => u.unitId)).toEqual([city.communeB.id]);
  });

  it("refuses a quota from a non-organiser and more titles than seats", async () => {
    const { city, manager, quotasUrl, issue } = await setup();
    await issue();
    const memberA = await signedIn(ctx().app, city.memberA);
    const body = { target: { unitIds: [city.communeA.id] }, count: 1, titles: [], dueDate: "2099-05-20" };
    expect((await memberA.post(quotasUrl, body)).statusCode).toBe(403);
    expect((await manager.post(quotasUrl, { ...body, titles: ["A", "B"] })).statusCode).toBe(409);
  });
});
