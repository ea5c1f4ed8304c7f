import { and, eq } from "drizzle-orm";
import type { ReportSection, SaveSectionRequest, SaveSectionsRequest, UnitReport } from "../../../contracts/reports";
import { ReportDocError, validateReportDoc } from "../../../domain/reports/rich-text";
import { searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { reportHeadings, reportSections, unitReports } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { AppError, notFound } from "../../platform/errors";
import { loadObligation } from "../obligations/queries";
import { assertReportEditable, invalid } from "./policy";
import { findSection, presentSection, unwrittenSection } from "./section-rows";
import { findReport, present, type ReportContext, reportContext } from "./values";

/**
 * A unit writes its report heading by heading: each heading's text is the editor's document, checked against
 * the allowed schema, stored with its plain text folded for search, and guarded by its own version so two tabs
 * autosaving the same heading never overwrite each other: the later one is told (409) and handed the server's copy.
 */

const staleMessage =
  "Mục này vừa được lưu ở nơi khác (thẻ/máy khác). Bản trên máy chủ và bản của bạn được hiện cạnh nhau: hãy chọn giữ bản nào; chưa có gì bị mất.";

/** The stale-version refusal, with the server's copy in its details so the client can show both. */
const sectionConflict = (current: ReportSection) => new AppError("VERSION_CONFLICT", staleMessage, { current });

function checkedDoc(doc: unknown, heading: { number: string; heading: string }) {
  try {
    return validateReportDoc(doc);
  } catch (error) {
    if (error instanceof ReportDocError) throw invalid(`Mục ${heading.number}. ${heading.heading}: ${error.message}`);
    throw error;
  }
}

/** The unit's report row, made on the first write (version 0: its values are still unsaved, see saveValues). */
async function ensureReport(tx: Db, context: ReportContext) {
  const existing = await findReport(tx, context.obligation.id, true);
  if (existing) return existing;
  await tx
    .insert(unitReports)
    .values({ formId: context.form.id, obligationId: context.obligation.id, unitId: context.obligation.unitId, version: 0 })
    .onConflictDoNothing();
  return (await findReport(tx, context.obligation.id, true)) as NonNullable<Awaited<ReturnType<typeof findReport>>>;
}

interface Write {
  headingId: string;
  version: number;
  doc: unknown;
}

/** Checks every write (heading of the form, allowed document, current version) and stores all of them, or none. */
async function writeSections(db: Db, actor: Actor, obligationId: string, writes: readonly Write[]): Promise<ReportSection[]> {
  const context = await reportContext(db, actor, obligationId, true);
  const headings = new Map(
    (await db.select().from(reportHeadings).where(eq(reportHeadings.formId, context.form.id))).map((h) => [h.id, h]),
  );
  const checked = writes.map((w) => {
    const heading = headings.get(w.headingId);
    if (!heading) throw notFound("Không tìm thấy đề mục này trong đề cương. Hãy tải lại trang để lấy đề cương mới nhất.");
    return { ...w, ...checkedDoc(w.doc, heading) };
  });
  return db.transaction(async (tx) => {
    // The obligation's row lock queues this save behind an acceptance under way, and its state is read afresh.
    assertReportEditable(await loadObligation(tx, obligationId, true), "nội dung");
    const report = await ensureReport(tx, context);
    const saved: ReportSection[] = [];
    for (const w of checked) {
      const row = await findSection(tx, report.id, w.headingId, true);
      if ((row?.version ?? 0) !== w.version) throw sectionConflict(row ? presentSection(row) : unwrittenSection(w.headingId));
      const fields = {
        doc: w.doc as unknown as Record<string, unknown>,
        searchText: searchKey(w.text),
        updatedBy: actor.userId,
        updatedAt: new Date(),
      };
      const [written] = row
        ? await tx
            .update(reportSections)
            .set({ ...fields, version: row.version + 1 })
            .where(and(eq(reportSections.reportId, report.id), eq(reportSections.headingId, w.headingId)))
            .returning()
        : await tx
            .insert(reportSections)
            .values({ ...fields, reportId: report.id, headingId: w.headingId })
            .returning();
      saved.push(presentSection(written));
    }
    return saved;
  });
}

export interface SaveSectionOptions {
  actor: Actor;
  obligationId: string;
  headingId: string;
  input: SaveSectionRequest;
}

/** Autosave of one heading's text: `version` is the one the editor loaded (0 for a heading never written). */
export async function saveSection(db: Db, { actor, obligationId, headingId, input }: SaveSectionOptions): Promise<ReportSection> {
  const [saved] = await writeSections(db, actor, obligationId, [{ headingId, ...input }]);
  return saved;
}

/** Several headings at once (an uploaded .docx placed along the outline); one refusal and nothing is saved. */
export async function saveSections(
  db: Db,
  { actor, obligationId, input }: { actor: Actor; obligationId: string; input: SaveSectionsRequest },
): Promise<UnitReport> {
  const ids = input.sections.map((s) => s.headingId);
  if (new Set(ids).size !== ids.length) throw invalid("Một đề mục chỉ được lưu một lần trong mỗi lần lưu. Hãy gộp nội dung của nó lại.");
  await writeSections(db, actor, obligationId, input.sections);
  return present(db, actor, await reportContext(db, actor, obligationId));
}
