import type { Actor } from "../../platform/access";

/** The units whose unit-wide notifications reach the actor: those it holds member or manager on. */
export function actingUnitIds(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => g.role === "member" || g.role === "manager").map((g) => g.unitId))];
}
