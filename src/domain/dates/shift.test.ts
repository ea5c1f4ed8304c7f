import { describe, expect, it } from "vitest";
import { readDates } from "./index";
import { shiftDatesInText } from "./shift";

describe("shiftDatesInText", () => {
  it("moves every written day by the same number of days, in the form it was written", () => {
    expect(shiftDatesInText("hạn 31/5/2026", 3, 2026)).toBe("hạn 3/6/2026");
    expect(shiftDatesInText("chậm nhất 08 giờ, ngày 08 tháng 5 năm 2026", 30, 2026)).toBe("chậm nhất 08 giờ, ngày 07 tháng 6 năm 2026");
    expect(shiftDatesInText("trước ngày 29.5 và 31-5-2026", -2, 2026)).toBe("trước ngày 27.5 và 29-5-2026");
    expect(shiftDatesInText("Số 02/2023/TT-BNV", 10, 2026)).toBe("Số 02/2023/TT-BNV");
    expect(shiftDatesInText("không có ngày nào", 5, 2026)).toBe("không có ngày nào");
    // A cited document keeps its date.
    expect(shiftDatesInText("Thực hiện Nghị quyết số 268/NQ-CP ngày 31/8/2025 của Chính phủ", 10, 2025)).toBe(
      "Thực hiện Nghị quyết số 268/NQ-CP ngày 31/8/2025 của Chính phủ",
    );
  });

  it("keeps what the date reader reads equal to the shifted dates", () => {
    const text = "Các đơn vị gửi báo cáo trước 17 giờ ngày 30/5/2026; hội nghị ngày 02 tháng 6 năm 2026.";
    const moved = shiftDatesInText(text, 200, 2026);
    expect(readDates(moved).map((d) => d.date)).toEqual(["2026-12-16", "2026-12-19"]);
  });
});
