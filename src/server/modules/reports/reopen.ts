import { and, asc, eq, gte } from "drizzle-orm";
import type { CompiledUpward, CompiledView } from "../../../contracts/report-compile";
import type { Db } from "../../db/client";
import { reportComments } from "../../db/schema/index";
import { obligationAnsweredBy } from "../obligations/level";
import { userFullNames } from "../people/queries";
import type { CompiledReportRow } from "./compiled-queries";
import type { Level } from "./level";
import { findFormOfTask, formParts } from "./queries";
import { headingKey } from "./upward";

/**
 * A level's final compiled report is its own submission upward, so where it stands is read from the obligation it
 * answered: sent back by the level above, the report reopens (editable, passages pickable, final again re-submits
 * it); accepted, it is locked. Nothing is copied: the obligation's status is the one truth, whichever screen of the
 * level above returned or accepted it (the compiled view or the obligation's own page).
 */

export type CompiledStatus = CompiledView["report"]["status"];
export type Owed = Awaited<ReturnType<typeof obligationAnsweredBy>>;

export function compiledStatus(row: Pick<CompiledReportRow, "status"> | undefined, owed: Owed): CompiledStatus {
  if (row?.status !== "final") return "draft";
  if (owed?.status === "returned") return "returned";
  if (owed?.status === "accepted") return "accepted";
  return "final";
}

/** The obligation of the level above the level answers, if any (read in the caller's transaction). */
export const owedUpward = (db: Db, level: Pick<Level, "task" | "unit">) => obligationAnsweredBy(db, level.task.planId, level.unit.id);

/**
 * The level's submission as the level above sees it, once its compiled report has been final: the status, the
 * reason when sent back, and the comments made since it was last sent, each anchored to this form's heading that
 * matches the commented heading of the level above's form (number and heading), else to none.
 */
export async function upwardOf(db: Db, level: Level, row: CompiledReportRow | undefined, owed: Owed): Promise<CompiledUpward | null> {
  if (!owed || !row?.finalizedAt) return null;
  const [comments, parentForm, own] = await Promise.all([
    db
      .select()
      .from(reportComments)
      .where(and(eq(reportComments.obligationId, owed.id), gte(reportComments.createdAt, row.finalizedAt)))
      .orderBy(asc(reportComments.createdAt)),
    findFormOfTask(db, owed.taskId),
    formParts(db, level.form.id),
  ]);
  const parent = parentForm ? await formParts(db, parentForm.id) : { headings: [] };
  const ownByKey = new Map(own.headings.map((h) => [headingKey(h), h.id]));
  const parentKey = new Map(parent.headings.map((h) => [h.id, headingKey(h)]));
  const names = await userFullNames(
    db,
    comments.flatMap((c) => (c.authorId ? [c.authorId] : [])),
  );
  return {
    obligationId: owed.id,
    status: owed.status,
    returnedReason: owed.status === "returned" ? owed.returnedReason : null,
    comments: comments.map((c) => ({
      id: c.id,
      headingId: c.headingId ? (ownByKey.get(parentKey.get(c.headingId) ?? "") ?? null) : null,
      author: c.authorId ? (names.get(c.authorId) ?? null) : null,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}
