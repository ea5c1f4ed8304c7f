import { and, asc, eq, sql } from "drizzle-orm";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { obligations } from "../../db/schema/index";
import { underUnitPath, unitView } from "../organisations/views";

/**
 * Obligations as a compiling level sees them (the reports module's compiled view and approval): the units a task
 * expects under one unit, with where each stands, and the obligation a level owes upward for a child plan.
 */

const unit = unitView("unit");

export interface ExpectedUnit {
  obligationId: string;
  unitId: string;
  unitName: string;
  unitPath: string;
  status: "open" | "submitted" | "returned" | "accepted";
  version: number;
  returnedReason: string | null;
}

/** Every obligation of the task whose unit lies strictly under `parentPath`, by unit name (Vietnamese order). */
export async function expectedUnitsUnder(db: Db, options: { taskId: string; parentPath: string }): Promise<ExpectedUnit[]> {
  const rows = await db
    .select({
      obligationId: obligations.id,
      unitId: obligations.unitId,
      unitName: unit.name,
      unitPath: unit.path,
      status: obligations.status,
      version: obligations.version,
      returnedReason: obligations.returnedReason,
    })
    .from(obligations)
    .innerJoin(unit, eq(unit.id, obligations.unitId))
    .where(and(eq(obligations.taskId, options.taskId), underUnitPath(unit, options.parentPath), sql`${unit.path} <> ${options.parentPath}`))
    .orderBy(asc(unit.path));
  return sortVi(rows, (r) => r.unitName);
}

/** The obligation of the level above that `unitId` answers with its plan `childPlanId` (child plans), if any. */
export async function obligationAnsweredBy(db: Db, childPlanId: string, unitId: string) {
  const [row] = await db
    .select({
      id: obligations.id,
      taskId: obligations.taskId,
      status: obligations.status,
      version: obligations.version,
      returnedReason: obligations.returnedReason,
    })
    .from(obligations)
    .where(and(eq(obligations.childPlanId, childPlanId), eq(obligations.unitId, unitId)));
  return row;
}
