import { Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { MIME } from "../../../contracts/http";
import { uploadLimits } from "../../../contracts/obligations";
import type { ReportTotals } from "../../../contracts/reports";
import { docText } from "../../../domain/reports/prose";
import { nameKey, searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { reportSections, reportValues, unitReports } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { discard, type ReceivedFile, receiveToTemp } from "../../platform/files/receive";
import type { FileStore } from "../../platform/files/store";
import { obligationAnsweredBy } from "../obligations/level";
import { submit } from "../obligations/service";
import type { CompiledSectionRow } from "./compiled-queries";
import type { Level } from "./level";
import { findFormOfTask, formParts, type HeadingRow, type IndicatorRow } from "./queries";

/**
 * The final compiled report is the level's own submission upward: when the compiling unit answers an obligation of
 * the level above with this plan (child plans), its report under the parent task's form takes the level's totals
 * (indicators matched by code) and compiled text (headings matched by number and heading), and the obligation is
 * submitted with the compiled .docx attached. So the province's totals over the districts equal those over the communes.
 */

export const headingKey = (h: Pick<HeadingRow, "number" | "heading">) => `${h.number.trim().toUpperCase()}|${nameKey(h.heading)}`;

export interface UpwardInput {
  actor: Actor;
  level: Level;
  totals: ReportTotals;
  indicators: readonly IndicatorRow[];
  headings: readonly HeadingRow[];
  sections: readonly CompiledSectionRow[];
  file: Buffer;
  fileName: string;
  text: string;
  store: FileStore;
}

/** In the caller's transaction; the obligation submitted, or null when the level owes nothing upward now. */
export async function submitUpward(tx: Db, input: UpwardInput): Promise<string | null> {
  const { actor, level } = input;
  const owed = await obligationAnsweredBy(tx, level.task.planId, level.unit.id);
  if (!owed || (owed.status !== "open" && owed.status !== "returned")) return null;
  const parentForm = await findFormOfTask(tx, owed.taskId);
  if (parentForm) {
    const parent = await formParts(tx, parentForm.id);
    await tx.insert(unitReports).values({ formId: parentForm.id, obligationId: owed.id, unitId: level.unit.id }).onConflictDoNothing();
    const [report] = await tx.select().from(unitReports).where(eq(unitReports.obligationId, owed.id)).for("update");
    await tx
      .update(unitReports)
      .set({ version: report.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
      .where(eq(unitReports.id, report.id));
    const totalOf = new Map(input.totals.totals.map((t) => [t.indicatorId, t.value]));
    const codeTotals = new Map(input.indicators.map((i) => [i.code, totalOf.get(i.id) ?? null]));
    const values = parent.indicators
      .filter((i) => !(i.numeratorId && i.denominatorId))
      .flatMap((i) => {
        const value = codeTotals.get(i.code);
        return value === null || value === undefined ? [] : [{ reportId: report.id, indicatorId: i.id, value }];
      });
    await tx.delete(reportValues).where(eq(reportValues.reportId, report.id));
    if (values.length > 0) await tx.insert(reportValues).values(values);
    const ownHeading = new Map(input.headings.map((h) => [h.id, headingKey(h)]));
    const parentHeading = new Map(parent.headings.map((h) => [headingKey(h), h.id]));
    for (const s of input.sections) {
      const headingId = parentHeading.get(ownHeading.get(s.headingId) ?? "");
      if (!headingId) continue;
      const row = { doc: s.doc, searchText: searchKey(docText(s.doc)), updatedBy: actor.userId, updatedAt: new Date() };
      const [updated] = await tx
        .update(reportSections)
        .set({ ...row, version: sql`${reportSections.version} + 1` })
        .where(and(eq(reportSections.reportId, report.id), eq(reportSections.headingId, headingId)))
        .returning({ headingId: reportSections.headingId });
      if (!updated) await tx.insert(reportSections).values({ reportId: report.id, headingId, ...row });
    }
  }
  const received: ReceivedFile = await receiveToTemp(Readable.from([input.file]), input.fileName, {
    dir: input.store.tempDir,
    maxBytes: uploadLimits.maxFileBytes,
  });
  try {
    await submit(tx, {
      actor,
      obligationId: owed.id,
      text: input.text,
      files: [{ file: received, mimeType: MIME.docx }],
      store: input.store,
    });
  } finally {
    await discard([received]);
  }
  return owed.id;
}
