import { describe, expect, it } from "vitest";
import { readDates } from "../dates/index";
import { readPlanText } from "../importer/index";
import { dueInstant, dueOf } from "./index";

/** The due date and time of the first deadline the date reader finds in `text`. */
const due = (text: string, year = 2025) => {
  const d = readDates(text, { year }).find((e) => e.kind === "deadline" || e.kind === "period" || e.kind === "range");
  return d ? dueOf(d) : null;
};

describe("dueOf: when a written deadline falls due (one rule for importer, board and calendar)", () => {
  it.each([
    ["trước ngày 15/10", "2025-10-15", null],
    ["chậm nhất 08 giờ, ngày 31/5/2026", "2026-05-31", "08:00"],
    ["trước tháng 10/2025", "2025-09-30", null],
    ["đến hết tháng 10/2025", "2025-10-31", null],
    ["trong tháng 10/2025", "2025-10-31", null],
    ["hoàn thành trong tháng 10/2025", "2025-10-31", null],
    ["trước quý IV", "2025-09-30", null],
    ["trước quý I/2026", "2025-12-31", null],
    ["đến hết quý III/2026", "2026-09-30", null],
    ["từ ngày 28/2 đến hết ngày 3/3/2025", "2025-03-03", null],
    ["từ 8h00 ngày 3/3 đến 17h00 ngày 5/3/2025", "2025-03-05", "17:00"],
  ])("%s → %s %s", (text, date, time) => {
    expect(due(text)).toEqual({ date, time });
  });

  it("makes 'trước tháng 10' overdue from the first minute of 1 October in Vietnam", () => {
    const d = due("trước tháng 10/2025");
    expect(d).not.toBeNull();
    expect(dueInstant(d!.date, d!.time).toISOString()).toBe("2025-09-30T17:00:00.000Z");
  });

  it("gives the importer's deadlines the same dates", () => {
    const plan = [
      "KẾ HOẠCH",
      "Thử",
      "I. TỔ CHỨC THỰC HIỆN",
      "1. Sở Nội vụ báo cáo kết quả trước tháng 10/2025.",
      "2. Sở Y tế hoàn thành rà soát đến hết tháng 10/2025.",
      "3. Sở Tài chính gửi dự toán trước quý IV/2025.",
      "4. Sở Xây dựng gửi báo cáo trước ngày 15/10/2025.",
    ].join("\n");
    expect(readPlanText(plan).deadlines.map((d) => [d.units[0], d.due])).toEqual([
      ["Sở Nội vụ", "2025-09-30"],
      ["Sở Y tế", "2025-10-31"],
      ["Sở Tài chính", "2025-09-30"],
      ["Sở Xây dựng", "2025-10-15"],
    ]);
  });

  it("keeps only the new deadline when a sentence moves it", () => {
    const plan = [
      "KẾ HOẠCH",
      "Thử",
      "I. TỔ CHỨC THỰC HIỆN",
      "1. Sở Nội vụ gửi báo cáo, thời hạn lùi sang ngày 18.4.2025 (hạn cũ là ngày 10.4).",
    ].join("\n");
    expect(readPlanText(plan).deadlines.map((d) => d.due)).toEqual(["2025-04-18"]);
  });
});
