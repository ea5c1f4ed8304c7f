import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { PlanOutlineSection, PlanSectionInput } from "../../../contracts/plans";
import { unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { makeCity } from "./testing";

type Detail = { id: string; version: number; sections: PlanOutlineSection[] };

const OUTLINE: PlanSectionInput[] = [
  { number: "I", heading: "MỤC ĐÍCH, YÊU CẦU", text: "Đánh giá đúng kết quả.", children: [] },
  {
    number: "II",
    heading: "NỘI DUNG",
    text: "",
    children: [
      { number: "1", heading: "Báo cáo", text: "Các đơn vị báo cáo.", children: [] },
      { number: "2", heading: "Hội nghị", text: "", children: [{ number: "a", heading: "Thời gian", text: "Tháng 6.", children: [] }] },
    ],
  },
];

const shape = (sections: readonly PlanSectionInput[]): unknown[] => sections.map((s) => [s.number, s.heading, s.text, shape(s.children)]);

async function planWithOutline(client: TestClient, issuerUnitId: string): Promise<Detail> {
  const res = await client.post("/api/plans", { issuerUnitId, title: unique("Kế hoạch có đề mục"), sections: OUTLINE });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}

describeOnDatabases("plan outline", (ctx) => {
  it("gives every section of a new plan an id and keeps the order and nesting it was sent in", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await planWithOutline(manager, city.root.id);
    expect(shape(plan.sections)).toEqual(shape(OUTLINE));
    const ids = [plan.sections[0], plan.sections[1], ...plan.sections[1].children, plan.sections[1].children[1].children[0]].map(
      (s) => s.id,
    );
    expect(new Set(ids).size).toBe(5);
    const again = (await manager.get(`/api/plans/${plan.id}`)).json<Detail>();
    expect(again.sections).toEqual(plan.sections);
  });

  it("keeps the ids of sections sent back, gives new ones an id and deletes those left out, in one versioned write", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await planWithOutline(manager, city.root.id);
    const [purpose, content] = plan.sections;
    const [report, meeting] = content.children;
    // Move "a. Thời gian" up to the top, drop "I" and "2", rename "1", add a new section at the end.
    const time = meeting.children[0];
    const next: PlanSectionInput[] = [
      { ...content, children: [{ ...report, heading: "Báo cáo tổng kết" }] },
      { ...time, children: [] },
      { number: "III", heading: "TỔ CHỨC THỰC HIỆN", text: "", children: [] },
    ];
    const res = await manager.patch(`/api/plans/${plan.id}`, { sections: next, version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await manager.get(`/api/plans/${plan.id}`)).json<Detail>();
    expect(after.version).toBe(plan.version + 1);
    expect(after.sections.map((s) => s.id).slice(0, 2)).toEqual([content.id, time.id]);
    expect(after.sections[0].children).toEqual([{ ...report, heading: "Báo cáo tổng kết" }]);
    expect(after.sections[2].id).toMatch(/^[0-9a-f-]{36}$/);
    expect([content.id, time.id, report.id, purpose.id, meeting.id]).not.toContain(after.sections[2].id);
    expect(JSON.stringify(after.sections)).not.toContain(purpose.id);
    expect(JSON.stringify(after.sections)).not.toContain(meeting.id);

    // A stale version changes nothing, the outline included.
    const stale = await manager.patch(`/api/plans/${plan.id}`, { sections: [], version: plan.version });
    expect(stale.statusCode).toBe(409);
    expect((await manager.get(`/api/plans/${plan.id}`)).json<Detail>().sections).toEqual(after.sections);
  });

  it("refuses an id that is not one of the plan's sections, or sent twice, and changes nothing", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await planWithOutline(manager, city.root.id);
    const other = await planWithOutline(manager, city.root.id);
    const foreign = { ...other.sections[0], children: [] };
    for (const sections of [
      [foreign],
      [{ ...plan.sections[0] }, { ...plan.sections[0], number: "I bis" }],
      [{ number: "I", heading: "Mới", text: "", children: [], id: randomUUID() }],
    ]) {
      const res = await manager.patch(`/api/plans/${plan.id}`, { sections, version: plan.version });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/Hãy tải lại kế hoạch/);
    }
    expect((await manager.get(`/api/plans/${plan.id}`)).json<Detail>()).toMatchObject({ version: plan.version, sections: plan.sections });
    expect((await manager.get(`/api/plans/${other.id}`)).json<Detail>().sections).toEqual(other.sections);
    const bad = await manager.patch(`/api/plans/${plan.id}`, { sections: [{ ...OUTLINE[0], id: "not-an-id" }], version: plan.version });
    expect(bad.statusCode).toBe(400);
  });

  it("lets no one but the plan's managers change its outline", async () => {
    const city = await makeCity(ctx().db);
    const manager = await signedIn(ctx().app, city.manager);
    const plan = await planWithOutline(manager, city.root.id);
    const member = await signedIn(ctx().app, city.memberA);
    const res = await member.patch(`/api/plans/${plan.id}`, { sections: [], version: plan.version });
    expect([403, 404]).toContain(res.statusCode);
    expect((await manager.get(`/api/plans/${plan.id}`)).json<Detail>().sections).toEqual(plan.sections);
  });
});
