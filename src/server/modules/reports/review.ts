import { and, asc, eq, inArray } from "drizzle-orm";
import type { ReportComments, ReturnReportRequest } from "../../../contracts/report-compile";
import type { Db } from "../../db/client";
import { reportComments, reportExcuses, reportHeadings } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { forbidden, invalidState, notFound } from "../../platform/errors";
import { canReadObligation, canReview } from "../obligations/policy";
import { loadObligation, type ObligationContext } from "../obligations/queries";
import { acceptObligation, returnObligation } from "../obligations/service";
import { userFullNames } from "../people/queries";
import { findFormOfTask, formMissing } from "./queries";

/**
 * The level above reviews a unit's report through the obligation's own accept and return (accepted: the report is
 * locked, values and sections answer 409), with comments anchored to the form's headings on return, and excuses
 * an expected unit (with a note) so the level can be final without it.
 */

const missing = "Không tìm thấy báo cáo của đơn vị.";

async function reportObligation(db: Db, actor: Actor, obligationId: string): Promise<{ o: ObligationContext; formId: string }> {
  const o = await loadObligation(db, obligationId).catch(() => undefined);
  if (!o || !canReadObligation(actor, o)) throw notFound(missing);
  const form = await findFormOfTask(db, o.taskId);
  if (!form) throw notFound(formMissing);
  return { o, formId: form.id };
}

async function excuseOf(db: Db, obligationId: string): Promise<string | null> {
  const [row] = await db.select().from(reportExcuses).where(eq(reportExcuses.obligationId, obligationId));
  return row?.note ?? null;
}

export async function acceptReport(db: Db, { actor, obligationId, version }: { actor: Actor; obligationId: string; version: number }) {
  await reportObligation(db, actor, obligationId);
  const o = await acceptObligation(db, { actor, obligationId, version });
  return { obligationId, status: o.status, excuse: await excuseOf(db, obligationId) };
}

/** Sends the report back: the obligation's return with every comment as the reason, the comments kept per heading. */
export async function returnReport(
  db: Db,
  { actor, obligationId, input }: { actor: Actor; obligationId: string; input: ReturnReportRequest },
) {
  const { formId } = await reportObligation(db, actor, obligationId);
  const ids = [...new Set(input.comments.flatMap((c) => (c.headingId ? [c.headingId] : [])))];
  const headings = ids.length
    ? await db
        .select()
        .from(reportHeadings)
        .where(and(eq(reportHeadings.formId, formId), inArray(reportHeadings.id, ids)))
    : [];
  if (headings.length !== ids.length)
    throw notFound("Một ý kiến gắn với đề mục không có trong đề cương của báo cáo này. Hãy tải lại trang.");
  const label = new Map(headings.map((h) => [h.id, `Mục ${h.number} ${h.heading}`.trim()]));
  const reason = input.comments.map((c) => (c.headingId ? `${label.get(c.headingId)}: ${c.body}` : c.body)).join("\n");
  const o = await db.transaction(async (tx) => {
    const returned = await returnObligation(tx, { actor, obligationId, version: input.version, reason: reason.slice(0, 10_000) });
    await tx
      .insert(reportComments)
      .values(input.comments.map((c) => ({ obligationId, headingId: c.headingId, authorId: actor.userId, body: c.body })));
    return returned;
  });
  return { obligationId, status: o.status, excuse: await excuseOf(db, obligationId) };
}

/** Excuses an expected unit from its report, with the note; the reviewers of the plan only; an accepted one needs none. */
export async function excuseReport(db: Db, { actor, obligationId, note }: { actor: Actor; obligationId: string; note: string }) {
  const { o } = await reportObligation(db, actor, obligationId);
  if (!canReview(actor, o)) throw forbidden("Chỉ lãnh đạo/quản lý đơn vị ban hành kế hoạch mới được miễn báo cáo cho đơn vị.");
  if (o.status === "accepted") throw invalidState("Báo cáo của đơn vị đã được tiếp nhận nên không cần miễn.");
  await db.transaction(async (tx) => {
    await tx
      .insert(reportExcuses)
      .values({ obligationId, note, createdBy: actor.userId })
      .onConflictDoUpdate({ target: reportExcuses.obligationId, set: { note, createdBy: actor.userId, createdAt: new Date() } });
    await recordAudit(tx, { actor, action: "report.excuse", entityType: "obligation", entityId: obligationId, after: { note } });
  });
  return { obligationId, status: o.status, excuse: note };
}

/** The comments on a unit's report, oldest first, for the unit and its reviewers. */
export async function listComments(db: Db, { actor, obligationId }: { actor: Actor; obligationId: string }): Promise<ReportComments> {
  await reportObligation(db, actor, obligationId);
  const rows = await db
    .select()
    .from(reportComments)
    .where(eq(reportComments.obligationId, obligationId))
    .orderBy(asc(reportComments.createdAt));
  const names = await userFullNames(
    db,
    rows.flatMap((r) => (r.authorId ? [r.authorId] : [])),
  );
  return {
    comments: rows.map((r) => ({
      id: r.id,
      headingId: r.headingId,
      author: r.authorId ? (names.get(r.authorId) ?? null) : null,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
