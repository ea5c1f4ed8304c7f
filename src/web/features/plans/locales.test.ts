import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import plansEn from "../../i18n/plans.en.json";
import plansVi from "../../i18n/plans.vi.json";
import vi from "../../i18n/vi.json";

type Tree = { [key: string]: string | Tree };

const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const features = join(import.meta.dirname, "..");
const folders = ["plans", "tracking", "my-work", "obligations", "notifications"];

describe("locale files of the plan, tracking, my-work and obligation pages", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(plansEn as Tree).sort()).toEqual(keys(plansVi as Tree).sort());
  });

  it("do not redefine a top-level section of the shell's locale file (the spread would replace it)", () => {
    expect(Object.keys(plansVi).filter((k) => k in vi)).toEqual([]);
  });

  it("hold every fixed key the pages ask for", () => {
    // The pages also show links into other features (conferences, reports) with those features' own words: every
    // Vietnamese locale file counts, as the app merges them all (i18n/index.ts).
    const i18nDir = join(features, "..", "i18n");
    const viFiles = readdirSync(i18nDir).filter((name) => name === "vi.json" || name.endsWith(".vi.json"));
    const known = new Set(viFiles.flatMap((name) => keys(JSON.parse(readFileSync(join(i18nDir, name), "utf8")) as Tree)));
    const asked = folders
      .flatMap((dir) => sources(join(features, dir)))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)].map(
          (m) => `${file.slice(features.length + 1)}: ${m[1]}`,
        ),
      );
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((entry) => !known.has(entry.split(": ")[1]))).toEqual([]);
  });
});
