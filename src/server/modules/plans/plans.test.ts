import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { ImportResult } from "../../../contracts/importer";
import type { Board, Rollup } from "../../../contracts/tracking";
import { obligations, planAmendments } from "../../db/schema/index";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { draftWithTasks, issued, makeCity, type PlanBody } from "./testing";

describeOnDatabases("plans", (ctx) => {
  it("creates a draft for a managed issuer and shows it to readers of that issuer only", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await draftWithTasks(manager, city.root, [[city.communeA.id]]);
    expect(plan).toMatchObject({ status: "draft", version: 1, counts: { expected: 0 } });
    const listed = await manager.get("/api/plans");
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ plans: PlanBody[] }>().plans.map((p) => p.id)).toContain(plan.id);
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await member.get("/api/plans")).json<{ plans: PlanBody[] }>().plans.map((p) => p.id)).not.toContain(plan.id);
  });

  it("refuses a plan for an issuer outside the manager's subtree", async () => {
    const city = await makeCity(ctx().db);
    const elsewhere = await makeUnit(ctx().db, { name: unique("UBND tỉnh khác"), kind: "ubnd" });
    const manager = await signedIn(ctx().app, city.manager);
    const res = await manager.post("/api/plans", { issuerUnitId: elsewhere.id, title: "Kế hoạch" });
    expect(res.statusCode).toBe(403);
  });

  it("refuses unknown fields in a plan body with 400", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const res = await manager.post("/api/plans", { issuerUnitId: city.root.id, title: "Kế hoạch", owner: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe("VALIDATION");
  });

  it("gives the second of two managers editing one draft a 409 and keeps the first edit", async () => {
    const city = await makeCity(ctx().db);
    const first = await signedIn(ctx().app, city.manager);
    const second = await signedIn(ctx().app, city.otherManager);
    const plan = await draftWithTasks(first, city.root, []);
    expect((await first.patch(`/api/plans/${plan.id}`, { title: "Tiêu đề của người thứ nhất", version: plan.version })).statusCode).toBe(
      200,
    );
    const late = await second.patch(`/api/plans/${plan.id}`, { title: "Tiêu đề của người thứ hai", version: plan.version });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { message: string } }>().error.message).toMatch(/người khác thay đổi/);
    expect((await first.get(`/api/plans/${plan.id}`)).json<{ title: string; version: number }>()).toMatchObject({
      title: "Tiêu đề của người thứ nhất",
      version: 2,
    });
  });

  it("refuses a task for a unit outside the manager's subtree with 403", async () => {
    const city = await makeCity(ctx().db);
    const communeManager = await makeUser(ctx().db, { unit: city.communeA, grants: [{ unit: city.communeA, role: "manager" }] });
    const client = await signedIn(ctx().app, communeManager);
    const plan = (await client.post("/api/plans", { issuerUnitId: city.communeA.id, title: "Kế hoạch xã" })).json<PlanBody>();
    const res = await client.post(`/api/plans/${plan.id}/tasks`, {
      what: "Báo cáo",
      deliverable: "report",
      target: { unitIds: [city.communeB.id] },
      dueDate: "2099-01-01",
    });
    expect(res.statusCode).toBe(403);
    expect((await client.get(`/api/plans/${plan.id}`)).json<PlanBody>().tasks).toHaveLength(0);
  });

  it("issues a draft into one obligation per target unit and then freezes the text", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan, warnings, obligationsCreated } = await issued(manager, city.root, [
      [city.communeA.id, city.communeB.id],
      [city.communeA.id],
    ]);
    expect(obligationsCreated).toBe(3);
    expect(warnings).toEqual([]);
    expect(plan).toMatchObject({ status: "issued", counts: { expected: 3, submitted: 0, overdue: 0 } });
    const rows = await ctx().db.select().from(obligations).where(eq(obligations.planId, plan.id));
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual(Array(3).fill("2099-06-30T01:00:00.000Z"));
    expect((await manager.patch(`/api/plans/${plan.id}`, { title: "Sửa sau ban hành", version: plan.version })).statusCode).toBe(409);
    expect((await manager.post(`/api/plans/${plan.id}/issue`, { version: plan.version })).statusCode).toBe(409);
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.get("/api/plans")).json<{ plans: PlanBody[] }>().plans.map((p) => p.id)).toContain(plan.id);
    expect((await member.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
  });

  it("warns in Vietnamese when a deadline is already past at issue, and counts it overdue", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan, warnings } = await issued(manager, city.root, [[city.communeA.id]], "2020-01-15", null);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ngày 15\/01\/2020 đã qua/);
    expect(plan.counts).toMatchObject({ expected: 1, overdue: 1 });
  });

  it("makes one obligation per Ban CHQS when a task targets every Ban CHQS under Bộ CHQS thành phố", async () => {
    const db = ctx().db;
    const boChqs = await makeUnit(db, { name: unique("Bộ CHQS thành phố"), kind: "bo-chqs", tree: "military" });
    const ptkv = await makeUnit(db, { parent: boChqs, name: unique("Ban CHQS PTKV 1"), kind: "ptkv" });
    const bans = [];
    for (let i = 0; i < 4; i += 1) bans.push(await makeUnit(db, { parent: ptkv, name: unique("Ban CHQS xã"), kind: "ban-chqs" }));
    await makeUnit(db, { name: unique("Ban CHQS ngoài thành phố"), kind: "ban-chqs", tree: "military" });
    const commander = await makeUser(db, { unit: boChqs, grants: [{ unit: boChqs, role: "manager" }] });
    const client = await signedIn(ctx().app, commander);
    const plan = (await client.post("/api/plans", { issuerUnitId: boChqs.id, title: "Kế hoạch huấn luyện" })).json<PlanBody>();
    const task = await client.post(`/api/plans/${plan.id}/tasks`, {
      what: "Báo cáo kết quả huấn luyện",
      deliverable: "report",
      target: { rule: { kinds: ["ban-chqs"], underUnitId: boChqs.id } },
      dueDate: "2099-12-01",
    });
    expect(task.statusCode).toBe(201);
    const res = await client.post(`/api/plans/${plan.id}/issue`, { version: 1 });
    expect(res.json<{ obligationsCreated: number }>().obligationsCreated).toBe(4);
    const rows = await db.select().from(obligations).where(eq(obligations.planId, plan.id));
    expect(rows.map((r) => r.unitId).sort()).toEqual(bans.map((b) => b.id).sort());
    // One board row per unit, and the roll-up by tree level adds up to the sum of the units.
    const board = (await client.get(`/api/plans/${plan.id}/board`)).json<Board>();
    expect(board.rows.map((r) => r.unit.id).sort()).toEqual(bans.map((b) => b.id).sort());
    const sumOfUnits = board.rows.reduce((n, r) => n + r.counts.expected, 0);
    const top = (await client.get(`/api/plans/${plan.id}/rollup?parentUnitId=${boChqs.id}`)).json<Rollup>();
    expect(top.totals.expected).toBe(sumOfUnits);
    expect(top.children.reduce((n, c) => n + c.counts.expected, 0) + (top.own?.expected ?? 0)).toBe(sumOfUnits);
    const down = (await client.get(`/api/plans/${plan.id}/rollup?parentUnitId=${ptkv.id}`)).json<Rollup>();
    expect(down.children.map((c) => c.counts.expected)).toEqual([1, 1, 1, 1]);
    expect(board.totals.expected).toBe(4);
  });

  it("turns an import into a draft, warns about unmatched units and refuses to issue until they get a target", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    // Old tone placement and upper case in the plan text still find "Xã An Lão …".
    const written = city.communeA.name.replace("Lão", "LÃO").replace("Xã", "xã");
    const result: ImportResult = {
      kind: "KẾ HOẠCH",
      number: "63-KH/TU",
      issuer: "Ban Thường vụ",
      place: "Hải Phòng",
      issuedOn: "2026-05-26",
      title: "Tổng kết 01 năm",
      legalBases: [{ text: "Căn cứ Kế hoạch 59", documentNumber: "59-KH/TU", documentDate: "2026-05-21", issuer: "Thành ủy" }],
      sections: [{ number: "I", heading: "MỤC ĐÍCH", text: "", children: [] }],
      deadlines: [
        { due: "2099-05-29", time: "11:00", units: [written], what: "gửi tham luận về Ban Tổ chức", raw: "" },
        { due: "2099-05-31", time: null, units: ["Đơn vị không có thật"], what: "tổ chức hội nghị tổng kết", raw: "" },
      ],
      tasks: [],
      conferences: [],
      speeches: [{ no: 1, topic: "Kinh nghiệm", unit: written }],
      recipients: ["Lưu VT"],
      signer: { authority: "T/M", title: "PHÓ BÍ THƯ", name: "Đỗ Mạnh Hiến", rank: null },
      annexes: [],
      warnings: [],
    };
    const res = await manager.post("/api/plans/from-import", { result, issuerUnitId: city.root.id });
    expect(res.statusCode).toBe(201);
    const { plan, warnings } = res.json<{
      plan: PlanBody & { typeCode: string; tasks: Array<{ what: string; target: { unitIds?: string[] }; dueDate: string | null }> };
      warnings: string[];
    }>();
    expect(plan.typeCode).toBe("KH");
    // The call for speeches became the speech's own task, to the unit the plan names (matched despite the spelling).
    expect(plan.tasks[1]).toMatchObject({
      what: "Gửi tham luận: Kinh nghiệm",
      target: { unitIds: [city.communeA.id] },
      dueDate: "2099-05-29",
    });
    expect(warnings.join(" ")).toMatch(/Đơn vị không có thật/);
    expect(plan.tasks.map((t) => t.unmatchedNames)).toEqual([["Đơn vị không có thật"], []]);
    const refused = await manager.post(`/api/plans/${plan.id}/issue`, { version: plan.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/Đơn vị không có thật/);
    const fixed = await manager.patch(`/api/tasks/${plan.tasks[0].id}`, {
      target: { unitIds: [city.communeB.id] },
      version: plan.tasks[0].version,
    });
    expect(fixed.json<{ unmatchedNames: string[]; deliverable: string }>()).toMatchObject({
      unmatchedNames: [],
      deliverable: "conference",
    });
    const ok = await manager.post(`/api/plans/${plan.id}/issue`, { version: plan.version });
    expect(ok.json<{ obligationsCreated: number }>().obligationsCreated).toBe(2);
  });

  it("amends an issued plan with before and after, and records a task added later as an amendment with its obligations", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan } = await issued(manager, city.root, [[city.communeA.id]]);
    const amended = await manager.post(`/api/plans/${plan.id}/amend`, {
      note: "Đổi địa điểm",
      changes: { place: "Hải Phòng" },
      version: plan.version,
    });
    expect(amended.statusCode).toBe(200);
    const added = await manager.post(`/api/plans/${plan.id}/tasks`, {
      what: "Xác báo đại biểu",
      deliverable: "delegates",
      target: { unitIds: [city.communeB.id] },
      dueDate: "2099-07-01",
    });
    expect(added.json<{ task: { obligationCount: number } }>().task.obligationCount).toBe(1);
    const list = (await manager.get(`/api/plans/${plan.id}/amendments`)).json<{
      amendments: Array<{ note: string; before: unknown; after: unknown }>;
    }>().amendments;
    // The draft took the issuer's default place (the test city's name holds no place, so its own name).
    expect(list[0]).toMatchObject({ note: "Đổi địa điểm", before: { place: city.root.name }, after: { place: "Hải Phòng" } });
    expect(list[1].note).toMatch(/Bổ sung nhiệm vụ/);
    expect(await ctx().db.select().from(planAmendments).where(eq(planAmendments.planId, plan.id))).toHaveLength(2);
    const draft = await draftWithTasks(manager, city.root, []);
    expect((await manager.post(`/api/plans/${draft.id}/amend`, { note: "x", changes: { place: "y" }, version: 1 })).statusCode).toBe(409);
  });

  it("closes an issued plan and then takes no more tasks", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const { plan } = await issued(manager, city.root, [[city.communeA.id]]);
    const closed = await manager.post(`/api/plans/${plan.id}/close`, { version: plan.version });
    expect(closed.json<{ status: string }>().status).toBe("closed");
    const res = await manager.post(`/api/plans/${plan.id}/tasks`, {
      what: "x",
      deliverable: "document",
      target: { unitIds: [city.communeA.id] },
      dueDate: "2099-01-01",
    });
    expect(res.statusCode).toBe(409);
  });
});
