import type { Readiness } from "../../../contracts/conference-program";
import type { Db } from "../../db/client";
import { type Actor, canManage } from "../../platform/access";
import { countsOfTasks } from "../obligations/of-tasks";
import { conferenceAccess } from "./policy";
import { awardReady } from "./program-presenter";
import { findConference, listAwardRows, listLogisticsRows, listSpeechRows, taskContext } from "./program-queries";

const HOUR = 3_600_000;

/** Whole days and the hours left over until `start`; zeros once it has begun. */
export function timeLeftUntil(start: Date, now: Date): { days: number; hours: number } {
  const hours = Math.max(0, Math.floor((start.getTime() - now.getTime()) / HOUR));
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/**
 * Readiness at a glance: speeches received (done by the one count rule: submitted or accepted) and approved out of
 * all speeches, logistics done out of all, awards with their form and presenter, the time left, and the overdue
 * speeches and logistics (owed past their deadline), which the plan's urging letter lists.
 */
export async function readiness(db: Db, { actor, conferenceId, now = new Date() }: { actor: Actor; conferenceId: string; now?: Date }) {
  const access = await conferenceAccess(db, actor, conferenceId);
  const [conference, speeches, logistics, awards] = await Promise.all([
    findConference(db, conferenceId),
    listSpeechRows(db, conferenceId),
    listLogisticsRows(db, conferenceId),
    listAwardRows(db, conferenceId),
  ]);
  const speechTasks = speeches.flatMap((s) => (s.taskId ? [s.taskId] : []));
  const logisticsTasks = logistics.map((l) => l.taskId);
  const [speechCounts, logisticsCounts, context] = await Promise.all([
    countsOfTasks(db, speechTasks, now),
    countsOfTasks(db, logisticsTasks, now),
    taskContext(db, { taskIds: [...speechTasks, ...logisticsTasks], unitIds: [], access, actor, now }),
  ]);
  const late: Readiness["late"] = [];
  for (const s of speeches) {
    const o = s.taskId ? context.obligations.get(s.taskId) : undefined;
    if (o?.overdue)
      late.push({
        kind: "speech",
        what: s.topic,
        unitName: o.unitName,
        obligationId: o.id,
        dueAt: o.dueAt.toISOString(),
        status: o.status,
      });
  }
  for (const l of logistics) {
    const o = context.obligations.get(l.taskId);
    if (o?.overdue)
      late.push({
        kind: "logistics",
        what: context.tasks.get(l.taskId)?.what ?? "",
        unitName: o.unitName,
        obligationId: o.id,
        dueAt: o.dueAt.toISOString(),
        status: o.status,
      });
  }
  late.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return {
    planId: access.planId,
    planStatus: access.plan.status,
    startsAt: conference.startsAt?.toISOString() ?? null,
    timeLeft: conference.startsAt ? timeLeftUntil(conference.startsAt, now) : null,
    speechesReceived: { done: speechCounts?.submitted ?? 0, total: speeches.length },
    speechesApproved: { done: speechCounts?.accepted ?? 0, total: speeches.length },
    logisticsDone: { done: logisticsCounts?.submitted ?? 0, total: logistics.length },
    awardsReady: { done: awards.filter(awardReady).length, total: awards.length },
    late,
    canUrge: access.plan.status === "issued" && canManage(actor, access.plan.issuerPath),
    canOrganise: access.canOrganise,
  } satisfies Readiness;
}
