import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import doorEn from "../../i18n/door.en.json";
import doorVi from "../../i18n/door.vi.json";
import vi from "../../i18n/vi.json";

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe("locale files of the door check-in pages", () => {
  it("have the same keys in Vietnamese and English, under a section of their own", () => {
    expect(keys(doorEn as Tree).sort()).toEqual(keys(doorVi as Tree).sort());
    expect(Object.keys(doorVi).filter((k) => k in vi)).toEqual([]);
  });

  it("hold every fixed key the door check-in pages ask for", () => {
    const known = new Set([...keys(doorVi as Tree), ...keys(vi as Tree)]);
    const dir = import.meta.dirname;
    const asked = readdirSync(dir)
      .filter((f) => f.endsWith(".tsx") || (f.endsWith(".ts") && !f.endsWith(".test.ts")))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)].map((m) => m[1]));
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((k) => !known.has(k))).toEqual([]);
  });
});
