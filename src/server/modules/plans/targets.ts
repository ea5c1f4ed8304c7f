import type { Db } from "../../db/client";
import type { TaskTarget } from "../../db/schema/plans";
import { AppError } from "../../platform/errors";
import { type ResolvedUnit, resolveSelector } from "../organisations/service";

/**
 * The active units a task target names, through the organisations service. Listed ids that are unknown or
 * archived are refused rather than silently dropped: a unit would otherwise never learn it owes something.
 */
export async function resolveTarget(db: Db, target: TaskTarget): Promise<ResolvedUnit[]> {
  const { unmatchedNames: _names, ...selector } = target;
  if (!selector.unitIds?.length && !selector.groupId && !selector.rule) return [];
  const units = await resolveSelector(db, selector);
  const listed = new Set(selector.unitIds ?? []);
  const found = units.filter((u) => listed.has(u.id)).length;
  if (found !== listed.size)
    throw new AppError(
      "VALIDATION",
      `Có ${listed.size - found} đơn vị được giao không tồn tại hoặc đã ngừng hoạt động. Hãy chọn lại đơn vị.`,
    );
  return units;
}
