import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manyPagesPdf } from "../../../test/fixtures/pdf/make";
import { importCommand } from "./import";
import { fakeIO } from "./testing";

const seed = "test/fixtures/seeds/001_f9655c538364916e.txt";

describe("kehoach import", () => {
  it("prints the whole structure as JSON with --json", async () => {
    const f = fakeIO();
    expect(await importCommand.run([seed, "--json"], f.io)).toBe(0);
    const result = JSON.parse(f.out());
    expect(result.number).toBe("63-KH/TU");
    expect(result.speeches).toHaveLength(24);
    expect(result.conferences[0].expectedAttendance).toBe(1086);
  });

  it("prints a Vietnamese summary without --json", async () => {
    const f = fakeIO();
    expect(await importCommand.run([seed], f.io)).toBe(0);
    expect(f.out()).toContain("Kế hoạch 63-KH/TU");
    expect(f.out()).toContain("Thời hạn (5)");
  });

  it("explains a refused file type in Vietnamese", async () => {
    const f = fakeIO();
    expect(await importCommand.run(["package.json"], f.io)).toBe(1);
    expect(f.err()).toContain("Không đọc được loại tệp");
  });

  it("reads a PDF given on the command line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kh-cli-")), "ke-hoach.pdf");
    writeFileSync(file, manyPagesPdf(2));
    const f = fakeIO();
    expect(await importCommand.run([file, "--json"], f.io)).toBe(0);
    expect(JSON.parse(f.out()).warnings).toContain("Không thấy tên loại văn bản (KẾ HOẠCH …) ở phần đầu.");
  });

  it("asks for exactly one file", async () => {
    const f = fakeIO();
    expect(await importCommand.run([], f.io)).toBe(2);
    expect(f.err()).toContain("đúng một tệp");
  });
});
