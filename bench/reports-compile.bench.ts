/**
 * The compiled report of a level with 114 units below (Hải Phòng's communes), each having written 10 sections that
 * were all picked into the compiled draft: GET /api/tasks/:id/report-compiled/export.docx through app.inject, signed
 * in as a manager of the compiling unit, on PGlite in memory. Target: under 3 s.
 */
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { type Database, openDatabase } from "../src/server/db/client";
import { reportHeadings } from "../src/server/db/schema/index";
import { fillValues, makeForm, makeReportPlan, obligate, writeCompiledDraft, writeSection } from "../src/server/modules/reports/testing";
import { createSession, SESSION_COOKIE } from "../src/server/platform/auth";
import { makeUnit, makeUser } from "../src/server/testing/factories";

const UNITS = 114;
const HEADINGS = 10;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

let target: { database: Database; app: FastifyInstance; cookie: string; taskId: string } | undefined;

const passage = (unit: string, h: number) =>
  [
    `${unit} đã quán triệt, triển khai nội dung mục ${ROMAN[h]} đến toàn thể cán bộ, đảng viên; tổ chức ${3 + (h % 4)} hội nghị với sự tham gia đầy đủ của các chi bộ trực thuộc.`,
    `Kết quả: hoàn thành ${80 + (h % 20)}% chỉ tiêu được giao; một số chi bộ còn chậm gửi báo cáo, chất lượng sinh hoạt chưa đồng đều.`,
    `Phương hướng thời gian tới: tiếp tục nâng cao chất lượng sinh hoạt chi bộ, kịp thời biểu dương các tập thể, cá nhân tiêu biểu.`,
  ].join("\n");

export async function setup(): Promise<void> {
  const started = performance.now();
  const database = await openDatabase({ dataDir: "memory://" });
  await database.migrate();
  const db = database.db;
  const city = await makeUnit(db, { name: "Thành ủy Hải Phòng (đo)", kind: "thanh-uy", tree: "party" });
  const units = [];
  for (let i = 1; i <= UNITS; i++) units.push(await makeUnit(db, { name: `Đảng ủy xã thứ ${i}`, kind: "dang-uy", parent: city }));
  const manager = await makeUser(db, { unit: city, grants: [{ unit: city, role: "manager" }] });
  const { task } = await makeReportPlan(db, { issuerUnitId: city.id, createdBy: manager.id });
  const { form, heading, ids } = await makeForm(db, task.id, [
    { code: "CB", name: "Tổng số chi bộ", kind: "integer", min: 0 },
    { code: "CBD", name: "Số chi bộ đạt", kind: "integer", min: 0, notAbove: "CB" },
    { code: "TL", name: "Tỷ lệ chi bộ đạt", kind: "percentage", ratio: ["CBD", "CB"] },
  ]);
  const more = await db
    .insert(reportHeadings)
    .values(ROMAN.slice(1, HEADINGS).map((number, i) => ({ formId: form.id, sortOrder: i + 1, number, heading: `Nội dung ${number}` })))
    .returning();
  const headings = [heading, ...more];
  const owed = await obligate(
    db,
    task,
    units.map((u) => u.id),
    { status: "accepted", submittedAt: new Date() },
  );
  await fillValues(
    db,
    form.id,
    owed.map((obligation, i) => ({ obligation, values: { [ids.CB]: 5 + (i % 7), [ids.CBD]: i % 5 } })),
  );
  const passages = [];
  for (const [i, o] of owed.entries())
    for (const [h, hd] of headings.entries()) {
      const text = passage(units[i].name, h);
      await writeSection(db, { formId: form.id, obligation: o, headingId: hd.id, text });
      passages.push({ headingId: hd.id, unitName: units[i].name, text });
    }
  await writeCompiledDraft(db, { formId: form.id, unitId: city.id, passages });
  const { sessionId } = await createSession(db, manager.id);
  const app = await buildApp({ database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
  await app.ready();
  target = { database, app, cookie: `${SESSION_COOKIE}=${sessionId}`, taskId: task.id };
  // Once, outside the timing: the file holds every passage (114 × 10), so the figure measures the whole report.
  const xml = (await (await JSZip.loadAsync(await compileDocx())).file("word/document.xml")?.async("string")) ?? "";
  const found = xml.split("Phương hướng thời gian tới").length - 1;
  if (found !== UNITS * HEADINGS) throw new Error(`export.docx holds ${found} passages, not ${UNITS * HEADINGS}`);
  console.log(`pglite: ${UNITS} báo cáo × ${HEADINGS} mục, dựng trong ${Math.round(performance.now() - started)} ms`);
}

async function compileDocx(): Promise<Buffer> {
  if (!target) throw new Error("reports.compile.docx is not set up");
  const res = await target.app.inject({
    method: "GET",
    url: `/api/tasks/${target.taskId}/report-compiled/export.docx`,
    headers: { cookie: target.cookie },
  });
  if (res.statusCode !== 200) throw new Error(`export.docx: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.rawPayload;
}

export const benches = { "reports.compile.docx": compileDocx };
export const budgets = { "reports.compile.docx": { warmup: 1, samples: 10 } };

export async function teardown(): Promise<void> {
  await target?.app.close();
  await target?.database.close();
}
