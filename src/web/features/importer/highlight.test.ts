import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZImportResult } from "../../../contracts/importer";
import { locate, piecesOf, segments } from "./highlight";

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/seeds/${name}`, import.meta.url), "utf8");

describe("highlighting what the importer recognised in the source text", () => {
  it("finds a string broken over two lines in the source", () => {
    const source = "KẾ HOẠCH\nRà soát, rút kinh nghiệm\ntrong triển khai chính quyền\n";
    const [hit] = locate(source, [{ id: "title", text: "Rà soát, rút kinh nghiệm trong triển khai chính quyền" }]);
    expect(source.slice(hit.start, hit.end)).toBe("Rà soát, rút kinh nghiệm\ntrong triển khai chính quyền");
  });

  it("finds repeated list entries in document order, not all at the first occurrence", () => {
    const source = "- Sở Y tế;\n- Sở Y tế;\n";
    const found = locate(source, [
      { id: "recipients.0", text: "Sở Y tế" },
      { id: "recipients.1", text: "Sở Y tế" },
    ]);
    expect(found.map((f) => f.start)).toEqual([2, 13]);
  });

  it("leaves out what does not occur in the source", () => {
    expect(locate("Hải Phòng", [{ id: "number", text: "63-KH/TU" }])).toEqual([]);
  });

  it("cuts the text into runs that keep every character and mark nested pieces innermost first", () => {
    const source = "Giao Sở Nội vụ chủ trì.";
    const found = locate(source, [
      { id: "deadlines.0.raw", text: "Sở Nội vụ chủ trì" },
      { id: "tasks.0.unit", text: "Sở Nội vụ" },
    ]);
    const runs = segments(source, found);
    expect(runs.map((r) => r.text).join("")).toBe(source);
    expect(runs.find((r) => r.text === "Sở Nội vụ")?.ids).toEqual(["tasks.0.unit", "deadlines.0.raw"]);
    expect(runs.find((r) => r.text === " chủ trì")?.ids).toEqual(["deadlines.0.raw"]);
  });

  it("locates the number, title and every deadline of a real plan", () => {
    const source = fixture("001_f9655c538364916e.txt");
    const result = ZImportResult.parse(JSON.parse(fixture("001_f9655c538364916e.expected.json")));
    const found = new Set(locate(source, piecesOf(result)).map((f) => f.id));
    expect(found.has("number")).toBe(true);
    expect(found.has("title")).toBe(true);
    result.deadlines.forEach((_, i) => expect(found.has(`deadlines.${i}.raw`)).toBe(true));
  });
});
