import { describe, expect, it } from "vitest";
import { datesCommand } from "./dates";
import { fakeIO } from "./testing";

describe("kehoach dates", () => {
  it("prints one JSON array per input line, using --year for dates without a year", async () => {
    const f = fakeIO({ input: "trước 11 giờ, ngày 29/5/2026\nlớp 8/11\ntrước 30/8\n" });
    expect(await datesCommand.run(["--year", "2026"], f.io)).toBe(0);
    const lines = f
      .out()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      [{ kind: "deadline", date: "2026-05-29", time: "11:00", end: null, endTime: null, raw: "trước 11 giờ, ngày 29/5/2026" }],
      [],
      [{ kind: "deadline", date: "2026-08-30", time: null, end: null, endTime: null, raw: "trước 30/8" }],
    ]);
  });

  it("refuses a malformed year with a Vietnamese message", async () => {
    const f = fakeIO({ input: "" });
    expect(await datesCommand.run(["--year", "26"], f.io)).toBe(2);
    expect(f.err()).toContain("Năm không hợp lệ");
  });
});
