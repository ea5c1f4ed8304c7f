import { QueryBuilder } from "drizzle-orm/pg-core";
import { delegates } from "../../db/schema/index";

/**
 * What other modules (seating, check-in, invitations) may join of delegates, without importing the table: a derived
 * table with the columns they read. PostgreSQL pulls the plain subquery up into the outer query.
 */
export function delegateView(name = "delegate_view") {
  return new QueryBuilder()
    .select({
      id: delegates.id,
      conferenceId: delegates.conferenceId,
      groupId: delegates.groupId,
      fullName: delegates.fullName,
      title: delegates.title,
      unitName: delegates.unitName,
      unitId: delegates.unitId,
      protocolRank: delegates.protocolRank,
      searchKey: delegates.searchKey,
    })
    .from(delegates)
    .as(name);
}

export type DelegateView = ReturnType<typeof delegateView>;
