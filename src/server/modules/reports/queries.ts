import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { IndicatorRule } from "../../../domain/reports/rules";
import type { Db } from "../../db/client";
import { reportForms, reportHeadings, reportIndicators, reportValues } from "../../db/schema/index";
import { notFound, versionConflict } from "../../platform/errors";

export type FormRow = typeof reportForms.$inferSelect;
export type HeadingRow = typeof reportHeadings.$inferSelect;
export type IndicatorRow = typeof reportIndicators.$inferSelect;

export interface FormRows {
  form: FormRow;
  planId: string;
  headings: HeadingRow[];
  indicators: IndicatorRow[];
}

export const formMissing = "Nhiệm vụ này chưa có đề cương, biểu mẫu báo cáo. Hãy lập biểu mẫu trước.";

export async function findFormOfTask(db: Db, taskId: string): Promise<FormRow | undefined> {
  const [row] = await db.select().from(reportForms).where(eq(reportForms.taskId, taskId));
  return row;
}

/** Which of the given tasks carry a report form (a unit has a report to write): for the obligation page and "Việc của tôi". */
export async function tasksWithReportForm(db: Db, taskIds: readonly string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .select({ taskId: reportForms.taskId })
    .from(reportForms)
    .where(inArray(reportForms.taskId, [...new Set(taskIds)]));
  return new Set(rows.map((r) => r.taskId));
}

export async function findForm(db: Db, formId: string): Promise<FormRow | undefined> {
  const [row] = await db.select().from(reportForms).where(eq(reportForms.id, formId));
  return row;
}

export async function formParts(db: Db, formId: string): Promise<Pick<FormRows, "headings" | "indicators">> {
  const [headings, indicators] = await Promise.all([
    db.select().from(reportHeadings).where(eq(reportHeadings.formId, formId)).orderBy(asc(reportHeadings.sortOrder)),
    db.select().from(reportIndicators).where(eq(reportIndicators.formId, formId)).orderBy(asc(reportIndicators.sortOrder)),
  ]);
  return { headings, indicators };
}

/** Locks the form for the rest of the transaction, checks the version the client edited, and bumps it. */
export async function lockFormVersion(tx: Db, formId: string, version: number): Promise<FormRow> {
  const [form] = await tx.select().from(reportForms).where(eq(reportForms.id, formId)).for("update");
  if (!form) throw notFound("Không tìm thấy biểu mẫu báo cáo.");
  if (form.version !== version) throw versionConflict("Biểu mẫu báo cáo");
  const [bumped] = await tx
    .update(reportForms)
    .set({ version: form.version + 1, updatedAt: new Date() })
    .where(eq(reportForms.id, formId))
    .returning();
  return bumped;
}

/** An indicator row as the rules see it. */
export function asRule(i: IndicatorRow): IndicatorRule {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    kind: i.kind,
    min: i.min,
    notAboveId: i.notAboveId,
    ratio: i.numeratorId && i.denominatorId ? { numeratorId: i.numeratorId, denominatorId: i.denominatorId } : null,
  };
}

/** How many units entered a value for each of the given indicators (an indicator with values is not deleted). */
export async function valueCounts(db: Db, formId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ indicatorId: reportValues.indicatorId, n: count() })
    .from(reportValues)
    .innerJoin(reportIndicators, eq(reportIndicators.id, reportValues.indicatorId))
    .where(and(eq(reportIndicators.formId, formId)))
    .groupBy(reportValues.indicatorId);
  return new Map(rows.map((r) => [r.indicatorId, r.n]));
}
