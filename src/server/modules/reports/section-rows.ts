import { and, eq } from "drizzle-orm";
import type { ReportSection } from "../../../contracts/reports";
import type { Db } from "../../db/client";
import { reportSections } from "../../db/schema/index";

/** Rows of report_sections as the wire shows them. */

export type SectionRow = typeof reportSections.$inferSelect;

export const presentSection = (row: SectionRow): ReportSection => ({
  headingId: row.headingId,
  doc: row.doc,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** A heading never written: its version is 0 and its document empty. */
export const unwrittenSection = (headingId: string): ReportSection => ({
  headingId,
  doc: { type: "doc", content: [{ type: "paragraph" }] },
  version: 0,
  updatedAt: null,
});

export async function storedSections(db: Db, reportId: string | undefined): Promise<ReportSection[]> {
  if (!reportId) return [];
  const rows = await db.select().from(reportSections).where(eq(reportSections.reportId, reportId));
  return rows.map(presentSection);
}

export async function findSection(db: Db, reportId: string, headingId: string, lock = false): Promise<SectionRow | undefined> {
  const query = db
    .select()
    .from(reportSections)
    .where(and(eq(reportSections.reportId, reportId), eq(reportSections.headingId, headingId)));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}
