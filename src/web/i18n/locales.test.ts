import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import vi from "./vi.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("locale files", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(en as Tree).sort()).toEqual(keys(vi as Tree).sort());
  });

  // The shell and the pages of issues #2 and #3; add a feature folder here once its keys are in the locale files.
  const checked = ["app", "components", "features/auth", "features/organisations", "features/people", "features/importer"];

  it("hold every fixed key the shell, organisation, users and import pages ask for", () => {
    const known = new Set(keys(vi as Tree));
    const webRoot = join(import.meta.dirname, "..");
    const asked = checked
      .flatMap((dir) => sources(join(webRoot, dir)))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)].map(
          (m) => `${file.slice(webRoot.length + 1)}: ${m[1]}`,
        ),
      );
    expect(asked.filter((entry) => !known.has(entry.split(": ")[1]))).toEqual([]);
  });
});
