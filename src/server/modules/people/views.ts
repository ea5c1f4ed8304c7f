import { QueryBuilder } from "drizzle-orm/pg-core";
import { users } from "../../db/schema/index";

/**
 * What other modules may join of users, without importing the table: a derived table with the columns they read
 * (who did something). PostgreSQL pulls a plain subquery up into the outer query, so the join costs what joining
 * `users` does.
 */
export function userView(name = "user_view") {
  return new QueryBuilder().select({ id: users.id, fullName: users.fullName }).from(users).as(name);
}
