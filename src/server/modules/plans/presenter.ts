import type { PlanAnnex, PlanDetail, PlanOutlineSection, PlanRef, PlanSummary, TaskView } from "../../../contracts/plans";
import { dueInstant } from "../../../domain/deadlines/index";
import { presentCounts, type RawCounts } from "../obligations/counts";
import type { PlanWithIssuer, TaskRow } from "./queries";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

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

export function presentPlanSummary(plan: PlanWithIssuer, counts: RawCounts | undefined): PlanSummary {
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
    counts: presentCounts(counts),
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
  counts: RawCounts | undefined;
  tasks: Array<TaskRow & { obligationCount: number }>;
  /** The outline, read from its rows (outline.ts readOutline). */
  sections: PlanOutlineSection[];
  /** The annexes kept from the import (annexes.ts readAnnexes). */
  annexes: PlanAnnex[];
  parentDue: Date | null;
  parent: PlanWithIssuer | null;
  children: PlanWithIssuer[];
  canManage: boolean;
  canTrack: boolean;
  unitNames: Record<string, string>;
}

/** Every unit id the plan's tasks refer to (speakers are tasks too): the presenter sends their names with the plan. */
export function unitIdsNamedBy(tasks: readonly TaskRow[]): string[] {
  return tasks.flatMap((t) => [...(t.target.unitIds ?? []), ...t.supportUnitIds]);
}

export function presentPlanDetail(p: PlanDetailParts): PlanDetail {
  return {
    ...presentPlanSummary(p.plan, p.counts),
    place: p.plan.place,
    legalBases: p.plan.legalBases,
    purpose: p.plan.purpose,
    requirements: p.plan.requirements,
    sections: p.sections,
    annexes: p.annexes,
    budget: p.plan.budget,
    recipients: p.plan.recipients,
    signer: p.plan.signer,
    reminderSchedule: p.plan.reminderSchedule,
    createdBy: p.plan.createdBy,
    tasks: p.tasks.map((t) => presentTask(t, p.parentDue)),
    unitNames: p.unitNames,
    parent: p.parent ? presentPlanRef(p.parent) : null,
    children: p.children.map(presentPlanRef),
    canManage: p.canManage,
    canTrack: p.canTrack,
  };
}
