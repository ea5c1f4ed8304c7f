import { describe, expect, it } from "vitest";
import { formRuleProblem, type IndicatorRule, ratioOf, valueProblems } from "./rules";

const rule = (id: string, name: string, more: Partial<IndicatorRule> = {}): IndicatorRule => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: "integer",
  min: null,
  notAboveId: null,
  ratio: null,
  ...more,
});

describe("report form rules", () => {
  const cells = rule("a", "Tổng số chi bộ", { min: 0 });
  const passed = rule("b", "Số chi bộ đạt", { min: 0, notAboveId: "a" });
  const rate = rule("r", "Tỷ lệ chi bộ đạt", { kind: "percentage", ratio: { numeratorId: "b", denominatorId: "a" } });

  it("accepts a ratio of two entered indicators and a ≤ chain without a loop", () => {
    expect(formRuleProblem([cells, passed, rate])).toBeNull();
  });

  it("refuses a ratio whose part is missing, repeated or itself computed", () => {
    expect(formRuleProblem([cells, { ...rate, ratio: { numeratorId: "x", denominatorId: "a" } }])).toContain(
      "hai chỉ tiêu của cùng biểu mẫu",
    );
    expect(formRuleProblem([cells, { ...rate, ratio: { numeratorId: "a", denominatorId: "a" } }])).toContain("khác nhau");
    const ofRatio = rule("s", "Tỷ lệ của tỷ lệ", { ratio: { numeratorId: "r", denominatorId: "a" } });
    expect(formRuleProblem([cells, passed, rate, ofRatio])).toContain("«Tỷ lệ chi bộ đạt» là chỉ tiêu tính tự động");
  });

  it("refuses a loop of ≤ rules, naming the indicators in it", () => {
    const loop = formRuleProblem([{ ...cells, notAboveId: "b" }, passed]);
    expect(loop).toContain("vòng lặp: «Tổng số chi bộ» → «Số chi bộ đạt» → «Tổng số chi bộ»");
    expect(formRuleProblem([{ ...cells, notAboveId: "a" }])).toContain("chính nó");
  });

  it("names every broken rule of a unit's values and nothing for empty values", () => {
    expect(valueProblems([cells, passed, rate], new Map())).toEqual([]);
    expect(
      valueProblems(
        [cells, passed, rate],
        new Map([
          ["a", 10],
          ["b", 12],
        ]),
      ),
    ).toEqual(["«Số chi bộ đạt» không được lớn hơn «Tổng số chi bộ» (12 > 10)."]);
    expect(valueProblems([cells], new Map([["a", -1]]))).toEqual(["Chỉ tiêu «Tổng số chi bộ» phải ≥ 0 (đang là -1)."]);
    expect(valueProblems([rule("p", "Tỷ lệ nhập", { kind: "percentage" })], new Map([["p", 120]])).join()).toContain("từ 0 đến 100");
  });

  it("computes a ratio × 100 and nothing over a zero or missing denominator", () => {
    expect(ratioOf(3, 4)).toBe(75);
    expect(ratioOf(3, 0)).toBeNull();
    expect(ratioOf(null, 4)).toBeNull();
  });
});
