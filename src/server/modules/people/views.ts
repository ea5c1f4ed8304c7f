import { eq } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { roleGrants, users } from "../../db/schema/index";

/**
 * What other modules may join of users, without importing the table: a derived table with the columns they read
 * (who did something; whether the account is still active, so a deactivated user is told nothing). PostgreSQL pulls a
 * plain subquery up into the outer query, so the join costs what joining `users` does.
 */
export function userView(name = "user_view") {
  return new QueryBuilder().select({ id: users.id, fullName: users.fullName, active: users.active }).from(users).as(name);
}

/**
 * The role grants of active users, for modules that must find who holds a role on a unit within one query
 * (notifications: the members and managers of a unit, the managers of a plan's issuer). A deactivated user holds
 * nothing here, so no reader can reach one by forgetting the check. A row is a grant on that unit itself, as
 * given: what it covers down the tree is for access.ts to say, not the reader.
 */
export function activeGrantView(name = "active_grant_view") {
  return new QueryBuilder()
    .select({ unitId: roleGrants.unitId, userId: roleGrants.userId, role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(users.active, true))
    .as(name);
}

export type ActiveGrantView = ReturnType<typeof activeGrantView>;
