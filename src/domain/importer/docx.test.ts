import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planTextToDocx } from "../../../test/fixtures/seeds/docx-from-text";
import { htmlToText } from "./docx";
import { ImportError, importPlan } from "./index";

const dir = join(process.cwd(), "test/fixtures/seeds");
const seeds = ["000_558bad5328212af2", "001_f9655c538364916e", "002_7b647e67f44d3843"];
const expected = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as unknown;

describe("importing Word files", () => {
  it.each(seeds)("reads the committed %s.docx (real Word tables) to the same JSON as its text", async (name) => {
    const content = readFileSync(join(dir, `${name}.docx`));
    expect(await importPlan({ fileName: `${name}.docx`, content })).toEqual(expected(name));
  });

  it("reads a .docx generated now from the seed text to the same JSON", async () => {
    const name = "001_f9655c538364916e";
    const content = await planTextToDocx(readFileSync(join(dir, `${name}.txt`), "utf8"));
    expect(await importPlan({ fileName: "Kế hoạch 63.DOCX", content })).toEqual(expected(name));
  });

  it("turns Word tables into one row per line, header first", () => {
    const html =
      "<p><strong>KẾ HOẠCH</strong></p><table><tr><td><p>TT</p></td><td><p>NỘI DUNG</p></td></tr><tr><td><p>1</p></td><td><p>A &amp; B</p></td></tr></table>";
    expect(htmlToText(html).split("\n")).toEqual(["**KẾ HOẠCH**", "| TT | NỘI DUNG |", "|---|---|", "| 1 | A & B |", ""]);
  });

  it("writes Word's automatic numbering back as outline numbers and bullets", () => {
    const html =
      "<p>I. MỤC ĐÍCH</p><ol><li>Mục đích<ol><li>Một việc</li><li>Việc khác</li></ol></li><li><p>Yêu cầu</p></li></ol><ul><li>Gạch đầu dòng</li></ul><p>Sau</p>";
    expect(htmlToText(html).split("\n")).toEqual([
      "I. MỤC ĐÍCH",
      "1. Mục đích",
      "a) Một việc",
      "b) Việc khác",
      "2. Yêu cầu",
      "- Gạch đầu dòng",
      "Sau",
    ]);
  });

  it("refuses a broken Word file with a clear message", async () => {
    const err = await importPlan({ fileName: "kh.docx", content: Buffer.from("không phải zip") }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe("UNREADABLE");
    const zipButNotWord = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await importPlan({ fileName: "kh.docx", content: zipButNotWord }).catch((e: ImportError) => e.code)).toBe("UNREADABLE");
  });

  it("refuses other file types and files over 10 MB", async () => {
    const doc = await importPlan({ fileName: "kh.doc", content: Buffer.from("\xd0\xcf\x11\xe0", "latin1") }).catch((e: ImportError) => e);
    expect(doc).toMatchObject({ code: "UNSUPPORTED_TYPE" });
    expect((doc as ImportError).message).toMatch(/\.docx/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    expect(await importPlan({ fileName: "kh.txt", content: big }).catch((e: ImportError) => e.code)).toBe("TOO_LARGE");
  });
});
