import { expect, it } from "vitest";
import type { SpeechList, SpeechView } from "../../../contracts/conference-program";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { multipart, realDocx } from "../obligations/upload-fixtures";
import { draftWithTasks, makeCity } from "../plans/testing";
import { makeConference } from "./fixtures";

describeOnDatabases("conference speeches", (ctx) => {
  async function setup() {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await draftWithTasks(manager, city.root, []);
    const conference = await makeConference(ctx().db, { planId: plan.id, hostUnitId: city.root.id });
    const base = `/api/conferences/${conference.id}/speeches`;
    const add = (client: TestClient, unitId: string, topic: string, dueDate = "2099-05-29", dueTime: string | null = "11:00") =>
      client.post(base, { topic, unitId, dueDate, dueTime });
    const list = async (client: TestClient = manager) => {
      const res = await client.get(base);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<SpeechList>();
    };
    const issue = async () => {
      const current = (await manager.get(`/api/plans/${plan.id}`)).json<{ version: number }>();
      const res = await manager.post(`/api/plans/${plan.id}/issue`, { version: current.version });
      expect(res.statusCode, res.body).toBe(200);
    };
    return { city, manager, plan, conference, base, add, list, issue };
  }
  const upload = (client: TestClient, obligationId: string, body: ReturnType<typeof multipart>) =>
    client.request("POST", `/api/obligations/${obligationId}/submissions`, body.payload, body.headers);
  const draft = async (name: string) => multipart({ text: "" }, [{ name, content: await realDocx("Tham luận của đơn vị") }]);

  it("adds speeches as plan tasks of their units, in running order with the 7-minute default", async () => {
    const { city, manager, plan, add, list } = await setup();
    const a = await add(manager, city.communeA.id, "Kinh nghiệm giải phóng mặt bằng");
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json<SpeechView>()).toMatchObject({ runningOrder: 1, timeLimitSeconds: 420, unitName: city.communeA.name, obligation: null });
    await add(manager, city.communeB.id, "Kết quả thu ngân sách");
    const { speeches, planStatus } = await list();
    expect(planStatus).toBe("draft");
    expect(speeches.map((s) => [s.runningOrder, s.unitName, s.dueDate, s.dueTime])).toEqual([
      [1, city.communeA.name, "2099-05-29", "11:00"],
      [2, city.communeB.name, "2099-05-29", "11:00"],
    ]);
    const tasks = (await manager.get(`/api/plans/${plan.id}`)).json<{ tasks: Array<{ id: string; what: string; target: unknown }> }>()
      .tasks;
    expect(tasks.find((t) => t.id === speeches[0].taskId)).toMatchObject({
      what: "Chuẩn bị tham luận: Kinh nghiệm giải phóng mặt bằng",
      target: { unitIds: [city.communeA.id] },
    });
  });

  it("takes the units' drafts through their obligations: late marked, another unit refused, approve and return shown", async () => {
    const { city, manager, add, list, issue } = await setup();
    await add(manager, city.communeA.id, "Tham luận đúng hạn");
    await add(manager, city.communeB.id, "Tham luận của phường");
    await issue();
    // Added to the issued plan with a deadline already past: its obligation is given out at once (an amendment).
    const past = await add(manager, city.communeA.id, "Tham luận nộp muộn", "2020-05-29", "11:00");
    expect(past.statusCode, past.body).toBe(201);
    const [onTime, ward, late] = (await list()).speeches;
    expect([onTime.obligation?.status, ward.obligation?.status, late.obligation?.status]).toEqual(["open", "open", "open"]);
    expect(late.obligation?.overdue).toBe(true);

    const memberA = await signedIn(ctx().app, city.memberA);
    const memberB = await signedIn(ctx().app, city.memberB);
    const refused = await upload(memberB, onTime.obligation?.id ?? "", await draft("Tham luận.docx"));
    expect(refused.statusCode, refused.body).toBe(403);
    const seenByA = (await list(memberA)).speeches;
    expect(seenByA.map((s) => s.obligation?.canSubmit)).toEqual([true, false, true]);
    expect(seenByA.every((s) => s.obligation?.canReview === false)).toBe(true);

    expect((await upload(memberA, onTime.obligation?.id ?? "", await draft("Tham luận xã.docx"))).statusCode).toBe(201);
    expect((await upload(memberB, ward.obligation?.id ?? "", await draft("Tham luận phường.docx"))).statusCode).toBe(201);
    expect((await upload(memberA, late.obligation?.id ?? "", await draft("Muộn.docx"))).statusCode).toBe(201);

    let speeches = (await list()).speeches;
    expect(speeches.map((s) => [s.obligation?.status, s.obligation?.late, s.obligation?.overdue])).toEqual([
      ["submitted", false, false],
      ["submitted", false, false],
      ["submitted", true, false],
    ]);
    expect(speeches[0].obligation?.files.map((f) => f.fileName)).toEqual(["Tham luận xã.docx"]);
    expect(speeches[0].obligation?.canReview).toBe(true);
    const file = await manager.get(`/api/files/${speeches[0].obligation?.files[0].id}`);
    expect(file.statusCode).toBe(200);

    const accepted = await manager.post(`/api/obligations/${speeches[0].obligation?.id}/accept`, {
      version: speeches[0].obligation?.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const returned = await manager.post(`/api/obligations/${speeches[1].obligation?.id}/return`, {
      reason: "Cần bổ sung số liệu thu ngân sách",
      version: speeches[1].obligation?.version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    speeches = (await list(memberB)).speeches;
    expect(speeches.map((s) => [s.obligation?.status, s.obligation?.returnedReason ?? null])).toEqual([
      ["accepted", null],
      ["returned", "Cần bổ sung số liệu thu ngân sách"],
      ["submitted", null],
    ]);
  });

  it("reorders and edits with version checks, and refuses bad input and outsiders", async () => {
    const { city, manager, base, add, list, issue } = await setup();
    await add(manager, city.communeA.id, "Một");
    await add(manager, city.communeB.id, "Hai");
    await add(manager, city.communeA.id, "Ba");
    const before = (await list()).speeches;
    const order = [before[2], before[0], before[1]].map((s) => ({ id: s.id, version: s.version }));
    const stale = await manager.put(`${base}/order`, { items: [...order.slice(0, 2), { ...order[2], version: 99 }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe("VERSION_CONFLICT");
    expect((await manager.put(`${base}/order`, { items: order.slice(0, 2) })).statusCode).toBe(409);
    const moved = await manager.put(`${base}/order`, { items: order });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<SpeechList>().speeches.map((s) => s.topic)).toEqual(["Ba", "Một", "Hai"]);

    const one = (await list()).speeches[1];
    expect((await manager.patch(`${base}/${one.id}`, { timeLimitSeconds: 10, version: one.version })).statusCode).toBe(400);
    const edited = await manager.patch(`${base}/${one.id}`, { timeLimitSeconds: 300, topic: "Một (sửa)", version: one.version });
    expect(edited.json<SpeechView>()).toMatchObject({ timeLimitSeconds: 300, topic: "Một (sửa)", version: one.version + 1 });
    expect((await manager.patch(`${base}/${one.id}`, { timeLimitSeconds: 360, version: one.version })).statusCode).toBe(409);

    // Before the issue a commune has nothing in the plan: it cannot even see the conference.
    const memberA = await signedIn(ctx().app, city.memberA);
    expect((await add(memberA, city.communeA.id, "Không được")).statusCode).toBe(404);
    const outsiderUnit = await makeUnit(ctx().db, { name: "Đơn vị ngoài" });
    const outsider = await signedIn(
      ctx().app,
      await makeUser(ctx().db, { unit: outsiderUnit, grants: [{ unit: outsiderUnit, role: "manager" }] }),
    );
    expect((await outsider.get(base)).statusCode).toBe(404);
    expect((await manager.post(base, { topic: "", unitId: city.communeA.id, dueDate: "2099-05-29" })).statusCode).toBe(400);

    // A draft's speech is deleted with its task; the running order closes the gap.
    const first = (await list()).speeches[0];
    expect((await manager.delete(`${base}/${first.id}?version=${first.version}`)).statusCode).toBe(204);
    expect((await list()).speeches.map((s) => [s.runningOrder, s.topic])).toEqual([
      [1, "Một (sửa)"],
      [2, "Hai"],
    ]);
    await issue();
    expect((await add(memberA, city.communeA.id, "Không được")).statusCode).toBe(403);
    const kept = (await list()).speeches[0];
    const gone = await manager.delete(`${base}/${kept.id}?version=${kept.version}`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json<{ error: { message: string } }>().error.message).toMatch(/đã ban hành/);
    const otherUnit = await manager.patch(`${base}/${kept.id}`, { unitId: city.communeB.id, version: kept.version });
    expect(otherUnit.statusCode).toBe(409);
    // The deadline of an issued plan's speech moves with its obligation.
    const later = await manager.patch(`${base}/${kept.id}`, { dueDate: "2099-05-30", version: kept.version });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json<SpeechView>().obligation?.dueAt).toBe("2099-05-30T04:00:00.000Z");
  });
});
