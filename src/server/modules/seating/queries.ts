/**
 * Reading the seating of a conference: the layout, the seats with who sits there, the delegates not seated yet, and
 * each delegate's seat (`seatOfDelegates`, exported for the invitations and the door roster).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { SeatedDelegate, SeatingPlan, SeatView } from "../../../contracts/seating";
import { capacityOf, seatLabel } from "../../../domain/seating/layout";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { hallLayouts, seatAssignments, seats } from "../../db/schema/index";
import { delegateGroupsOf } from "../conferences/queries";
import { delegateView } from "../delegates/views";

export interface SeatRef {
  seatId: string;
  section: "presidium" | "hall";
  blockName: string;
  rowNumber: number;
  seatNumber: number;
  /** «Khối A, hàng 3, ghế 12». */
  label: string;
}

/** Where each seated delegate of the conference (or only of `delegateIds`) sits, by delegate id (the unseated are absent). */
export async function seatOfDelegates(db: Db, conferenceId: string, delegateIds?: readonly string[]): Promise<Map<string, SeatRef>> {
  if (delegateIds?.length === 0) return new Map();
  const rows = await db
    .select({
      delegateId: seatAssignments.delegateId,
      seatId: seats.id,
      section: seats.section,
      blockName: seats.blockName,
      rowNumber: seats.rowNumber,
      seatNumber: seats.seatNumber,
    })
    .from(seatAssignments)
    .innerJoin(seats, eq(seats.id, seatAssignments.seatId))
    .where(
      and(eq(seatAssignments.conferenceId, conferenceId), delegateIds ? inArray(seatAssignments.delegateId, [...delegateIds]) : undefined),
    );
  return new Map(rows.map(({ delegateId, ...s }) => [delegateId, { ...s, label: seatLabel(s) }]));
}

export async function findLayout(db: Db, conferenceId: string) {
  const [row] = await db.select().from(hallLayouts).where(eq(hallLayouts.conferenceId, conferenceId));
  return row;
}

/** The whole plan as the seating tab and the chart show it. */
export async function loadSeatingPlan(db: Db, conferenceId: string): Promise<SeatingPlan> {
  const layout = await findLayout(db, conferenceId);
  const groups = new Map((await delegateGroupsOf(db, conferenceId)).map((g) => [g.id, g.name]));
  const d = delegateView("d");
  const delegateOf = (r: {
    id: string;
    fullName: string;
    title: string;
    unitName: string;
    groupId: string | null;
    protocolRank: number;
  }): SeatedDelegate => ({
    id: r.id,
    fullName: r.fullName,
    title: r.title,
    unitName: r.unitName,
    groupName: (r.groupId && groups.get(r.groupId)) || "",
    protocolRank: r.protocolRank,
  });
  const seatRows = await db
    .select({
      id: seats.id,
      section: seats.section,
      blockIndex: seats.blockIndex,
      blockName: seats.blockName,
      row: seats.rowNumber,
      number: seats.seatNumber,
      delegate: { id: d.id, fullName: d.fullName, title: d.title, unitName: d.unitName, groupId: d.groupId, protocolRank: d.protocolRank },
    })
    .from(seats)
    .leftJoin(seatAssignments, eq(seatAssignments.seatId, seats.id))
    .leftJoin(d, eq(d.id, seatAssignments.delegateId))
    .where(eq(seats.conferenceId, conferenceId))
    .orderBy(asc(seats.blockIndex), asc(seats.rowNumber), asc(seats.seatNumber));
  const unseated = await db
    .select({ id: d.id, fullName: d.fullName, title: d.title, unitName: d.unitName, groupId: d.groupId, protocolRank: d.protocolRank })
    .from(d)
    .leftJoin(seatAssignments, eq(seatAssignments.delegateId, d.id))
    .where(and(eq(d.conferenceId, conferenceId), isNull(seatAssignments.seatId)))
    .orderBy(asc(d.protocolRank));
  return {
    conferenceId,
    layout: layout?.layout ?? null,
    version: layout?.version ?? 0,
    capacity: layout ? capacityOf(layout.layout) : 0,
    seats: seatRows.map(
      (s): SeatView => ({
        id: s.id,
        section: s.section,
        blockIndex: s.blockIndex,
        blockName: s.blockName,
        row: s.row,
        number: s.number,
        label: seatLabel({ blockName: s.blockName, rowNumber: s.row, seatNumber: s.number }),
        delegate: s.delegate?.id ? delegateOf(s.delegate as Parameters<typeof delegateOf>[0]) : null,
      }),
    ),
    unseated: sortVi(unseated.map(delegateOf), (x) => x.fullName).sort((a, b) => a.protocolRank - b.protocolRank),
  };
}
