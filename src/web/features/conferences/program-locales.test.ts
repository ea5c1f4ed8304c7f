import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AwardKind, LogisticsKind } from "../../../contracts/conferences";
import conferencesVi from "../../i18n/conferences.vi.json";
import plansVi from "../../i18n/plans.vi.json";
import programEn from "../../i18n/program.en.json";
import programVi from "../../i18n/program.vi.json";
import vi from "../../i18n/vi.json";

type Tree = { [key: string]: string | Tree };

const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("locale files of the conference program tabs", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(programEn as Tree).sort()).toEqual(keys(programVi as Tree).sort());
  });

  it("do not redefine a top-level section of another locale file (the spread would replace it)", () => {
    expect(Object.keys(programVi).filter((k) => k in vi || k in plansVi || k in conferencesVi)).toEqual([]);
  });

  it("name every kind of award and logistics task", () => {
    const known = new Set(keys(programVi as Tree));
    const kinds = [
      ...AwardKind.options.map((k) => `program.awards.kinds.${k}`),
      ...LogisticsKind.options.map((k) => `program.logistics.kinds.${k}`),
    ];
    expect(kinds.filter((k) => !known.has(k))).toEqual([]);
  });

  it("label the conference page's program tabs (tabs.tsx)", () => {
    const known = new Set(keys(programVi as Tree));
    const tabs = readFileSync(join(import.meta.dirname, "tabs.tsx"), "utf8");
    const labels = [...tabs.matchAll(/labelKey: "(program\.[a-zA-Z.]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual([
      "program.tabs.held",
      "program.tabs.speeches",
      "program.tabs.awards",
      "program.tabs.logistics",
      "program.tabs.readiness",
    ]);
    expect(labels.filter((k) => !known.has(k))).toEqual([]);
  });

  it("hold every fixed key the tabs ask for", () => {
    // The folder holds the conference page too (conferences.*.json).
    const known = new Set([...keys(vi as Tree), ...keys(plansVi as Tree), ...keys(programVi as Tree), ...keys(conferencesVi as Tree)]);
    const dir = import.meta.dirname;
    const asked = readdirSync(dir)
      .filter((name) => /\.tsx?$/.test(name) && !name.endsWith(".test.ts"))
      .flatMap((name) => [...readFileSync(join(dir, name), "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)].map((m) => m[1]));
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((k) => !known.has(k))).toEqual([]);
  });
});
