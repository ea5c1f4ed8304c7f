import type { AwardView, LogisticsView, ProgramObligation, SpeechView } from "../../../contracts/conference-program";
import type { conferenceAwards, conferenceSpeeches } from "../../db/schema/index";
import type { TaskObligation } from "../obligations/of-tasks";
import type { TaskBrief } from "../plans/views";

/** The wire shapes of the program: no row goes out as is. */

export function presentProgramObligation(o: TaskObligation | undefined): ProgramObligation | null {
  if (!o) return null;
  return {
    id: o.id,
    status: o.status,
    version: o.version,
    dueAt: o.dueAt.toISOString(),
    overdue: o.overdue,
    late: o.late,
    submittedAt: o.submittedAt?.toISOString() ?? null,
    returnedReason: o.returnedReason,
    files: o.files,
    canSubmit: o.canSubmit,
    canReview: o.canReview,
  };
}

type SpeechRow = typeof conferenceSpeeches.$inferSelect;

export function presentSpeech(s: SpeechRow, context: { task?: TaskBrief; obligation?: TaskObligation; unitName?: string }): SpeechView {
  return {
    id: s.id,
    conferenceId: s.conferenceId,
    topic: s.topic,
    unitId: s.unitId,
    unitName: context.unitName ?? s.unitName,
    taskId: s.taskId,
    dueDate: context.task?.dueDate ?? null,
    dueTime: context.task?.dueTime ?? null,
    timeLimitSeconds: s.timeLimitSeconds,
    runningOrder: s.runningOrder,
    version: s.version,
    obligation: presentProgramObligation(context.obligation),
  };
}

type AwardRow = typeof conferenceAwards.$inferSelect;

/** Ready for the stage: the form of award and who presents it are known. */
export const awardReady = (a: Pick<AwardRow, "form" | "presenter">) => a.form.trim() !== "" && a.presenter.trim() !== "";

export function presentAward(a: AwardRow): AwardView {
  return {
    id: a.id,
    conferenceId: a.conferenceId,
    kind: a.kind,
    recipient: a.recipient,
    recipientUnitId: a.recipientUnitId,
    recipientTitle: a.recipientTitle,
    form: a.form,
    citation: a.citation,
    presenter: a.presenter,
    stageOrder: a.stageOrder,
    version: a.version,
    ready: awardReady(a),
  };
}

export function presentLogistics(
  row: { id: string; kind: LogisticsView["kind"]; taskId: string },
  context: { task?: TaskBrief; obligation?: TaskObligation; unitName?: string },
): LogisticsView {
  return {
    id: row.id,
    kind: row.kind,
    taskId: row.taskId,
    what: context.task?.what ?? "",
    unitId: context.obligation?.unitId ?? context.task?.unitIds[0] ?? null,
    unitName: context.obligation?.unitName ?? context.unitName ?? "",
    dueDate: context.task?.dueDate ?? null,
    dueTime: context.task?.dueTime ?? null,
    obligation: presentProgramObligation(context.obligation),
  };
}
