/**
 * The roster door devices keep offline, and attendance: present / expected by group and by unit, the list by unit
 * (absence reasons will come from the delegates' confirmation answers; until they exist, present or absent only),
 * and its Excel export for the report after the conference.
 */

import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Attendance, Roster } from "../../../contracts/checkin";
import { compareVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { attendance } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import type { FileAnswer } from "../../platform/http";
import { assertCheckIn, conferenceAccess, doorAccess } from "../conferences/policy";
import { safeName } from "../conferences/program-format";
import { conferenceFacts, delegateGroupsOf } from "../conferences/queries";
import { delegateView } from "../delegates/views";
import { seatOfDelegates } from "../seating/queries";
import { conferenceKey } from "./keys";
import { wallClock } from "./service";

interface Ctx {
  actor: Actor;
  conferenceId: string;
}

async function delegatesWithAttendance(db: Db, conferenceId: string) {
  const d = delegateView("d");
  const [people, present, groups] = await Promise.all([
    db
      .select({
        id: d.id,
        fullName: d.fullName,
        title: d.title,
        unitName: d.unitName,
        groupId: d.groupId,
        protocolRank: d.protocolRank,
        searchKey: d.searchKey,
      })
      .from(d)
      .where(eq(d.conferenceId, conferenceId)),
    db.select().from(attendance).where(eq(attendance.conferenceId, conferenceId)),
    delegateGroupsOf(db, conferenceId),
  ]);
  const at = new Map(present.map((a) => [a.delegateId, a]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const groupOrder = new Map(groups.map((g, i) => [g.id, i]));
  const rows = people
    .map((p) => ({ ...p, groupName: (p.groupId && groupName.get(p.groupId)) || "", attendance: at.get(p.id) ?? null }))
    .sort((a, b) => a.protocolRank - b.protocolRank || compareVi(a.fullName, b.fullName));
  return { rows, groups, groupOrder };
}

export async function getRoster(db: Db, { actor, conferenceId }: Ctx, now = new Date()): Promise<Roster> {
  assertCheckIn(await doorAccess(db, actor, conferenceId));
  const [{ rows }, seats, key, facts] = await Promise.all([
    delegatesWithAttendance(db, conferenceId),
    seatOfDelegates(db, conferenceId),
    conferenceKey(db, conferenceId),
    conferenceFacts(db, conferenceId),
  ]);
  return {
    conferenceId,
    title: facts.title,
    publicKey: key.publicKey,
    generatedAt: now.toISOString(),
    delegates: rows.map((r) => ({
      id: r.id,
      fullName: r.fullName,
      title: r.title,
      unitName: r.unitName,
      groupName: r.groupName,
      seatLabel: seats.get(r.id)?.label ?? null,
      searchKey: r.searchKey,
      checkedInAt: r.attendance?.scannedAt.toISOString() ?? null,
      door: r.attendance?.door ?? null,
    })),
  };
}

function tally<T>(items: readonly T[], keyOf: (t: T) => string, present: (t: T) => boolean) {
  const counts = new Map<string, { present: number; expected: number; items: T[] }>();
  for (const t of items) {
    const c = counts.get(keyOf(t)) ?? { present: 0, expected: 0, items: [] };
    c.expected += 1;
    if (present(t)) c.present += 1;
    c.items.push(t);
    counts.set(keyOf(t), c);
  }
  return counts;
}

export async function getAttendance(db: Db, { actor, conferenceId }: Ctx): Promise<Attendance> {
  await conferenceAccess(db, actor, conferenceId);
  const { rows, groups } = await delegatesWithAttendance(db, conferenceId);
  const byGroup = tally(
    rows,
    (r) => r.groupId ?? "",
    (r) => r.attendance !== null,
  );
  const byUnit = tally(
    rows,
    (r) => r.unitName,
    (r) => r.attendance !== null,
  );
  const groupEntries = [...groups.map((g) => [g.id, g.name] as const), ["", "Chưa xếp nhóm"] as const].filter(([id]) => byGroup.has(id));
  return {
    conferenceId,
    present: rows.filter((r) => r.attendance).length,
    expected: rows.length,
    byGroup: groupEntries.map(([id, name]) => {
      const c = byGroup.get(id) as { present: number; expected: number };
      return { key: id || "none", name, present: c.present, expected: c.expected };
    }),
    byUnit: [...byUnit.entries()]
      .sort(([a], [b]) => compareVi(a, b))
      .map(([unitName, c]) => ({
        key: unitName || "none",
        name: unitName || "Chưa ghi đơn vị",
        present: c.present,
        expected: c.expected,
        delegates: c.items.map((r) => ({
          id: r.id,
          fullName: r.fullName,
          title: r.title,
          groupName: r.groupName,
          present: r.attendance !== null,
          checkedInAt: r.attendance?.scannedAt.toISOString() ?? null,
          door: r.attendance?.door ?? null,
          absenceReason: null,
        })),
      })),
  };
}

/** The attendance report: a summary sheet (by group, by unit) and the list by unit. */
export async function attendanceXlsx(db: Db, ctx: Ctx): Promise<FileAnswer> {
  const report = await getAttendance(db, ctx);
  const facts = await conferenceFacts(db, ctx.conferenceId);
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet("Tổng hợp");
  summary.addRow([`Điểm danh: ${facts.title}`]).font = { bold: true };
  summary.addRow(["Có mặt", report.present, "Dự kiến", report.expected]);
  summary.addRow([]);
  summary.addRow(["Nhóm đại biểu", "Có mặt", "Dự kiến"]).font = { bold: true };
  for (const g of report.byGroup) summary.addRow([g.name, g.present, g.expected]);
  summary.addRow([]);
  summary.addRow(["Đơn vị", "Có mặt", "Dự kiến"]).font = { bold: true };
  for (const u of report.byUnit) summary.addRow([u.name, u.present, u.expected]);
  summary.getColumn(1).width = 50;
  const list = book.addWorksheet("Danh sách");
  list.addRow(["Đơn vị", "Họ và tên", "Chức vụ", "Nhóm", "Có mặt", "Giờ vào", "Cửa", "Lý do vắng"]).font = { bold: true };
  for (const u of report.byUnit)
    for (const d of u.delegates)
      list.addRow([
        u.name,
        d.fullName,
        d.title,
        d.groupName,
        d.present ? "Có mặt" : "Vắng",
        d.checkedInAt ? wallClock(new Date(d.checkedInAt)) : "",
        d.door ?? "",
        d.absenceReason ?? "",
      ]);
  for (const [i, w] of [40, 30, 25, 25, 10, 10, 12, 40].entries()) list.getColumn(i + 1).width = w;
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `diem-danh-${safeName(facts.title) || "hoi-nghi"}.xlsx`, content };
}
