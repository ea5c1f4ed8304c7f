import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ZImportResult } from "../../contracts/importer";
import { importPlan, readPlanText } from "./index";

const dir = join(process.cwd(), "test/fixtures/seeds");
const seeds = ["000_558bad5328212af2", "001_f9655c538364916e", "002_7b647e67f44d3843"];
const text = (name: string) => readFileSync(join(dir, `${name}.txt`), "utf8");
const expected = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as unknown;

describe("importer on the three seed plans", () => {
  it.each(seeds)("reads seed %s exactly as a careful reader does", (name) => {
    expect(readPlanText(text(name))).toEqual(expected(name));
  });

  it.each(seeds)("gives seed %s through importPlan the same result, valid against the contract", async (name) => {
    const result = await importPlan({ fileName: `${name}.txt`, content: readFileSync(join(dir, `${name}.txt`)) });
    expect(ZImportResult.parse(result)).toEqual(expected(name));
  });

  it("reads the same seed from markdown", async () => {
    const md = text("001_f9655c538364916e");
    expect(await importPlan({ fileName: "kh.md", content: md })).toEqual(expected("001_f9655c538364916e"));
  });
});
