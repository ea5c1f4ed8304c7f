import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferences } from "../../db/schema/index";

/** The conferences of these plans, in their order within each plan: for other modules (the calendar), which never read the table. */
export async function conferencesOfPlans(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      id: conferences.id,
      planId: conferences.planId,
      title: conferences.title,
      startsAt: conferences.startsAt,
      endsAt: conferences.endsAt,
      durationLabel: conferences.durationLabel,
      venue: conferences.venue,
      chair: conferences.chair,
      updatedAt: conferences.updatedAt,
    })
    .from(conferences)
    .where(inArray(conferences.planId, [...planIds]))
    .orderBy(asc(conferences.planId), asc(conferences.sortOrder));
}
