import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import type { PlanDetail } from "../../../contracts/plans";
import type { Board, PlanObligations } from "../../../contracts/tracking";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";
import { makeObligation, makePlan, makeTask, type PlanRow, vn } from "./fixtures";

describeOnDatabases("tracking board over HTTP", (ctx) => {
  let root: UnitRow;
  let mid: UnitRow;
  let communeA: UnitRow;
  let communeB: UnitRow;
  let communeC: UnitRow;
  let outsider: UnitRow;
  let plan: PlanRow;
  let otherPlan: PlanRow;
  const users: Record<string, UserRow> = {};

  beforeAll(async () => {
    const { db } = ctx();
    root = await makeUnit(db, { name: unique("Bộ CHQS thành phố"), kind: "bo-chqs", tree: "military" });
    mid = await makeUnit(db, { name: "Ban Chỉ huy PTKV 2", kind: "ptkv", parent: root });
    communeA = await makeUnit(db, { name: "Ban CHQS xã Đông Hải", kind: "ban-chqs", parent: root });
    communeB = await makeUnit(db, { name: "Ban CHQS xã An Lão", kind: "ban-chqs", parent: mid });
    communeC = await makeUnit(db, { name: "Ban CHQS xã Bạch Đằng", kind: "ban-chqs", parent: mid });
    outsider = await makeUnit(db, { name: "Ban CHQS xã Kiến Thụy", kind: "ban-chqs", parent: root });
    users.manager = await makeUser(db, { unit: root, grants: [{ unit: root, role: "manager" }] });
    users.viewer = await makeUser(db, { unit: root, grants: [{ unit: root, role: "viewer" }] });
    users.memberA = await makeUser(db, { unit: communeA, grants: [{ unit: communeA, role: "member" }] });
    users.midManager = await makeUser(db, { unit: mid, grants: [{ unit: mid, role: "manager" }] });
    users.outsider = await makeUser(db, { unit: outsider, grants: [{ unit: outsider, role: "manager" }] });
    users.nobody = await makeUser(db, { unit: communeA });
    users.issuerMember = await makeUser(db, { unit: root, grants: [{ unit: root, role: "member" }] });
    plan = await makePlan(db, {
      issuerUnitId: root.id,
      createdBy: users.manager.id,
      title: "Kế hoạch tổng kết công tác quốc phòng năm 2026",
      number: "03/KH-BCH",
    });
    const report = await makeTask(db, { planId: plan.id, dueDate: "2026-05-31", dueTime: "08:00" });
    const speech = await makeTask(db, { planId: plan.id, dueDate: "2026-06-02", dueTime: null, deliverable: "document", sortOrder: 1 });
    await makeObligation(db, report, communeA.id, { status: "accepted", submittedAt: vn("2026-06-01 07:00"), lateSubmission: true });
    await makeObligation(db, speech, communeA.id);
    await makeObligation(db, report, communeB.id, { status: "submitted", submittedAt: vn("2026-05-30 10:00") });
    await makeObligation(db, speech, communeB.id, { status: "returned", submittedAt: vn("2026-05-30 11:00") });
    await makeObligation(db, report, communeC.id);
    otherPlan = await makePlan(db, { issuerUnitId: root.id, createdBy: users.manager.id });
    const other = await makeTask(db, { planId: otherPlan.id, dueDate: "2026-07-01" });
    await makeObligation(db, other, outsider.id);
  });

  const client = (user: UserRow) => signedIn(ctx().app, user);
  const getBoard = async (c: TestClient, query = "", planId = plan.id) => {
    const res = await c.get(`/api/plans/${planId}/board${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Board>();
  };
  const ids = (b: Board) => b.rows.map((r) => r.unit.id).sort();

  it("shows the issuer's manager and viewer every unit with the totals", async () => {
    for (const user of [users.manager, users.viewer]) {
      const b = await getBoard(await client(user));
      expect(b.allUnits).toBe(true);
      expect(ids(b)).toEqual([communeA.id, communeB.id, communeC.id].sort());
      expect(b.totals).toMatchObject({ expected: 5, submitted: 2, onTime: 1, late: 1, returned: 1, accepted: 1 });
      expect(b.plan).toMatchObject({ id: plan.id, number: "03/KH-BCH", status: "issued" });
    }
  });

  it("shows a commune member only its own row, never another commune's", async () => {
    const b = await getBoard(await client(users.memberA));
    expect(b.allUnits).toBe(false);
    expect(ids(b)).toEqual([communeA.id]);
    expect(b.totals.expected).toBe(2);
    // Filtering by a unit outside its scope is refused, not answered with an empty page.
    const filtered = await (await client(users.memberA)).get(`/api/plans/${plan.id}/board?unitId=${mid.id}`);
    expect(filtered.statusCode).toBe(403);
  });

  it("shows a manager lower in the tree its subtree's rows only", async () => {
    const b = await getBoard(await client(users.midManager));
    expect(ids(b)).toEqual([communeB.id, communeC.id].sort());
    expect(b.totals.expected).toBe(3);
  });

  it("refuses the board, its Excel file and the roll-up of a plan that sets the unit no task (403)", async () => {
    const c = await client(users.outsider);
    for (const path of ["board", "board.xlsx", "rollup"]) {
      const res = await c.get(`/api/plans/${plan.id}/${path}`);
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("không được giao"),
      });
    }
    expect(ids(await getBoard(c, "", otherPlan.id))).toEqual([outsider.id]);
    expect((await (await client(users.nobody)).get(`/api/plans/${plan.id}/board`)).statusCode).toBe(403);
  });

  it("tells the plan page who may open the board, by the board's own rule", async () => {
    const canTrack = async (user: UserRow) => {
      const res = await (await client(user)).get(`/api/plans/${plan.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<PlanDetail>().canTrack;
    };
    for (const user of [users.manager, users.viewer, users.memberA, users.midManager]) expect(await canTrack(user)).toBe(true);
    // A member of the issuing unit reads the plan, but its unit owes nothing in it: no board, and the page offers none.
    expect(await canTrack(users.issuerMember)).toBe(false);
    expect((await (await client(users.issuerMember)).get(`/api/plans/${plan.id}/board`)).statusCode).toBe(403);
  });

  it("answers 401 signed out, 404 for an unknown plan or filter unit, 400 for bad parameters", async () => {
    expect((await new TestClient(ctx().app).get(`/api/plans/${plan.id}/board`)).statusCode).toBe(401);
    const c = await client(users.manager);
    expect((await c.get(`/api/plans/00000000-0000-4000-8000-000000000000/board`)).statusCode).toBe(404);
    expect((await c.get(`/api/plans/${plan.id}/board?unitId=00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    for (const query of ["?status=lost", "?sort=colour", "?limit=0", "?limit=5000", "?offset=-1", "?order=up", "?extra=1"]) {
      const res = await c.get(`/api/plans/${plan.id}/board${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    expect((await c.get(`/api/plans/not-a-uuid/board`)).statusCode).toBe(400);
  });

  it("pages the rows while the totals and the row count cover every row", async () => {
    const c = await client(users.manager);
    const all = await getBoard(c);
    const page = await getBoard(c, "?limit=2&offset=1");
    expect(page.rowCount).toBe(3);
    expect(page.rows.map((r) => r.unit.id)).toEqual(all.rows.slice(1, 3).map((r) => r.unit.id));
    expect(page.totals).toEqual(all.totals);
  });

  it("exports the board as an Excel file with title rows, one row per unit, a totals row and Vietnam times", async () => {
    const res = await (await client(users.manager)).get(`/api/plans/${plan.id}/board.xlsx?sort=name`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("theo-doi-03-KH-BCH.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("A1").text).toBe("BẢNG THEO DÕI THỰC HIỆN KẾ HOẠCH");
    expect(sheet.getCell("A2").text).toBe("Kế hoạch tổng kết công tác quốc phòng năm 2026");
    expect(sheet.getCell("A3").text).toBe("Số: 03/KH-BCH");
    expect(sheet.getCell("A4").text).toMatch(/^Số liệu tính đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const header = sheet.getRow(6);
    expect(header.getCell(2).text).toBe("Đơn vị");
    expect(header.getCell(4).text).toBe("Phải nộp");
    const names = [7, 8, 9].map((n) => sheet.getRow(n).getCell(2).text);
    expect(names).toEqual(["Ban CHQS xã An Lão", "Ban CHQS xã Bạch Đằng", "Ban CHQS xã Đông Hải"]);
    const totals = sheet.getRow(10);
    expect(totals.getCell(2).text).toBe("Tổng cộng (3 đơn vị)");
    expect(totals.getCell(4).value).toBe(5);
    const dongHai = sheet.getRow(9);
    expect(dongHai.getCell(7).value).toBe(1);
    expect(dongHai.getCell(15).text).toContain("Có nộp muộn");
    // Last submission 07:00 on 1/6/2026 in Vietnam, written as that wall-clock time.
    const submitted = dongHai.getCell(14);
    expect(submitted.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect((submitted.value as Date).toISOString()).toBe("2026-06-01T07:00:00.000Z");
    expect(sheet.getRow(11).getCell(2).text).toBe("");
  });

  it("exports only the rows the actor may see", async () => {
    const res = await (await client(users.memberA)).get(`/api/plans/${plan.id}/board.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(7).getCell(2).text).toBe("Ban CHQS xã Đông Hải");
    expect(sheet.getRow(8).getCell(2).text).toBe("Tổng cộng (1 đơn vị)");
  });
  it("lists a board row's obligations for the manager, and only its own for a member", async () => {
    const manager = await client(users.manager);
    const all = await manager.get(`/api/plans/${plan.id}/obligations`);
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json<PlanObligations>().items;
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
    const ofB = (await manager.get(`/api/plans/${plan.id}/obligations?unitId=${communeB.id}`)).json<PlanObligations>().items;
    expect(ofB.map((i) => i.status).sort()).toEqual(["returned", "submitted"]);
    expect(ofB.find((i) => i.status === "returned")?.overdue).toBe(true);
    const member = await client(users.memberA);
    const mine = (await member.get(`/api/plans/${plan.id}/obligations`)).json<PlanObligations>().items;
    expect(new Set(mine.map((i) => i.unit.id))).toEqual(new Set([communeA.id]));
    const peek = (await member.get(`/api/plans/${plan.id}/obligations?unitId=${communeB.id}`)).json<PlanObligations>().items;
    expect(peek).toEqual([]);
    expect((await (await client(users.outsider)).get(`/api/plans/${plan.id}/obligations`)).statusCode).toBe(403);
  });
});
