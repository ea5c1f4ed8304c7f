import type { CreateLogisticsRequest, LogisticsList, LogisticsView } from "../../../contracts/conference-program";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { conferenceLogistics } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, notFound } from "../../platform/errors";
import { findUnitRef } from "../organisations/views";
import { createTask } from "../plans/tasks";
import { assertOrganiser, conferenceAccess } from "./policy";
import { presentLogistics } from "./program-presenter";
import { listLogisticsRows, lockConference, taskContext } from "./program-queries";

/**
 * Logistics (hậu cần: hall, decoration, security, medical standby, power, drinking water, transport): each a plan
 * task of its owner unit, linked with its kind, so its deadline and result sit on the board like every obligation.
 */

interface Ctx {
  actor: Actor;
  conferenceId: string;
  now?: Date;
}

/** The conference's logistics tasks by deadline, then kind. */
export async function listLogistics(db: Db, { actor, conferenceId, now = new Date() }: Ctx): Promise<LogisticsList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const rows = await listLogisticsRows(db, conferenceId);
  const context = await taskContext(db, { taskIds: rows.map((r) => r.taskId), unitIds: [], access, actor, now });
  const items = rows.map((r) => {
    const task = context.tasks.get(r.taskId);
    const ownerId = task?.unitIds[0];
    return presentLogistics(r, {
      task,
      obligation: context.obligations.get(r.taskId),
      unitName: ownerId ? context.unitNames.get(ownerId) : undefined,
    });
  });
  const due = (i: LogisticsView) => `${i.dueDate ?? "9999-12-31"}T${i.dueTime ?? "23:59"}`;
  const sorted = sortVi(items, (i) => i.what).sort((a, b) => due(a).localeCompare(due(b)));
  return { items: sorted, planId: access.planId, planStatus: access.plan.status, canOrganise: access.canOrganise };
}

/** Gives a logistics task to its owner unit with a deadline (a plan task through the plans service), linked with its kind. */
export async function createLogistics(
  db: Db,
  { actor, conferenceId, input, now = new Date() }: Ctx & { input: CreateLogisticsRequest },
): Promise<LogisticsView> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  if (!(await findUnitRef(db, input.unitId))) throw new AppError("VALIDATION", "Không tìm thấy đơn vị phụ trách. Hãy chọn lại đơn vị.");
  const id = await db.transaction(async (tx) => {
    await lockConference(tx, conferenceId);
    const { task } = await createTask(tx, {
      actor,
      planId: access.planId,
      now,
      input: {
        what: input.what,
        deliverable: "document",
        target: { unitIds: [input.unitId] },
        dueDate: input.dueDate,
        dueTime: input.dueTime ?? null,
      },
    });
    const [row] = await tx.insert(conferenceLogistics).values({ conferenceId, kind: input.kind, taskId: task.id }).returning();
    await recordAudit(tx, {
      actor,
      action: "conference.logistics.create",
      entityType: "conference_logistics",
      entityId: row.id,
      after: input,
    });
    return row.id;
  });
  const list = await listLogistics(db, { actor, conferenceId, now });
  const found = list.items.find((i) => i.id === id);
  if (!found) throw notFound("Không tìm thấy việc hậu cần vừa thêm.");
  return found;
}
