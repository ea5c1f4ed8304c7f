import type { Me } from "../../contracts/auth";
import type { RoleName } from "../../contracts/roles";

/** The ids of a unit's ancestors and itself, from its materialised path "a/b/c/". */
export const pathIds = (path: string) => path.split("/").filter(Boolean);

/**
 * True when the user holds one of `allowed` on the unit or an ancestor — the server's rule in
 * platform/access.ts, used only to hide actions the server would refuse anyway.
 */
export function coversUnit(me: Me, unitPath: string, allowed: readonly RoleName[]): boolean {
  if (me.isAdmin) return true;
  const ids = new Set(pathIds(unitPath));
  return me.grants.some((g) => allowed.includes(g.role) && ids.has(g.unitId));
}

/** Managers (and admins) create, rename, move and archive units in their subtree. */
export const canManageUnit = (me: Me, unitPath: string) => coversUnit(me, unitPath, ["manager"]);
