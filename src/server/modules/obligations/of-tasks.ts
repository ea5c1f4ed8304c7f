import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { obligations, storedFiles, submissions } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { unitView } from "../organisations/views";
import { countColumns, overdueAt, type RawCounts } from "./counts";
import { canReview, canSubmit } from "./policy";

/**
 * The obligations of given tasks, for modules whose records are plan tasks (a conference's speeches and logistics):
 * each with its status, the flags of the one count rule (counts.ts: overdue at `now`, late), the latest draft's
 * files and what the actor may do with it (the obligation policy's own rules).
 */

const unit = unitView("obligated_unit");

export interface TaskObligation {
  id: string;
  taskId: string;
  unitId: string;
  unitName: string;
  status: "open" | "submitted" | "returned" | "accepted";
  version: number;
  dueAt: Date;
  overdue: boolean;
  late: boolean;
  submittedAt: Date | null;
  returnedReason: string | null;
  files: Array<{ id: string; fileName: string }>;
  canSubmit: boolean;
  canReview: boolean;
}

/**
 * `await obligationsOfTasks(db, { taskIds, issuerPath, actor, now })`: one row per obligation of the tasks,
 * `issuerPath` being the path of the plan's issuer (its managers review).
 */
export async function obligationsOfTasks(
  db: Db,
  options: { taskIds: readonly string[]; issuerPath: string; actor: Actor; now: Date },
): Promise<TaskObligation[]> {
  const { taskIds, issuerPath, actor, now } = options;
  if (taskIds.length === 0) return [];
  const rows = await db
    .select({
      id: obligations.id,
      taskId: obligations.taskId,
      unitId: obligations.unitId,
      unitName: unit.name,
      unitPath: unit.path,
      status: obligations.status,
      version: obligations.version,
      dueAt: obligations.dueAt,
      overdue: sql<boolean>`${overdueAt(now)}`,
      late: obligations.lateSubmission,
      submittedAt: obligations.submittedAt,
      returnedReason: obligations.returnedReason,
    })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(inArray(obligations.taskId, [...taskIds]));
  const files = await latestFiles(
    db,
    rows.filter((r) => r.submittedAt).map((r) => r.id),
  );
  return rows.map(({ unitPath, ...r }) => {
    const placed = { unitId: r.unitId, unitPath, issuerPath };
    return { ...r, files: files.get(r.id) ?? [], canSubmit: canSubmit(actor, placed), canReview: canReview(actor, placed) };
  });
}

/** The files of each obligation's latest submission. */
async function latestFiles(db: Db, obligationIds: string[]): Promise<Map<string, Array<{ id: string; fileName: string }>>> {
  const result = new Map<string, Array<{ id: string; fileName: string }>>();
  if (obligationIds.length === 0) return result;
  const latest = db
    .selectDistinctOn([submissions.obligationId], { id: submissions.id, obligationId: submissions.obligationId })
    .from(submissions)
    .where(inArray(submissions.obligationId, obligationIds))
    .orderBy(submissions.obligationId, desc(submissions.submittedAt))
    .as("latest");
  const rows = await db
    .select({ obligationId: latest.obligationId, id: storedFiles.id, fileName: storedFiles.fileName })
    .from(storedFiles)
    .innerJoin(latest, eq(latest.id, storedFiles.submissionId))
    .orderBy(storedFiles.createdAt, storedFiles.fileName);
  for (const r of rows) result.set(r.obligationId, [...(result.get(r.obligationId) ?? []), { id: r.id, fileName: r.fileName }]);
  return result;
}

/** The obligations of given tasks counted with the one rule (counts.ts), at `now`. */
export async function countsOfTasks(db: Db, taskIds: readonly string[], now: Date): Promise<RawCounts | undefined> {
  if (taskIds.length === 0) return undefined;
  const [row] = await db
    .select(countColumns(now))
    .from(obligations)
    .where(and(inArray(obligations.taskId, [...taskIds])));
  return row;
}
