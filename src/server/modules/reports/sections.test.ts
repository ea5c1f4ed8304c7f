import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { ReportSection, SectionConflict, UnitReport } from "../../../contracts/reports";
import { obligations, reportSections } from "../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { makeForm, makeReportPlan, obligate } from "./testing";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...texts: string[]) => ({ type: "doc", content: texts.map(para) });

/** A district asks three communes for a report; the first commune's clerk writes it heading by heading. */
describeOnDatabases("unit reports: writing sections", (ctx) => {
  let district: UnitRow;
  const communes: UnitRow[] = [];
  let owed: Array<typeof obligations.$inferSelect>;
  let headingId: string;
  let ids: Record<string, string>;
  let clerk: TestClient;
  let boss: TestClient;
  const url = (i: number, heading = headingId) => `/api/obligations/${owed[i].id}/report/sections/${heading}`;
  const stored = async (i: number) => (await clerk.get(`/api/obligations/${owed[i].id}/report`)).json<UnitReport>();

  beforeAll(async () => {
    const { db } = ctx();
    district = await makeUnit(db, { name: unique("Huyện ủy"), kind: "huyen-uy", tree: "party" });
    for (const n of [1, 2, 3]) communes.push(await makeUnit(db, { name: `Đảng ủy xã ${n}`, kind: "dang-uy", parent: district }));
    const manager = await makeUser(db, { unit: district, grants: [{ unit: district, role: "manager" }] });
    const { task } = await makeReportPlan(db, { issuerUnitId: district.id, createdBy: manager.id });
    const made = await makeForm(db, task.id, [{ code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 }]);
    headingId = made.heading.id;
    ids = made.ids;
    owed = await obligate(
      db,
      task,
      communes.map((c) => c.id),
    );
    clerk = await signedIn(ctx().app, await makeUser(db, { unit: communes[0], grants: [{ unit: communes[0], role: "member" }] }));
    boss = await signedIn(ctx().app, manager);
  });

  it("saves a heading's text, bumps its version, folds its text for search and shows it in the report", async () => {
    const res = await clerk.put(url(0), { version: 0, doc: doc("Đã kiện toàn 12 chi bộ quân sự.") });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReportSection>()).toMatchObject({ headingId, version: 1, doc: doc("Đã kiện toàn 12 chi bộ quân sự.") });
    const report = await stored(0);
    expect(report.sections).toEqual([res.json()]);
    // The report row made by the text leaves the values at version 0: their first save still sends 0.
    expect(report.version).toBe(0);
    const values = await clerk.put(`/api/obligations/${owed[0].id}/report/values`, {
      version: 0,
      values: [{ indicatorId: ids.CB, value: 12 }],
    });
    expect(values.statusCode, values.body).toBe(200);
    const [row] = await ctx()
      .db.select()
      .from(reportSections)
      .where(and(eq(reportSections.headingId, headingId)));
    expect(row.searchText).toBe("da kien toan 12 chi bo quan su.");
  });

  it("refuses pasted HTML's script, handlers, javascript: links and foreign tags, naming them, and saves nothing", async () => {
    const bad = [
      { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] },
      { type: "doc", content: [{ type: "paragraph", attrs: { onerror: "alert(1)" }, content: [{ type: "text", text: "x" }] }] },
      {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] },
        ],
      },
      { type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] },
      { type: "doc", content: [{ type: "style", content: [{ type: "text", text: "body{display:none}" }] }] },
    ];
    for (const body of bad) {
      const res = await clerk.put(url(0), { version: 1, doc: body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(/^Mục I\. Số liệu: Nội dung có .+ không được phép trong báo cáo/);
    }
    const after = await stored(0);
    expect(after.sections[0].version).toBe(1);
    expect(JSON.stringify(after.sections)).not.toMatch(/script|onerror|javascript|iframe|style/);
  });

  it("refuses a section over 1 MB with its own message, and a 50 MB paste before reading it (413)", async () => {
    const long = await clerk.put(url(0), { version: 1, doc: doc(...("x".repeat(1_200_000).match(/.{1,100000}/g) ?? [])) });
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json().error.message).toContain("dài quá 1 MB");
    const huge = await clerk.request("PUT", url(0), JSON.stringify({ version: 1, doc: doc("x".repeat(50 * 1024 * 1024)) }), {
      "content-type": "application/json",
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toContain("mỗi mục báo cáo tối đa 1 MB");
    expect((await stored(0)).sections[0].version).toBe(1);
  });

  it("tells the second of two tabs autosaving the same heading (409) and hands it the server's copy", async () => {
    const first = await clerk.put(url(0), { version: 1, doc: doc("Bản của thẻ thứ nhất") });
    expect(first.statusCode, first.body).toBe(200);
    const second = await clerk.put(url(0), { version: 1, doc: doc("Bản của thẻ thứ hai") });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("VERSION_CONFLICT");
    expect(second.json().error.message).toContain("Mục này vừa được lưu ở nơi khác (thẻ/máy khác)");
    const { current } = second.json().error.details as SectionConflict;
    expect(current).toEqual(first.json());
    // The second tab keeps its own text by saving over the copy it was shown: nothing is lost either way.
    const kept = await clerk.put(url(0), { version: current.version, doc: doc("Bản của thẻ thứ nhất", "Bản của thẻ thứ hai") });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json<ReportSection>().version).toBe(3);
  });

  it("refuses another unit's report (403), an unknown heading (404) and an outsider (404)", async () => {
    const other = await clerk.put(url(1), { version: 0, doc: doc("x") });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain("báo cáo của đơn vị mình");
    expect((await clerk.put(url(0, crypto.randomUUID()), { version: 3, doc: doc("x") })).statusCode).toBe(404);
    const elsewhere = await makeUnit(ctx().db);
    const outsider = await signedIn(
      ctx().app,
      await makeUser(ctx().db, { unit: elsewhere, grants: [{ unit: elsewhere, role: "manager" }] }),
    );
    expect((await outsider.put(url(0), { version: 3, doc: doc("x") })).statusCode).toBe(403);
    expect((await outsider.get(`/api/obligations/${owed[0].id}/report`)).statusCode).toBe(404);
  });

  it("saves several headings at once, all or nothing", async () => {
    const sections = (second: unknown) => ({
      sections: [
        { headingId, version: 0, doc: doc("Ban CHQS xã 3") },
        { headingId: crypto.randomUUID(), version: 0, doc: second },
      ],
    });
    const refused = await boss.put(`/api/obligations/${owed[2].id}/report/sections`, sections(doc("x")));
    expect(refused.statusCode).toBe(404);
    const twice = await boss.put(`/api/obligations/${owed[2].id}/report/sections`, {
      sections: [
        { headingId, version: 0, doc: doc("a") },
        { headingId, version: 0, doc: doc("b") },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect((await boss.get(`/api/obligations/${owed[2].id}/report`)).json<UnitReport>().sections).toEqual([]);
    const saved = await boss.put(`/api/obligations/${owed[2].id}/report/sections`, {
      sections: [{ headingId, version: 0, doc: doc("Ban CHQS xã 3") }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<UnitReport>().sections.map((s) => s.version)).toEqual([1]);
  });

  it("locks the text once the report is accepted (409)", async () => {
    await ctx().db.update(obligations).set({ status: "accepted", acceptedAt: new Date() }).where(eq(obligations.id, owed[2].id));
    const locked = await boss.put(`/api/obligations/${owed[2].id}/report/sections/${headingId}`, { version: 1, doc: doc("sửa") });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toContain("đã được cấp trên tiếp nhận nên không sửa được nội dung");
  });
});
