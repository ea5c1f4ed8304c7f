import type { Db } from "../../db/client";
import { conferenceAgendaItems, conferenceAwards, conferenceDelegateGroups, conferences } from "../../db/schema/index";
import { unique } from "../../testing/factories";

/**
 * Test rows of the conferences module (test support may write any table). The real conference comes from the
 * import (confcore); these build what a test of the program needs around a plan it made through the API.
 */

export type ConferenceRow = typeof conferences.$inferSelect;

/** A conference of `planId` hosted by `hostUnitId`, by default on 2 June 2026 from 08:00 to 11:00 Vietnam time. */
export async function makeConference(
  db: Db,
  options: { planId: string; hostUnitId: string } & Partial<typeof conferences.$inferInsert>,
): Promise<ConferenceRow> {
  const [row] = await db
    .insert(conferences)
    .values({
      title: unique("Hội nghị sơ kết"),
      startsAt: new Date("2026-06-02T01:00:00Z"),
      endsAt: new Date("2026-06-02T04:00:00Z"),
      venue: "Nhà hát Hoa Phượng",
      chair: "Đồng chí Bí thư Thành ủy",
      ...options,
    })
    .returning();
  return row;
}

/** One agenda row as the seed writes it: `["08:00", "08:05", "Tuyên bố lý do, giới thiệu đại biểu", "Đồng chí …", "item"]`. */
export type AgendaRow = [start: string, end: string, content: string, responsible: string, kind?: "item" | "speeches" | "awards"];

/** Agenda items on the conference's Vietnam day, in the order given. */
export async function makeAgenda(db: Db, conference: ConferenceRow, rows: AgendaRow[]): Promise<void> {
  const day = new Date((conference.startsAt ?? new Date()).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const at = (clock: string) => new Date(`${day}T${clock}:00+07:00`);
  await db.insert(conferenceAgendaItems).values(
    rows.map(([start, end, content, responsible, kind = "item"], i) => ({
      conferenceId: conference.id,
      startsAt: at(start),
      endsAt: at(end),
      content,
      responsible,
      kind,
      sortOrder: i,
    })),
  );
}

export async function makeDelegateGroup(db: Db, conferenceId: string, name: string, members = ""): Promise<void> {
  await db.insert(conferenceDelegateGroups).values({ conferenceId, name, members });
}

export async function makeAward(
  db: Db,
  options: { conferenceId: string } & Partial<typeof conferenceAwards.$inferInsert>,
): Promise<typeof conferenceAwards.$inferSelect> {
  const [row] = await db
    .insert(conferenceAwards)
    .values({ kind: "collective", recipient: unique("Đảng bộ xã"), ...options })
    .returning();
  return row;
}

/** Seed 001's agenda (Chương trình Hội nghị), item by item. */
export const SEED_001_AGENDA: AgendaRow[] = [
  ["08:00", "08:05", "Tuyên bố lý do, giới thiệu đại biểu", "Đồng chí Chánh Văn phòng Thành ủy"],
  ["08:05", "08:15", "Phát biểu khai mạc Hội nghị", "Đồng chí Bí thư Thành ủy"],
  [
    "08:15",
    "08:35",
    "Trình bày Báo cáo (tóm tắt) sơ kết 1 năm vận hành mô hình tổ chức tổng thể của hệ thống chính trị, mô hình chính quyền địa phương 2 cấp trên địa bàn thành phố",
    "Đồng chí Trưởng Ban Tổ chức Thành ủy",
  ],
  ["08:35", "10:00", "Tham luận", "Đồng chí Phó Bí thư Thường trực Thành ủy điều hành", "speeches"],
  ["10:00", "10:20", "Khen thưởng", "Đồng chí Trưởng Ban Thi đua - Khen thưởng thành phố điều hành", "awards"],
  ["10:20", "10:35", "Phát biểu của đại diện lãnh đạo các cơ quan Trung ương (nếu có)", "Lãnh đạo Ban Tổ chức Trung ương"],
  ["10:35", "11:00", "Phát biểu kết luận và bế mạc Hội nghị", "Đồng chí Bí thư Thành ủy"],
];
