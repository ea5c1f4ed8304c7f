import { asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  conferenceAgendaItems,
  conferenceDelegateGroups,
  conferenceLogistics,
  conferenceSpeeches,
  conferences,
} from "../../db/schema/index";
import { describeOnDatabases } from "../../testing/harness";
import { importSeed001, seed001 } from "./fixtures";
import { delegateGroupsOf, logisticsKindOf } from "./imported";

const at = (hhmm: string) => new Date(`2026-06-02T${hhmm}:00+07:00`);

describeOnDatabases("conferences from an import", (ctx) => {
  it("fills in seed 001's conference: banner, times, delegate groups, agenda, 24 speeches with their tasks, logistics", async () => {
    const db = ctx().db;
    const { result, issuer, plan, unitOf: unitOfName } = await importSeed001(db, ctx().app);
    const unitOf = { get: unitOfName };
    const [conference, ...others] = await db.select().from(conferences).where(eq(conferences.planId, plan.id));
    expect(others).toEqual([]);
    expect(conference).toMatchObject({
      hostUnitId: issuer.id,
      level: "thành phố",
      startsAt: at("08:00"),
      // "1/2 ngày, dự kiến từ 08 giờ": the half day runs to 12:00, after the agenda's last item (11:00).
      endsAt: at("12:00"),
      durationLabel: "1/2 ngày",
      expectedAttendance: 1086,
      format: "in_person",
    });
    expect(conference.venue).toMatch(/^Nhà hát Hoa Phượng/);
    expect(conference.chair).toMatch(/^Đồng chí Lê Ngọc Châu/);
    expect(conference.bannerText.split("\n")).toEqual([
      "THÀNH ỦY HẢI PHÒNG",
      "*",
      "HỘI NGHỊ",
      "SƠ KẾT 1 NĂM VẬN HÀNH MÔ HÌNH TỔ CHỨC TỔNG THỂ",
      "CỦA HỆ THỐNG CHÍNH TRỊ, MÔ HÌNH CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP",
      "Hải Phòng, ngày 02 tháng 6 năm 2026",
    ]);

    const groups = await db
      .select()
      .from(conferenceDelegateGroups)
      .where(eq(conferenceDelegateGroups.conferenceId, conference.id))
      .orderBy(asc(conferenceDelegateGroups.sortOrder));
    expect(groups.map((g) => [g.name, g.dressCode])).toEqual([
      ["Đại biểu Trung ương", "Trang phục lịch sự."],
      ["Đại biểu thành phố", "Trang phục lịch sự."],
      ["Đại biểu các xã, phường, đặc khu", "Trang phục lịch sự."],
      ["Đại biểu nhận khen thưởng", "nữ áo dài; nam áo trắng dài tay, quần sẫm màu; lực lượng vũ trang mặc trang phục ngành."],
      ["Phóng viên báo chí", "Trang phục lịch sự."],
    ]);
    expect(
      groups
        .map((g) => g.members)
        .join("\n")
        .split("\n"),
    ).toHaveLength(result.conferences[0].participants.length);

    const agenda = await db
      .select()
      .from(conferenceAgendaItems)
      .where(eq(conferenceAgendaItems.conferenceId, conference.id))
      .orderBy(asc(conferenceAgendaItems.sortOrder));
    expect(agenda.map((a) => [a.startsAt, a.endsAt, a.content, a.responsible, a.kind])).toEqual(
      result.conferences[0].agenda.map((a) => [
        at(a.start ?? ""),
        at(a.end ?? ""),
        a.item,
        a.by,
        a.item === "Tham luận" ? "speeches" : a.item === "Khen thưởng" ? "awards" : "item",
      ]),
    );

    const speeches = await db
      .select()
      .from(conferenceSpeeches)
      .where(eq(conferenceSpeeches.conferenceId, conference.id))
      .orderBy(asc(conferenceSpeeches.runningOrder));
    expect(speeches.map((s) => [s.runningOrder, s.topic, s.unitName, s.unitId])).toEqual(
      result.speeches.map((s, i) => [i + 1, s.topic, s.unit, unitOf.get(s.unit)]),
    );
    const taskById = new Map(plan.tasks.map((t) => [t.id, t]));
    for (const s of speeches) {
      const task = taskById.get(s.taskId ?? "");
      expect(task, s.topic).toMatchObject({ dueDate: "2026-05-29", dueTime: "11:00", target: { unitIds: [s.unitId] } });
      expect(task?.what).toBe(`Gửi tham luận: ${s.topic.replace(/[;.]+$/, "")}`);
    }
    expect(new Set(speeches.map((s) => s.taskId)).size).toBe(24);

    const logistics = await db.select().from(conferenceLogistics).where(eq(conferenceLogistics.conferenceId, conference.id));
    const kindOf = (unit: string) =>
      logistics
        .filter((l) => taskById.get(l.taskId)?.target.unitIds?.includes(unitOf.get(unit) ?? ""))
        .map((l) => l.kind)
        .sort();
    expect(kindOf("Văn phòng UBND thành phố")).toEqual(["hall"]);
    expect(kindOf("Sở Văn hoá, Thể thao và Du lịch")).toEqual(["decoration"]);
    expect(kindOf("Công an thành phố")).toEqual(["security"]);
    expect(kindOf("Sở Y tế")).toEqual(["medical"]);
    expect(kindOf("Công ty Điện lực Hải Phòng")).toEqual(["power"]);
    expect(kindOf("Sở Nội vụ")).toEqual([]);
  });
});

it("reads the logistics a task is about, and no kind from words that only look alike", () => {
  expect(logisticsKindOf("Bố trí nước uống cho đại biểu")).toBe("water");
  expect(logisticsKindOf("Bố trí xe đưa đón đại biểu Trung ương")).toBe("transport");
  expect(logisticsKindOf("Bảo đảm an ninh, trật tự khu vực Hội nghị")).toBe("security");
  // "đại diện", "diễn ra" are not power; "báo cáo" is nothing.
  expect(logisticsKindOf("Đại diện lãnh đạo phát biểu trong thời gian diễn ra Hội nghị")).toBeNull();
  expect(logisticsKindOf("Xây dựng dự thảo Báo cáo sơ kết")).toBeNull();
});

it("gives every participant one group, and the whole dress code when the plan does not say who wears what", () => {
  const c = { ...seed001().conferences[0], dressCode: "Trang phục lịch sự" };
  const groups = delegateGroupsOf(c, []);
  expect(groups.every((g) => g.dressCode === "Trang phục lịch sự")).toBe(true);
  expect(groups.flatMap((g) => g.members.split("\n"))).toHaveLength(c.participants.length);
});
