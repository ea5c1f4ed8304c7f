import { describe, expect, it } from "vitest";
import attendanceVi from "../../i18n/attendance.vi.json";
import conferencesVi from "../../i18n/conferences.vi.json";
import delegatesVi from "../../i18n/delegates.vi.json";
import plansVi from "../../i18n/plans.vi.json";
import programVi from "../../i18n/program.vi.json";
import seatingEn from "../../i18n/seating.en.json";
import seatingVi from "../../i18n/seating.vi.json";
import stageVi from "../../i18n/stage.vi.json";
import vi from "../../i18n/vi.json";

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("locale files of the seating feature", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(seatingEn as Tree).sort()).toEqual(keys(seatingVi as Tree).sort());
  });

  it("do not redefine a top-level section of another locale file (the spread would replace it)", () => {
    const others = [vi, plansVi, conferencesVi, programVi, stageVi, delegatesVi, attendanceVi];
    expect(Object.keys(seatingVi).filter((k) => others.some((o) => k in o))).toEqual([]);
  });
});
