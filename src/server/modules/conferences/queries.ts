import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferenceDelegateGroups, conferences } from "../../db/schema/index";

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

/** A conference's delegate groups in their order, with the dress code: for the delegates module (lists, invitations). */
export async function delegateGroupsOf(db: Db, conferenceId: string) {
  return db
    .select({
      id: conferenceDelegateGroups.id,
      name: conferenceDelegateGroups.name,
      dressCode: conferenceDelegateGroups.dressCode,
      sortOrder: conferenceDelegateGroups.sortOrder,
    })
    .from(conferenceDelegateGroups)
    .where(eq(conferenceDelegateGroups.conferenceId, conferenceId))
    .orderBy(asc(conferenceDelegateGroups.sortOrder), asc(conferenceDelegateGroups.name));
}

/** What an invitation or a confirmation page says of a conference: title, time, venue, host. */
export async function conferenceFacts(db: Db, conferenceId: string) {
  const [row] = await db
    .select({
      id: conferences.id,
      planId: conferences.planId,
      hostUnitId: conferences.hostUnitId,
      title: conferences.title,
      startsAt: conferences.startsAt,
      endsAt: conferences.endsAt,
      venue: conferences.venue,
      chair: conferences.chair,
    })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  return row;
}
