import { eq } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { seatAssignments, seats } from "../../db/schema/index";

/**
 * What other modules (check-in) may join of seating, without importing the tables: each seated delegate with the
 * seat's place (`seatLabel` of domain/seating makes the words). PostgreSQL pulls the subquery up into the outer query.
 */
export function seatView(name = "seat_view") {
  return new QueryBuilder()
    .select({
      delegateId: seatAssignments.delegateId,
      conferenceId: seatAssignments.conferenceId,
      seatId: seats.id,
      section: seats.section,
      blockName: seats.blockName,
      rowNumber: seats.rowNumber,
      seatNumber: seats.seatNumber,
    })
    .from(seatAssignments)
    .innerJoin(seats, eq(seats.id, seatAssignments.seatId))
    .as(name);
}
