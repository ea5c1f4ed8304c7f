/**
 * Test and benchmark support for the stage: a commune's conference with a three-item agenda (the middle one the
 * "Tham luận" item) and three 7-minute speeches, its organiser (the commune's manager), a reader who may not
 * organise (a member of the commune) and a stranger (another commune's manager).
 */
import type { Db } from "../../db/client";
import { conferenceAgendaItems, conferenceSpeeches, conferences } from "../../db/schema/index";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";
import { makePlan } from "../tracking/fixtures";

export interface StageScene {
  conferenceId: string;
  host: UnitRow;
  organiser: UserRow;
  reader: UserRow;
  stranger: UserRow;
  agenda: Array<{ id: string; content: string }>;
  speeches: Array<{ id: string; topic: string; unitName: string }>;
}

const at = (hhmm: string) => new Date(`2099-03-20T${hhmm}:00+07:00`);

export async function makeStageScene(db: Db): Promise<StageScene> {
  const host = await makeUnit(db, { name: unique("Đảng ủy xã") });
  const elsewhere = await makeUnit(db, { name: unique("Đảng ủy xã khác") });
  const organiser = await makeUser(db, { unit: host, grants: [{ unit: host, role: "manager" }] });
  const reader = await makeUser(db, { unit: host, grants: [{ unit: host, role: "member" }] });
  const stranger = await makeUser(db, { unit: elsewhere, grants: [{ unit: elsewhere, role: "manager" }] });
  const plan = await makePlan(db, { issuerUnitId: host.id, createdBy: organiser.id });
  const [conference] = await db
    .insert(conferences)
    .values({ planId: plan.id, hostUnitId: host.id, title: unique("Hội nghị tổng kết"), startsAt: at("08:00"), endsAt: at("09:30") })
    .returning({ id: conferences.id });
  const items = [
    { content: "Khai mạc hội nghị", kind: "item" as const, startsAt: at("08:00"), endsAt: at("08:15") },
    { content: "Tham luận", kind: "speeches" as const, startsAt: at("08:15"), endsAt: at("09:00") },
    { content: "Bế mạc hội nghị", kind: "item" as const, startsAt: at("09:00"), endsAt: at("09:30") },
  ];
  const agenda = await db
    .insert(conferenceAgendaItems)
    .values(items.map((item, i) => ({ ...item, conferenceId: conference.id, sortOrder: i })))
    .returning({ id: conferenceAgendaItems.id, content: conferenceAgendaItems.content });
  const speeches = await db
    .insert(conferenceSpeeches)
    .values(
      [1, 2, 3].map((n) => ({
        conferenceId: conference.id,
        topic: `Kết quả thực hiện nghị quyết, phần ${n}`,
        unitName: `Chi bộ thôn ${n}`,
        runningOrder: n,
      })),
    )
    .returning({ id: conferenceSpeeches.id, topic: conferenceSpeeches.topic, unitName: conferenceSpeeches.unitName });
  return { conferenceId: conference.id, host, organiser, reader, stranger, agenda, speeches };
}
