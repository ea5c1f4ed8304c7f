import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { calendarTokens } from "../../db/schema/index";
import { findUnit as findUnitRow } from "../organisations/queries";

export { conferencesOfPlans } from "../conferences/queries";
// Calendar owns its tokens; units, obligations and plans come from their modules' queries.
export { unitDeadlines } from "../obligations/queries";
export { issuedPlansOfUnit } from "../plans/queries";

export async function findUnit(db: Db, id: string) {
  const row = await findUnitRow(db, id);
  return row && { id: row.id, name: row.name, path: row.path };
}

/** The unit behind an active (not revoked) token hash, or undefined. */
export async function unitOfToken(db: Db, tokenHash: string) {
  const [token] = await db
    .select({ unitId: calendarTokens.unitId })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(calendarTokens.revokedAt)));
  const unit = token && (await findUnitRow(db, token.unitId));
  return unit && { id: unit.id, name: unit.name };
}
