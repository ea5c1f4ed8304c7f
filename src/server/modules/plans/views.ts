import { eq, inArray } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { PlanAnnex, PlanOutlineSection } from "../../../contracts/plans";
import type { Db } from "../../db/client";
import { plans, tasks } from "../../db/schema/index";
import { unitView } from "../organisations/views";
import { readAnnexes } from "./annexes";
import { readOutline } from "./outline";

/**
 * What other modules may join of plans and tasks, without importing the tables: derived tables with the columns
 * they read. PostgreSQL pulls a plain subquery up into the outer query, so joining it costs what joining the table does.
 * A plan shares its author and its reminder schedule too: notifications tells the author of each submission and
 * reminds units on the plan's own schedule.
 */
export function planView(name = "plan_view") {
  return new QueryBuilder()
    .select({
      id: plans.id,
      title: plans.title,
      number: plans.number,
      status: plans.status,
      issuerUnitId: plans.issuerUnitId,
      createdBy: plans.createdBy,
      reminderSchedule: plans.reminderSchedule,
    })
    .from(plans)
    .as(name);
}

export function taskView(name = "task_view") {
  return new QueryBuilder()
    .select({ id: tasks.id, what: tasks.what, deliverable: tasks.deliverable, sortOrder: tasks.sortOrder })
    .from(tasks)
    .as(name);
}

export type PlanView = ReturnType<typeof planView>;
export type TaskView = ReturnType<typeof taskView>;

export interface PlanRef {
  id: string;
  title: string;
  number: string | null;
  status: "draft" | "issued" | "closed";
  issuerUnitId: string;
  issuerPath: string;
}

/** A plan with its issuer's path (whose subtree may track it). */
export async function findPlanRef(db: Db, planId: string): Promise<PlanRef | undefined> {
  const issuer = unitView("issuer");
  const [row] = await db
    .select({
      id: plans.id,
      title: plans.title,
      number: plans.number,
      status: plans.status,
      issuerUnitId: plans.issuerUnitId,
      issuerPath: issuer.path,
    })
    .from(plans)
    .innerJoin(issuer, eq(issuer.id, plans.issuerUnitId))
    .where(eq(plans.id, planId));
  return row;
}

export interface TaskRef {
  id: string;
  planId: string;
  what: string;
  deliverable: "report" | "document" | "conference" | "delegates" | "confirmation";
  plan: PlanRef;
}

/** A task with its plan and the plan's issuer path (for the modules that hang things on a task: report forms). */
export async function findTaskRef(db: Db, taskId: string): Promise<TaskRef | undefined> {
  const [row] = await db
    .select({ id: tasks.id, planId: tasks.planId, what: tasks.what, deliverable: tasks.deliverable })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  if (!row) return undefined;
  const plan = await findPlanRef(db, row.planId);
  return plan ? { ...row, plan } : undefined;
}

/** The plan's outline (its numbered sections, each with its stable id), as imported or edited; [] for no such plan. */
export function planOutline(db: Db, planId: string): Promise<PlanOutlineSection[]> {
  return readOutline(db, planId);
}

/** The plan's annexes kept from its import, each with its outline ([] for none). */
export function planAnnexesOf(db: Db, planId: string): Promise<PlanAnnex[]> {
  return readAnnexes(db, planId);
}

/** A task as other modules show it, with its units and deadline (a conference's speeches and logistics are plan tasks). */
export interface TaskBrief {
  id: string;
  planId: string;
  what: string;
  /** The units it falls to (`unitIds`), as the plan's selector. */
  unitIds: string[];
  dueDate: string | null;
  dueTime: string | null;
  version: number;
}

/** Tasks by id with what other modules show of them (a conference's speeches and logistics are plan tasks). */
export async function findTaskBriefs(db: Db, taskIds: readonly string[]): Promise<TaskBrief[]> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      what: tasks.what,
      target: tasks.target,
      dueDate: tasks.dueDate,
      dueTime: tasks.dueTime,
      version: tasks.version,
    })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]));
  return rows.map(({ target, ...r }) => ({ ...r, unitIds: target.unitIds ?? [] }));
}
