import { describe, expect, it } from "vitest";
import type { SeatView } from "../../../contracts/seating";
import { drawHall, findsDelegate, groupColours, shortName, UNGROUPED_COLOUR } from "./hall";

const seat = (section: "presidium" | "hall", blockIndex: number, row: number, number: number): SeatView => ({
  id: `${section}-${blockIndex}-${row}-${number}`,
  section,
  blockIndex,
  blockName: section === "presidium" ? "Đoàn chủ tịch" : `Khối ${blockIndex}`,
  row,
  number,
  label: "",
  delegate: null,
});

describe("the hall as the seating tab draws it", () => {
  it("puts the presidium's rows on stage and each block's rows in order, seats left to right, whatever the input order", () => {
    const drawing = drawHall([
      seat("hall", 2, 1, 2),
      seat("presidium", 0, 1, 2),
      seat("hall", 1, 2, 1),
      seat("hall", 2, 1, 1),
      seat("presidium", 0, 1, 1),
      seat("hall", 1, 1, 1),
    ]);
    expect(drawing.presidium.map((r) => r.map((s) => s.number))).toEqual([[1, 2]]);
    expect(drawing.blocks.map((b) => [b.name, b.rows.map((r) => r.map((s) => `${s.row}.${s.number}`))])).toEqual([
      ["Khối 1", [["1.1"], ["2.1"]]],
      ["Khối 2", [["1.1", "1.2"]]],
    ]);
  });

  it("shows the given name, finds a delegate typed without diacritics, colours groups in the conference's order", () => {
    expect(shortName("  Nguyễn Văn An ")).toBe("An");
    const d = { id: "x", fullName: "Trần Thị Bình", title: "Chủ tịch UBND", unitName: "Phường Đông Hải", groupName: "", protocolRank: 1 };
    expect(findsDelegate(d, "binh dong hai")).toBe(true);
    expect(findsDelegate(d, "bính")).toBe(false);
    const colours = groupColours(["Khách mời", "Lãnh đạo", "Khách mời"]);
    expect(colours.get("Khách mời")).not.toBe(colours.get("Lãnh đạo"));
    expect(colours.get("")).toBe(UNGROUPED_COLOUR);
  });
});
