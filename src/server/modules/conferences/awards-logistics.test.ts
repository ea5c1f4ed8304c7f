import { expect, it } from "vitest";
import type { AwardList, AwardView, LogisticsList, LogisticsView } from "../../../contracts/conference-program";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { draftWithTasks, makeCity } from "../plans/testing";
import { makeConference } from "./fixtures";

describeOnDatabases("conference awards and logistics", (ctx) => {
  async function setup() {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    // One ordinary task for commune A, so its member reads the plan once issued.
    const plan = await draftWithTasks(manager, city.root, [[city.communeA.id]]);
    const conference = await makeConference(ctx().db, { planId: plan.id, hostUnitId: city.root.id });
    const issue = async () => {
      const current = (await manager.get(`/api/plans/${plan.id}`)).json<{ version: number }>();
      expect((await manager.post(`/api/plans/${plan.id}/issue`, { version: current.version })).statusCode).toBe(200);
    };
    return { city, manager, plan, conference, issue };
  }

  it("keeps awards in stage order with version checks; ready once form and presenter are set", async () => {
    const { city, manager, conference, issue } = await setup();
    const base = `/api/conferences/${conference.id}/awards`;
    const a = await manager.post(base, { kind: "collective", recipient: "Đảng bộ xã An Lão", recipientUnitId: city.communeA.id });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json<AwardView>()).toMatchObject({ stageOrder: 1, ready: false });
    const b = await manager.post(base, {
      kind: "individual",
      recipient: "Đồng chí Nguyễn Văn A",
      recipientTitle: "Bí thư Đảng ủy xã An Lão",
      form: "Bằng khen của Ban Thường vụ Thành ủy",
      citation: "Có thành tích xuất sắc trong vận hành chính quyền địa phương 2 cấp",
      presenter: "Đồng chí Bí thư Thành ủy",
    });
    expect(b.json<AwardView>()).toMatchObject({ stageOrder: 2, ready: true });
    expect((await manager.post(base, { kind: "team", recipient: "X" })).statusCode).toBe(400);
    expect((await manager.post(base, { kind: "collective", recipient: "  " })).statusCode).toBe(400);

    const first = a.json<AwardView>();
    const edited = await manager.patch(`${base}/${first.id}`, {
      form: "Giấy khen",
      presenter: "Đồng chí Chủ tịch UBND thành phố",
      version: first.version,
    });
    expect(edited.json<AwardView>()).toMatchObject({ ready: true, version: first.version + 1 });
    expect((await manager.patch(`${base}/${first.id}`, { form: "Khác", version: first.version })).statusCode).toBe(409);

    const list = (await manager.get(base)).json<AwardList>().awards;
    const reordered = await manager.put(`${base}/order`, { items: [list[1], list[0]].map(({ id, version }) => ({ id, version })) });
    expect(reordered.json<AwardList>().awards.map((x) => [x.stageOrder, x.recipient])).toEqual([
      [1, "Đồng chí Nguyễn Văn A"],
      [2, "Đảng bộ xã An Lão"],
    ]);

    await issue();
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.get(base)).json<AwardList>()).toMatchObject({ canOrganise: false });
    expect((await member.post(base, { kind: "collective", recipient: "X" })).statusCode).toBe(403);
    const top = (await manager.get(base)).json<AwardList>().awards[0];
    expect((await member.delete(`${base}/${top.id}?version=${top.version}`)).statusCode).toBe(403);
    expect((await manager.delete(`${base}/${top.id}?version=${top.version + 5}`)).statusCode).toBe(409);
    expect((await manager.delete(`${base}/${top.id}?version=${top.version}`)).statusCode).toBe(204);
    expect((await manager.get(base)).json<AwardList>().awards.map((x) => [x.stageOrder, x.recipient])).toEqual([[1, "Đảng bộ xã An Lão"]]);
  });

  it("gives logistics tasks to owner units as plan tasks, with their obligation's status once issued", async () => {
    const { city, manager, plan, conference, issue } = await setup();
    const base = `/api/conferences/${conference.id}/logistics`;
    const hall = await manager.post(base, {
      kind: "hall",
      what: "Chuẩn bị Hội trường, cơ sở vật chất, kỹ thuật phục vụ Hội nghị",
      unitId: city.communeA.id,
      dueDate: "2099-06-01",
      dueTime: "11:00",
    });
    expect(hall.statusCode, hall.body).toBe(201);
    expect(hall.json<LogisticsView>()).toMatchObject({
      kind: "hall",
      unitName: city.communeA.name,
      dueDate: "2099-06-01",
      dueTime: "11:00",
      obligation: null,
    });
    await manager.post(base, { kind: "medical", what: "Ứng trực cấp cứu", unitId: city.communeB.id, dueDate: "2099-05-31" });
    expect((await manager.post(base, { kind: "catering", what: "X", unitId: city.communeB.id, dueDate: "2099-05-31" })).statusCode).toBe(
      400,
    );
    const tasks = (await manager.get(`/api/plans/${plan.id}`)).json<{ tasks: Array<{ what: string }> }>().tasks;
    expect(tasks.map((t) => t.what)).toContain("Ứng trực cấp cứu");

    await issue();
    const member = await signedIn(ctx().app, city.memberA);
    const seen = (await member.get(base)).json<LogisticsList>();
    expect(seen.items.map((i) => [i.kind, i.unitName, i.obligation?.status])).toEqual([
      ["medical", city.communeB.name, "open"],
      ["hall", city.communeA.name, "open"],
    ]);
    expect(seen.items.map((i) => i.obligation?.canSubmit)).toEqual([false, true]);
    expect(
      (await member.post(base, { kind: "water", what: "Nước uống", unitId: city.communeA.id, dueDate: "2099-05-31" })).statusCode,
    ).toBe(403);
    // The hall done: the unit reports through its obligation, the list shows it submitted.
    const hallObligation = seen.items[1].obligation?.id;
    expect((await member.post(`/api/obligations/${hallObligation}/submissions`, { text: "Đã chuẩn bị xong" })).statusCode).toBe(201);
    const after = (await manager.get(base)).json<LogisticsList>();
    expect(after.items[1].obligation).toMatchObject({ status: "submitted", late: false });
  });
});
