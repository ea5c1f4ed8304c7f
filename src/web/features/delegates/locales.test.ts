import { describe, expect, it } from "vitest";
import conferencesVi from "../../i18n/conferences.vi.json";
import delegatesEn from "../../i18n/delegates.en.json";
import delegatesVi from "../../i18n/delegates.vi.json";
import plansVi from "../../i18n/plans.vi.json";
import programVi from "../../i18n/program.vi.json";
import stageVi from "../../i18n/stage.vi.json";
import vi from "../../i18n/vi.json";

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("locale files of the delegates feature", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(delegatesEn as Tree).sort()).toEqual(keys(delegatesVi as Tree).sort());
  });

  it("do not redefine a top-level section of another locale file (the spread would replace it)", () => {
    expect(Object.keys(delegatesVi).filter((k) => k in vi || k in plansVi || k in conferencesVi || k in programVi || k in stageVi)).toEqual(
      [],
    );
  });
});
