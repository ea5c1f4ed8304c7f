import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { compiledReports, compiledSections, reportExcuses, reportSections, reportValues, unitReports } from "../../db/schema/index";
import { invalidState, versionConflict } from "../../platform/errors";
import { obligationAnsweredBy } from "../obligations/level";
import { obligationSent } from "../obligations/read-model";
import { underUnitPath, unitView } from "../organisations/views";
import type { Level } from "./level";

/** The reports module's reads and writes for the compiled view and the compiled report. */

const unit = unitView("unit");

export type CompiledReportRow = typeof compiledReports.$inferSelect;
export type CompiledSectionRow = typeof compiledSections.$inferSelect;

/** Every unit's section of the form under `path` (optionally of one heading). */
export async function sectionsUnder(db: Db, options: { formId: string; path: string; headingId?: string; obligationId?: string }) {
  return db
    .select({
      obligationId: unitReports.obligationId,
      unitId: unitReports.unitId,
      headingId: reportSections.headingId,
      doc: reportSections.doc,
      searchText: reportSections.searchText,
    })
    .from(reportSections)
    .innerJoin(unitReports, eq(unitReports.id, reportSections.reportId))
    .innerJoin(unit, eq(unit.id, unitReports.unitId))
    .where(
      and(
        eq(unitReports.formId, options.formId),
        underUnitPath(unit, options.path),
        options.headingId ? eq(reportSections.headingId, options.headingId) : undefined,
        options.obligationId ? eq(unitReports.obligationId, options.obligationId) : undefined,
      ),
    );
}

export async function excusesOf(db: Db, obligationIds: readonly string[]): Promise<Map<string, string>> {
  if (obligationIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(reportExcuses)
    .where(inArray(reportExcuses.obligationId, [...obligationIds]));
  return new Map(rows.map((r) => [r.obligationId, r.note]));
}

export async function findCompiled(db: Db, formId: string, unitId: string): Promise<CompiledReportRow | undefined> {
  const [row] = await db
    .select()
    .from(compiledReports)
    .where(and(eq(compiledReports.formId, formId), eq(compiledReports.unitId, unitId)));
  return row;
}

export async function compiledSectionsOf(db: Db, compiledReportId: string | undefined): Promise<CompiledSectionRow[]> {
  if (!compiledReportId) return [];
  return db.select().from(compiledSections).where(eq(compiledSections.compiledReportId, compiledReportId));
}

export const finalMessage =
  "Báo cáo tổng hợp đã chốt và gửi đi nên không sửa được nữa. Nếu cần sửa, hãy đề nghị cấp trên trả lại để sửa rồi chốt lại.";
export const acceptedMessage = "Cấp trên đã tiếp nhận báo cáo tổng hợp này nên không sửa được nữa.";

/**
 * The level's compiled report, made on first use, locked for the rest of the transaction. Once final it is refused,
 * unless the level above has sent it back (the obligation it answered is returned: it reopens until marked final
 * again); once the level above has accepted it, it stays locked.
 */
export async function lockDraft(tx: Db, level: Pick<Level, "task" | "form" | "unit">): Promise<CompiledReportRow> {
  const formId = level.form.id;
  const unitId = level.unit.id;
  await tx.insert(compiledReports).values({ formId, unitId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(compiledReports)
    .where(and(eq(compiledReports.formId, formId), eq(compiledReports.unitId, unitId)))
    .for("update");
  if (row.status === "final") {
    const owed = await obligationAnsweredBy(tx, level.task.planId, unitId);
    if (owed?.status === "accepted") throw invalidState(acceptedMessage);
    if (owed?.status !== "returned") throw invalidState(finalMessage);
  }
  return row;
}

/** Writes a compiled section when its version is still `version` (0: none yet); the next version back. */
export async function writeCompiledSection(
  tx: Db,
  options: { compiledReportId: string; headingId: string; version: number; doc: Record<string, unknown>; userId: string },
): Promise<CompiledSectionRow> {
  const { compiledReportId, headingId, version, doc, userId } = options;
  const key = and(eq(compiledSections.compiledReportId, compiledReportId), eq(compiledSections.headingId, headingId));
  const [current] = await tx.select().from(compiledSections).where(key).for("update");
  if ((current?.version ?? 0) !== version) throw versionConflict("Mục của báo cáo tổng hợp");
  const now = new Date();
  if (!current) {
    const [made] = await tx
      .insert(compiledSections)
      .values({ compiledReportId, headingId, doc, updatedBy: userId, updatedAt: now })
      .returning();
    return made;
  }
  const [saved] = await tx
    .update(compiledSections)
    .set({ doc, version: current.version + 1, updatedBy: userId, updatedAt: now })
    .where(and(key, eq(compiledSections.version, current.version)))
    .returning();
  if (!saved) throw versionConflict("Mục của báo cáo tổng hợp");
  return saved;
}

/**
 * Every value of the form under `path` the units have sent (the totals' rule: a draft or a report sent back for
 * correction is not the level's yet), per obligation: obligation id → indicator id → value.
 */
export async function valuesUnder(db: Db, options: { formId: string; path: string }): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .select({ obligationId: unitReports.obligationId, indicatorId: reportValues.indicatorId, value: reportValues.value })
    .from(reportValues)
    .innerJoin(unitReports, eq(unitReports.id, reportValues.reportId))
    .innerJoin(unit, eq(unit.id, unitReports.unitId))
    .where(and(eq(unitReports.formId, options.formId), underUnitPath(unit, options.path), obligationSent(unitReports.obligationId)));
  const byObligation = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const values = byObligation.get(r.obligationId) ?? new Map<string, number>();
    values.set(r.indicatorId, r.value);
    byObligation.set(r.obligationId, values);
  }
  return byObligation;
}
