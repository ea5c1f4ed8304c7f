import type { ObligationCounts, PlanDetail, PlanRef, PlanSummary, TaskView } from "../../../contracts/plans";
import { dueInstant } from "../../../domain/deadlines/index";
import type { CountsRow, PlanWithIssuer, TaskRow } from "./queries";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const zero: ObligationCounts = { total: 0, open: 0, submitted: 0, returned: 0, accepted: 0, overdue: 0, late: 0 };

export function presentPlanRef(plan: PlanWithIssuer): PlanRef {
  return {
    id: plan.id,
    title: plan.title,
    number: plan.number,
    status: plan.status,
    issuerUnitId: plan.issuerUnitId,
    issuerName: plan.issuerName,
  };
}

export function presentPlanSummary(plan: PlanWithIssuer, counts: CountsRow | undefined): PlanSummary {
  const { planId: _planId, ...c } = counts ?? { planId: "", ...zero };
  return {
    ...presentPlanRef(plan),
    typeCode: plan.typeCode,
    layout: plan.layout,
    issuedOn: plan.issuedOn,
    parentPlanId: plan.parentPlanId,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
    issuedAt: iso(plan.issuedAt),
    closedAt: iso(plan.closedAt),
    counts: c,
  };
}

export function presentTask(task: TaskRow & { obligationCount: number }, parentDue: Date | null): TaskView {
  const { unmatchedNames = [], ...target } = task.target;
  const dueAt = task.dueDate ? dueInstant(task.dueDate, task.dueTime) : null;
  return {
    id: task.id,
    planId: task.planId,
    what: task.what,
    deliverable: task.deliverable,
    target,
    unmatchedNames,
    supportUnitIds: task.supportUnitIds,
    dueDate: task.dueDate,
    dueTime: task.dueTime,
    dueAt: dueAt ? dueAt.toISOString() : null,
    dueToCheck: task.dueToCheck,
    sortOrder: task.sortOrder,
    version: task.version,
    obligationCount: task.obligationCount,
    laterThanParent: parentDue !== null && dueAt !== null && dueAt.getTime() > parentDue.getTime(),
  };
}

export interface PlanDetailParts {
  plan: PlanWithIssuer;
  counts: CountsRow | undefined;
  tasks: Array<TaskRow & { obligationCount: number }>;
  parentDue: Date | null;
  parent: PlanWithIssuer | null;
  children: PlanWithIssuer[];
  canManage: boolean;
  canTrack: boolean;
}

export function presentPlanDetail(p: PlanDetailParts): PlanDetail {
  return {
    ...presentPlanSummary(p.plan, p.counts),
    place: p.plan.place,
    legalBases: p.plan.legalBases,
    purpose: p.plan.purpose,
    requirements: p.plan.requirements,
    sections: p.plan.sections,
    budget: p.plan.budget,
    recipients: p.plan.recipients,
    signer: p.plan.signer,
    conferences: p.plan.conferences,
    speeches: p.plan.speeches,
    reminderSchedule: p.plan.reminderSchedule,
    createdBy: p.plan.createdBy,
    tasks: p.tasks.map((t) => presentTask(t, p.parentDue)),
    parent: p.parent ? presentPlanRef(p.parent) : null,
    children: p.children.map(presentPlanRef),
    canManage: p.canManage,
    canTrack: p.canTrack,
  };
}
