import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferenceAwards, conferenceLogistics, conferenceSpeeches, conferences } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { notFound } from "../../platform/errors";
import { obligationsOfTasks, type TaskObligation } from "../obligations/of-tasks";
import { findUnitRefs } from "../organisations/views";
import { findTaskBriefs, type TaskBrief } from "../plans/views";
import type { ConferenceAccess } from "./policy";

/** The program's rows of one conference, with the plan tasks and obligations behind them. */

export type SpeechRow = typeof conferenceSpeeches.$inferSelect;
export type AwardRow = typeof conferenceAwards.$inferSelect;
export type LogisticsRow = typeof conferenceLogistics.$inferSelect;

export const listSpeechRows = (db: Db, conferenceId: string): Promise<SpeechRow[]> =>
  db
    .select()
    .from(conferenceSpeeches)
    .where(eq(conferenceSpeeches.conferenceId, conferenceId))
    .orderBy(asc(conferenceSpeeches.runningOrder), asc(conferenceSpeeches.topic));

export const listAwardRows = (db: Db, conferenceId: string): Promise<AwardRow[]> =>
  db
    .select()
    .from(conferenceAwards)
    .where(eq(conferenceAwards.conferenceId, conferenceId))
    .orderBy(asc(conferenceAwards.stageOrder), asc(conferenceAwards.recipient));

export const listLogisticsRows = (db: Db, conferenceId: string): Promise<LogisticsRow[]> =>
  db.select().from(conferenceLogistics).where(eq(conferenceLogistics.conferenceId, conferenceId));

/** Locks the conference row: writes to its program (running order, stage order) queue behind one another. */
export async function lockConference(tx: Db, conferenceId: string) {
  const [row] = await tx.select().from(conferences).where(eq(conferences.id, conferenceId)).for("update");
  if (!row) throw notFound("Không tìm thấy hội nghị.");
  return row;
}

export async function findConference(db: Db, conferenceId: string) {
  const [row] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
  if (!row) throw notFound("Không tìm thấy hội nghị.");
  return row;
}

export async function lockSpeech(tx: Db, conferenceId: string, speechId: string): Promise<SpeechRow> {
  const [row] = await tx
    .select()
    .from(conferenceSpeeches)
    .where(and(eq(conferenceSpeeches.id, speechId), eq(conferenceSpeeches.conferenceId, conferenceId)))
    .for("update");
  if (!row) throw notFound("Không tìm thấy tham luận trong hội nghị này.");
  return row;
}

export async function lockAward(tx: Db, conferenceId: string, awardId: string): Promise<AwardRow> {
  const [row] = await tx
    .select()
    .from(conferenceAwards)
    .where(and(eq(conferenceAwards.id, awardId), eq(conferenceAwards.conferenceId, conferenceId)))
    .for("update");
  if (!row) throw notFound("Không tìm thấy khen thưởng trong hội nghị này.");
  return row;
}

export interface TaskContext {
  tasks: Map<string, TaskBrief>;
  /** One obligation per task: speeches and logistics each fall to one unit. */
  obligations: Map<string, TaskObligation>;
  unitNames: Map<string, string>;
}

/** The tasks, their obligations (as the actor may act on them) and the names of the units named. */
export async function taskContext(
  db: Db,
  options: { taskIds: string[]; unitIds: string[]; access: ConferenceAccess; actor: Actor; now: Date },
): Promise<TaskContext> {
  const { taskIds, access, actor, now } = options;
  const [tasks, obligations] = await Promise.all([
    findTaskBriefs(db, taskIds),
    obligationsOfTasks(db, { taskIds, issuerPath: access.plan.issuerPath, actor, now }),
  ]);
  const unitIds = [...new Set([...options.unitIds, ...tasks.flatMap((t) => t.unitIds)])];
  const units = await findUnitRefs(db, unitIds);
  return {
    tasks: new Map(tasks.map((t) => [t.id, t])),
    obligations: new Map(obligations.map((o) => [o.taskId, o])),
    unitNames: new Map(units.map((u) => [u.id, u.name])),
  };
}
