import type { ObligationDetail, ObligationView } from "../../../contracts/obligations";
import { isOverdue, timeLeft } from "../../../domain/deadlines/index";
import type { listEvents, listSubmissions, ObligationContext } from "./queries";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentObligation(o: ObligationContext, now: Date = new Date()): ObligationView {
  return {
    id: o.id,
    taskId: o.taskId,
    planId: o.planId,
    planTitle: o.planTitle,
    unitId: o.unitId,
    unitName: o.unitName,
    what: o.what,
    deliverable: o.deliverable,
    status: o.status,
    dueDate: o.dueDate,
    dueTime: o.dueTime,
    dueAt: o.dueAt.toISOString(),
    overdue: isOverdue(o, now),
    timeLeft: o.status === "open" || o.status === "returned" ? timeLeft(o.dueAt, now).label : "",
    submittedAt: iso(o.submittedAt),
    lateSubmission: o.lateSubmission,
    acceptedAt: iso(o.acceptedAt),
    returnedReason: o.returnedReason,
    childPlanId: o.childPlanId,
    version: o.version,
  };
}

export function presentObligationDetail(
  o: ObligationContext,
  events: Awaited<ReturnType<typeof listEvents>>,
  subs: Awaited<ReturnType<typeof listSubmissions>>,
  rights: { canSubmit: boolean; canReview: boolean; canPlan: boolean; hasReportForm: boolean },
): ObligationDetail {
  return {
    ...presentObligation(o),
    events: events.map((e) => ({
      id: e.event.id,
      at: e.event.at.toISOString(),
      actorId: e.event.actorId,
      actorName: e.actorName,
      action: e.event.action,
      note: e.event.note,
    })),
    submissions: subs.map((s) => ({
      id: s.submission.id,
      text: s.submission.text,
      submittedBy: s.submission.submittedBy,
      submittedByName: s.submittedByName,
      submittedAt: s.submission.submittedAt.toISOString(),
      late: s.submission.late,
      files: s.files.map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, size: f.size })),
    })),
    ...rights,
  };
}
