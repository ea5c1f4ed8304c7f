import type { ReportTotals } from "../../../contracts/reports";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { notFound } from "../../platform/errors";
import { pathBounds, SEGMENT, taskObligationsBySubtree } from "../obligations/read-model";
import { findUnitRefs } from "../organisations/views";
import { findTaskRef } from "../plans/views";
import { startPath } from "../tracking/rollup";
import { authorizeTrackedUnit, authorizeTracking } from "../tracking/service";
import { findFormOfTask, formMissing, formParts } from "./queries";
import { addSums, indicatorTotals, sumsBySubtree } from "./totals";

const idOf = (path: string) => path.slice(-SEGMENT, -1);

export interface GetTotalsOptions {
  actor: Actor;
  taskId: string;
  /** The unit whose subtree is totalled; absent: the deepest unit above every unit the actor may count. */
  unitId?: string;
}

/**
 * The form's totals at a unit of the tree, with each child subtree's totals. Who sees what is the tracking
 * board's rule (managers and viewers of the issuer: every unit; anyone else: the units they answer for), so a
 * commune never reads another commune's numbers: an unknown unit is a 404, one outside the actor's scope a 403.
 */
export async function getTotals(db: Db, { actor, taskId, unitId }: GetTotalsOptions): Promise<ReportTotals> {
  const task = await findTaskRef(db, taskId);
  if (!task) throw notFound("Không tìm thấy nhiệm vụ. Có thể nhiệm vụ đã bị xoá hoặc đường dẫn sai.");
  const { plan, scope } = await authorizeTracking(db, actor, task.planId);
  const form = await findFormOfTask(db, task.id);
  if (!form) throw notFound(formMissing);
  let parentPath = "";
  if (unitId) {
    const missing = "Không tìm thấy đơn vị cần tổng hợp. Hãy quay lại cấp trên rồi chọn lại.";
    parentPath = (await authorizeTrackedUnit(db, plan, scope, unitId, missing)).path;
  } else {
    const bounds = await pathBounds(db, plan.id, scope, task.id);
    if (bounds) parentPath = startPath(bounds.min, bounds.max);
  }
  const [{ indicators }, expected, sums] = await Promise.all([
    formParts(db, form.id),
    taskObligationsBySubtree(db, { taskId: task.id, scope, parentPath }),
    sumsBySubtree(db, { formId: form.id, scope, parentPath }),
  ]);
  const heads = new Set([...expected.map((e) => e.headPath), ...sums.map((s) => s.headPath)]);
  const expectedOf = new Map(expected.map((e) => [e.headPath, e]));
  const totalsOf = (head: string) =>
    indicatorTotals(indicators, addSums(sums.filter((s) => s.headPath === head)), expectedOf.get(head)?.expected ?? 0);
  const childHeads = [...heads].filter((h) => h !== parentPath);
  const ancestorIds = parentPath.split("/").filter(Boolean);
  const named = new Map((await findUnitRefs(db, [...ancestorIds, ...childHeads.map(idOf)])).map((u) => [u.id, u]));
  const children = childHeads.flatMap((head) => {
    const unit = named.get(idOf(head));
    return unit ? [{ unit, hasChildren: expectedOf.get(head)?.deeper ?? false, totals: totalsOf(head) }] : [];
  });
  const breadcrumb = ancestorIds.flatMap((id) => named.get(id) ?? []);
  const parent = breadcrumb.at(-1) ?? null;
  return {
    formId: form.id,
    taskId: task.id,
    parent,
    breadcrumb: breadcrumb.map((u) => ({ id: u.id, name: u.name })),
    totals: indicatorTotals(
      indicators,
      addSums(sums),
      expected.reduce((n, e) => n + e.expected, 0),
    ),
    own: parentPath && heads.has(parentPath) ? totalsOf(parentPath) : null,
    children: sortVi(children, (c) => c.unit.name),
  };
}
