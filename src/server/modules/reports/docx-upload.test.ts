import { beforeAll, expect, it } from "vitest";
import type { DocxPreview, UnitReport } from "../../../contracts/reports";
import { type obligations, reportHeadings } from "../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, unique } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { makeForm, makeReportPlan, obligate, reportDocx } from "./testing";

function multipart(fileName: string, content: Buffer) {
  const boundary = `----kehoach${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A commune uploads its whole report as a .docx: headings matched to the form, the rest left for it to place. */
describeOnDatabases("unit reports: a .docx laid along the form", (ctx) => {
  let communes: UnitRow[];
  let owed: Array<typeof obligations.$inferSelect>;
  let headings: Record<string, string>;
  let clerk: TestClient;
  const upload = (i: number, fileName: string, content: Buffer) => {
    const { payload, headers } = multipart(fileName, content);
    return clerk.request("POST", `/api/obligations/${owed[i].id}/report/docx`, payload, headers);
  };

  beforeAll(async () => {
    const { db } = ctx();
    const district = await makeUnit(db, { name: unique("Huyện ủy"), kind: "huyen-uy", tree: "party" });
    communes = [
      await makeUnit(db, { name: "Đảng ủy xã A", parent: district }),
      await makeUnit(db, { name: "Đảng ủy xã B", parent: district }),
    ];
    const manager = await makeUser(db, { unit: district, grants: [{ unit: district, role: "manager" }] });
    const { task } = await makeReportPlan(db, { issuerUnitId: district.id, createdBy: manager.id });
    const { form, heading } = await makeForm(db, task.id, [{ code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 }]);
    const more = await db
      .insert(reportHeadings)
      .values([
        { formId: form.id, sortOrder: 1, number: "II", heading: "Kết quả thực hiện" },
        { formId: form.id, sortOrder: 2, number: "III", heading: "Phương hướng năm 2027" },
      ])
      .returning();
    headings = { I: heading.id, II: more[0].id, III: more[1].id };
    owed = await obligate(
      db,
      task,
      communes.map((c) => c.id),
    );
    clerk = await signedIn(ctx().app, await makeUser(db, { unit: communes[0], grants: [{ unit: communes[0], role: "member" }] }));
  });

  it("previews the file's headings matched to the form (tones and diacritics aside), saves nothing, then saves what the unit places", async () => {
    const file = await reportDocx([
      { text: "BÁO CÁO TỔNG KẾT", bold: true },
      { text: "I. SỐ LIỆU", heading: true },
      "Có 12 chi bộ.",
      { text: "II. Ket qua thuc hien", bold: true },
      "Hoàn thành chỉ tiêu giao quân.",
      { text: "IV. Kiến nghị", heading: true },
      "Đề nghị bổ sung kinh phí.",
    ]);
    const res = await upload(0, "bao-cao.docx", file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<DocxPreview>();
    expect(preview.blocks.map((b) => [b.title, b.headingId, b.excerpt])).toEqual([
      ["(Phần đầu tệp, trước đề mục đầu tiên)", null, "BÁO CÁO TỔNG KẾT"],
      ["I. SỐ LIỆU", headings.I, "Có 12 chi bộ."],
      ["II. Ket qua thuc hien", headings.II, "Hoàn thành chỉ tiêu giao quân."],
      ["IV. Kiến nghị", null, "Đề nghị bổ sung kinh phí."],
    ]);
    expect(preview.emptyHeadingIds).toEqual([headings.III]);
    expect((await clerk.get(`/api/obligations/${owed[0].id}/report`)).json<UnitReport>().sections).toEqual([]);
    // The unit puts the unmatched "IV" under III and confirms.
    const placed = preview.blocks
      .filter((b) => b.headingId || b.title.startsWith("IV"))
      .map((b) => ({ headingId: b.headingId ?? headings.III, version: 0, doc: b.doc }));
    const saved = await clerk.put(`/api/obligations/${owed[0].id}/report/sections`, { sections: placed });
    expect(saved.statusCode, saved.body).toBe(200);
    const report = saved.json<UnitReport>();
    expect(report.sections.find((s) => s.headingId === headings.III)?.doc).toEqual(preview.blocks[3].doc);
  });

  it("refuses a .docx with no heading, a file that is not a .docx by its bytes, and another unit's report", async () => {
    const flat = await upload(0, "bao-cao.docx", await reportDocx(["Một đoạn văn.", "Đoạn thứ hai."]));
    expect(flat.statusCode).toBe(400);
    expect(flat.json().error.message).toContain("Không tìm thấy đề mục nào trong tệp .docx");
    const renamed = await upload(0, "bao-cao.docx", Buffer.from("%PDF-1.7 not a word file"));
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.message).toContain("không phải tệp Word (.docx)");
    const other = await upload(1, "bao-cao.docx", await reportDocx([{ text: "I. Số liệu", heading: true }]));
    expect(other.statusCode).toBe(403);
  });
});
