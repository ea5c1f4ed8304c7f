import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferenceAgendaItems, conferenceSpeeches, conferences, conferenceTimerCommands, conferenceTimers } from "../../db/schema/index";
import { unitView } from "../organisations/views";

export type TimerRow = typeof conferenceTimers.$inferSelect;

/** The conference's timer, or null before its first command. */
export async function findTimer(db: Db, conferenceId: string): Promise<TimerRow | null> {
  const [row] = await db.select().from(conferenceTimers).where(eq(conferenceTimers.conferenceId, conferenceId));
  return row ?? null;
}

/** The timer row, created idle if missing, locked until the transaction ends: commands on one timer go one at a time. */
export async function lockTimer(tx: Db, conferenceId: string): Promise<TimerRow> {
  await tx.insert(conferenceTimers).values({ conferenceId }).onConflictDoNothing();
  const [row] = await tx.select().from(conferenceTimers).where(eq(conferenceTimers.conferenceId, conferenceId)).for("update");
  return row;
}

/**
 * Records a command by its client-made id. False when that id is already recorded (a replay): the caller then
 * answers the current state without applying anything. `conferenceId` tells a replay from an id reused elsewhere.
 */
export async function recordCommand(
  tx: Db,
  row: { id: string; conferenceId: string; command: string; actorId: string; seq: number; at: Date },
): Promise<{ recorded: true } | { recorded: false; conferenceId: string }> {
  const inserted = await tx.insert(conferenceTimerCommands).values(row).onConflictDoNothing().returning({ id: conferenceTimerCommands.id });
  if (inserted.length > 0) return { recorded: true };
  const [before] = await tx
    .select({ conferenceId: conferenceTimerCommands.conferenceId })
    .from(conferenceTimerCommands)
    .where(eq(conferenceTimerCommands.id, row.id));
  return { recorded: false, conferenceId: before?.conferenceId ?? "" };
}

export async function saveTimer(tx: Db, conferenceId: string, values: Omit<TimerRow, "conferenceId">): Promise<void> {
  await tx.update(conferenceTimers).set(values).where(eq(conferenceTimers.conferenceId, conferenceId));
}

/** The agenda in order and the speeches in running order, with what the stage needs of them. */
export async function loadStageProgram(db: Db, conferenceId: string) {
  const [conference] = await db.select({ title: conferences.title }).from(conferences).where(eq(conferences.id, conferenceId));
  const agenda = await db
    .select({
      id: conferenceAgendaItems.id,
      content: conferenceAgendaItems.content,
      kind: conferenceAgendaItems.kind,
      startsAt: conferenceAgendaItems.startsAt,
      endsAt: conferenceAgendaItems.endsAt,
      responsible: conferenceAgendaItems.responsible,
    })
    .from(conferenceAgendaItems)
    .where(eq(conferenceAgendaItems.conferenceId, conferenceId))
    .orderBy(asc(conferenceAgendaItems.sortOrder), sql`${conferenceAgendaItems.startsAt} nulls last`, asc(conferenceAgendaItems.id));
  const unit = unitView("speech_unit");
  const speeches = await db
    .select({
      id: conferenceSpeeches.id,
      runningOrder: conferenceSpeeches.runningOrder,
      topic: conferenceSpeeches.topic,
      // The chosen unit's name; the plan's words until one is chosen.
      unitName: sql<string>`coalesce(${unit.name}, ${conferenceSpeeches.unitName})`,
      timeLimitSeconds: conferenceSpeeches.timeLimitSeconds,
    })
    .from(conferenceSpeeches)
    .leftJoin(unit, eq(unit.id, conferenceSpeeches.unitId))
    .where(eq(conferenceSpeeches.conferenceId, conferenceId))
    .orderBy(asc(conferenceSpeeches.runningOrder), asc(conferenceSpeeches.id));
  return { title: conference?.title ?? "", agenda, speeches };
}

export type StageProgramRows = Awaited<ReturnType<typeof loadStageProgram>>;
