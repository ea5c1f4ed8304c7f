import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { type RawCounts, sumCounts } from "../obligations/counts";
import { countsBySubtree, pathBounds, SEGMENT } from "../obligations/read-model";
import { findUnitRefs as findUnits, type UnitRef } from "../organisations/views";
import { authorizeTrackedUnit, authorizeTracking } from "./service";

/**
 * Where the roll-up starts without a chosen parent: the deepest unit above every obligated unit.
 * `startPath("r/a/x/", "r/b/y/")` → "r/"; a single obligated unit starts at its parent so it shows as a row;
 * units in different trees start above the roots ("").
 */
export function startPath(minPath: string, maxPath: string): string {
  if (minPath === maxPath) return minPath.slice(0, minPath.length - SEGMENT);
  let i = 0;
  while (i < minPath.length && minPath[i] === maxPath[i]) i += 1;
  const common = minPath.slice(0, i);
  return common.slice(0, common.lastIndexOf("/") + 1);
}

const idOf = (path: string) => path.slice(-SEGMENT, -1);

export interface RollupChild {
  unit: UnitRef;
  counts: RawCounts;
  hasChildren: boolean;
}

export interface RollupData {
  at: Date;
  parent: UnitRef | null;
  breadcrumb: UnitRef[];
  totals: RawCounts;
  own: RawCounts | null;
  children: RollupChild[];
}

export interface GetRollupOptions {
  actor: Actor;
  planId: string;
  now: Date;
  parentUnitId?: string;
}

/**
 * Each child of the parent with the totals of its whole subtree, grouped in SQL by the path prefix
 * (`left(path, len(parent) + 37)`), so the children's totals and the parent's own add up to its subtree's.
 */
export async function getRollup(db: Db, { actor, planId, now, parentUnitId }: GetRollupOptions): Promise<RollupData> {
  const { plan, scope } = await authorizeTracking(db, actor, planId);
  let parentPath = "";
  if (parentUnitId) {
    const missing = "Không tìm thấy đơn vị cấp trên được chọn. Hãy quay lại cấp trên rồi chọn lại.";
    parentPath = (await authorizeTrackedUnit(db, plan, scope, parentUnitId, missing)).path;
  } else {
    const bounds = await pathBounds(db, plan.id, scope);
    if (bounds) parentPath = startPath(bounds.min, bounds.max);
  }
  const groups = await countsBySubtree(db, { planId: plan.id, now, scope, parentPath });
  const ownGroup = parentPath ? groups.find((g) => g.headPath === parentPath) : undefined;
  const childGroups = groups.filter((g) => g !== ownGroup);
  const ancestorIds = parentPath.split("/").filter(Boolean);
  const named = await findUnits(db, [...ancestorIds, ...childGroups.map((g) => idOf(g.headPath))]);
  const byId = new Map(named.map((u) => [u.id, u]));
  const children = childGroups.flatMap((g) => {
    const unit = byId.get(idOf(g.headPath));
    return unit ? [{ unit, counts: g, hasChildren: g.deeper }] : [];
  });
  const breadcrumb = ancestorIds.flatMap((id) => byId.get(id) ?? []);
  return {
    at: now,
    parent: breadcrumb.at(-1) ?? null,
    breadcrumb,
    totals: sumCounts(groups),
    own: ownGroup ?? null,
    children: sortVi(children, (c) => c.unit.name),
  };
}
