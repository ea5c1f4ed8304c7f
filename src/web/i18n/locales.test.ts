import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every locale file of the web app, checked once: the shell's `vi.json`/`en.json` and each feature's
 * `<feature>.vi.json`/`<feature>.en.json`, which `i18n/index.ts` merges by spreading their top-level sections.
 */
type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const i18nDir = import.meta.dirname;
const webRoot = join(i18nDir, "..");
const read = (name: string) => JSON.parse(readFileSync(join(i18nDir, name), "utf8")) as Tree;
/** `""` for the shell's files, else the feature's prefix (`seating`). */
const bases = readdirSync(i18nDir)
  .filter((name) => name.endsWith("vi.json"))
  .map((name) => name.replace(/\.?vi\.json$/, ""));
const file = (base: string, language: "vi" | "en") => (base ? `${base}.${language}.json` : `${language}.json`);

describe("locale files", () => {
  it("come in pairs with the same keys in Vietnamese and English", () => {
    expect(bases.length).toBeGreaterThan(10);
    for (const base of bases) expect(keys(read(file(base, "en"))).sort(), file(base, "en")).toEqual(keys(read(file(base, "vi"))).sort());
  });

  it("are all merged by i18n/index.ts", () => {
    const index = readFileSync(join(i18nDir, "index.ts"), "utf8");
    const missing = bases.flatMap((base) => (["vi", "en"] as const).map((l) => file(base, l))).filter((f) => !index.includes(`"./${f}"`));
    expect(missing).toEqual([]);
  });

  it("never define one top-level section in two files (the merge would keep only one)", () => {
    const owners = new Map<string, string[]>();
    for (const base of bases)
      for (const section of Object.keys(read(file(base, "vi")))) owners.set(section, [...(owners.get(section) ?? []), file(base, "vi")]);
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it("hold every fixed key any page or component asks for", () => {
    // A plural key (`seating.found` with a count) is known by its forms `_one` and `_other`.
    const known = new Set(bases.flatMap((base) => keys(read(file(base, "vi")))).map((key) => key.replace(/_(one|other)$/, "")));
    const asked = sources(webRoot).flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/\bt\(\s*"([a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)].map(
        (m) => `${path.slice(webRoot.length + 1)}: ${m[1]}`,
      ),
    );
    expect(asked.length).toBeGreaterThan(500);
    expect(asked.filter((entry) => !known.has(entry.split(": ")[1]))).toEqual([]);
  });

  it('hold every key a shared component builds from the section it is given (texts="unitImport")', () => {
    const files = sources(webRoot).map((path) => readFileSync(path, "utf8"));
    const suffixes = new Set(files.flatMap((text) => [...text.matchAll(/\bt\(\s*`\$\{texts\}\.([a-zA-Z0-9_.]+)`/g)].map((m) => m[1])));
    const sections = new Set(files.flatMap((text) => [...text.matchAll(/\btexts="([a-zA-Z0-9_.]+)"/g)].map((m) => m[1])));
    expect(suffixes.size).toBeGreaterThan(5);
    expect(sections.size).toBeGreaterThan(1);
    const known = new Set(bases.flatMap((base) => keys(read(file(base, "vi")))).map((key) => key.replace(/_(one|other)$/, "")));
    const missing = [...sections].flatMap((section) => [...suffixes].map((suffix) => `${section}.${suffix}`)).filter((k) => !known.has(k));
    expect(missing).toEqual([]);
  });
});
