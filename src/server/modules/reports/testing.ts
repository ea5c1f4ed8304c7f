import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { ImportResult, PlanSection } from "../../../contracts/importer";
import { appendPassage, docText, textParagraphs } from "../../../domain/reports/prose";
import type { IndicatorKind } from "../../../domain/reports/rules";
import { searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import {
  compiledReports,
  compiledSections,
  obligations,
  plans,
  reportForms,
  reportHeadings,
  reportIndicators,
  reportSections,
  reportValues,
  unitReports,
} from "../../db/schema/index";
import { writeOutline } from "../plans/outline";
import { makePlan, makeTask, type ObligationState, obligationRow, type PlanRow, type TaskRow } from "../tracking/fixtures";

/** Test and benchmark support: plans with a report task, obligations, forms and values written straight to the tables. */

const BATCH = 1000;

/** The outline of seed 000 (Hải Phòng's Bộ CHQS: "A. NỘI DUNG BÁO CÁO" sits under "II"). */
export function seed000Sections(): PlanSection[] {
  const file = new URL("../../../../test/fixtures/seeds/000_558bad5328212af2.expected.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { sections: PlanSection[] }).sections;
}

/**
 * A commune's plan whose report outline is an annex ("ĐỀ CƯƠNG BÁO CÁO … (Kèm theo Kế hoạch số …)"), as the importer
 * reads it (test/fixtures/annexed-plan.txt, also read by the annex test in domain/importer/shapes.test.ts). None of the seed plans carries an
 * outline annex: seed 001's only annex is its table of speeches, and seed 000's outline sits in its own text.
 */
export const ANNEXED_PLAN = readFileSync(new URL("../../../../test/fixtures/annexed-plan.txt", import.meta.url), "utf8");

/** Seed 001 as the importer reads it: its one annex is the table of speeches (no outline). */
export function seed001Result(): ImportResult {
  const file = new URL("../../../../test/fixtures/seeds/001_f9655c538364916e.expected.json", import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")) as ImportResult;
}

export async function makeReportPlan(
  db: Db,
  options: { issuerUnitId: string; createdBy: string; sections?: PlanSection[] },
): Promise<{ plan: PlanRow; task: TaskRow }> {
  const plan = await makePlan(db, { issuerUnitId: options.issuerUnitId, createdBy: options.createdBy, number: null });
  if (options.sections) await writeOutline(db, plan.id, options.sections);
  const task = await makeTask(db, {
    planId: plan.id,
    dueDate: "2026-12-15",
    what: "Báo cáo tổng kết theo đề cương",
    deliverable: "report",
  });
  return { plan, task };
}

/** One obligation of the task per unit, in one INSERT per thousand; returns them in the order of `unitIds`. */
export async function obligate(db: Db, task: TaskRow, unitIds: readonly string[], state: ObligationState = {}) {
  const made: Array<typeof obligations.$inferSelect> = [];
  for (let i = 0; i < unitIds.length; i += BATCH)
    made.push(
      ...(await db
        .insert(obligations)
        .values(unitIds.slice(i, i + BATCH).map((u) => obligationRow(task, u, state)))
        .returning()),
    );
  const byUnit = new Map(made.map((o) => [o.unitId, o]));
  return unitIds.map((u) => byUnit.get(u) as typeof obligations.$inferSelect);
}

export interface IndicatorSpec {
  code: string;
  name: string;
  kind: IndicatorKind;
  min?: number;
  notAbove?: string;
  ratio?: [string, string];
}

/** A form with one heading and the given indicators (rules by code); returns the indicator ids by code. */
export async function makeForm(db: Db, taskId: string, specs: IndicatorSpec[]) {
  const [form] = await db.insert(reportForms).values({ taskId }).returning();
  const [heading] = await db.insert(reportHeadings).values({ formId: form.id, sortOrder: 0, number: "I", heading: "Số liệu" }).returning();
  const ids = new Map(specs.map((s) => [s.code, crypto.randomUUID()]));
  const id = (code?: string) => (code ? (ids.get(code) ?? null) : null);
  await db.insert(reportIndicators).values(
    specs.map((s, i) => ({
      id: id(s.code) as string,
      formId: form.id,
      headingId: heading.id,
      sortOrder: i,
      code: s.code,
      name: s.name,
      kind: s.kind,
      min: s.min ?? null,
      notAboveId: id(s.notAbove),
      numeratorId: id(s.ratio?.[0]),
      denominatorId: id(s.ratio?.[1]),
    })),
  );
  return { form, heading, ids: Object.fromEntries(ids) as Record<string, string> };
}

/** Each obligation's values (indicator id → value), bulk: one report row and its values per obligation. */
export async function fillValues(
  db: Db,
  formId: string,
  rows: ReadonlyArray<{ obligation: { id: string; unitId: string }; values: Record<string, number> }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const slice = rows.slice(i, i + BATCH);
    const reports = await db
      .insert(unitReports)
      .values(slice.map((r) => ({ formId, obligationId: r.obligation.id, unitId: r.obligation.unitId })))
      .returning({ id: unitReports.id, obligationId: unitReports.obligationId });
    const reportOf = new Map(reports.map((r) => [r.obligationId, r.id]));
    const values = slice.flatMap((r) =>
      Object.entries(r.values).map(([indicatorId, value]) => ({ reportId: reportOf.get(r.obligation.id) as string, indicatorId, value })),
    );
    for (let j = 0; j < values.length; j += BATCH * 2) await db.insert(reportValues).values(values.slice(j, j + BATCH * 2));
  }
}

/** A unit's text under one heading, as the editor's document (a paragraph per line); its report made when absent. */
export async function writeSection(
  db: Db,
  options: { formId: string; obligation: { id: string; unitId: string }; headingId: string; text: string },
): Promise<void> {
  const { formId, obligation, headingId, text } = options;
  await db.insert(unitReports).values({ formId, obligationId: obligation.id, unitId: obligation.unitId }).onConflictDoNothing();
  const [report] = await db.select().from(unitReports).where(eq(unitReports.obligationId, obligation.id));
  const doc = { type: "doc", content: textParagraphs(text) };
  await db.insert(reportSections).values({ reportId: report.id, headingId, doc, searchText: searchKey(docText(doc)) });
}

/** The unit answers its obligation of the level above with its own plan (both links, as answerWithChildPlan writes them). */
export async function linkChildPlan(db: Db, options: { obligationId: string; childPlanId: string; parentPlanId: string }) {
  await db.update(obligations).set({ childPlanId: options.childPlanId }).where(eq(obligations.id, options.obligationId));
  await db.update(plans).set({ parentPlanId: options.parentPlanId }).where(eq(plans.id, options.childPlanId));
}

/** A level's compiled draft holding, under each heading, every given unit's section (as if each had been picked). */
export async function writeCompiledDraft(
  db: Db,
  options: { formId: string; unitId: string; passages: ReadonlyArray<{ headingId: string; unitName: string; text: string }> },
): Promise<void> {
  const [report] = await db.insert(compiledReports).values({ formId: options.formId, unitId: options.unitId }).returning();
  const docs = new Map<string, ReturnType<typeof appendPassage>>();
  for (const p of options.passages) docs.set(p.headingId, appendPassage(docs.get(p.headingId) ?? null, p.unitName, textParagraphs(p.text)));
  await db
    .insert(compiledSections)
    .values(
      [...docs].map(([headingId, doc]) => ({ compiledReportId: report.id, headingId, doc: doc as unknown as Record<string, unknown> })),
    );
}

/** A .docx of paragraphs, as a unit would write its report: `{ heading: true }` uses Word's Heading 1 style. */
export async function reportDocx(lines: ReadonlyArray<string | { text: string; heading?: boolean; bold?: boolean }>): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import("docx");
  const children = lines.map((line) => {
    const { text, heading, bold } = typeof line === "string" ? { text: line } : line;
    return new Paragraph({ children: [new TextRun({ text, bold })], ...(heading ? { heading: HeadingLevel.HEADING_1 } : {}) });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
