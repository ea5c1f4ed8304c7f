import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FileTooLargeError, receiveToTemp } from "../../platform/files/receive";
import { bufferSource, inspectZip } from "../../platform/files/zip-guard";
import { checkUpload } from "./files";
import { docxBomb, realDocx, zipWithClaims } from "./upload-fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "kehoach-files-test-"));
/** The bytes arrive in small pieces, as from a socket. */
const received = (name: string, bytes: Buffer, maxBytes = 20 * 1024 * 1024) => {
  const pieces = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096));
  return receiveToTemp(Readable.from(pieces), name, { dir, maxBytes });
};
const check = async (name: string, bytes: Buffer) => checkUpload(await received(name, bytes));
const limits = { maxInflatedBytes: 100 * 1024 * 1024, maxRatio: 100 };

describe("upload checks", () => {
  it("receives a file to disk with its size, SHA-256 and first bytes, and refuses one past the limit", async () => {
    const file = await received("../../bao-cao.pdf", Buffer.from("%PDF-1.7\nnội dung"));
    expect(file).toMatchObject({ fileName: ".._.._bao-cao.pdf", size: 19 });
    expect(file.sha256).toBe("159bb61e713db6295ff7fd5c331be56e9e1f51356dd4859ed2f9beb2ca261c1c");
    expect(file.head.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(received("lon.pdf", Buffer.alloc(10_001), 10_000)).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it("accepts a real docx", async () => {
    expect((await check("bao-cao.docx", await realDocx())).mimeType).toMatch(/wordprocessingml/);
  });

  it("counts what a zip really inflates to: a huge claimed size alone is no bomb, a small claim does not hide one", async () => {
    const parts = (claimed?: number) => [
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.from("<w:document/>"), claimedSize: claimed },
    ];
    expect(await inspectZip(bufferSource(zipWithClaims(parts(4_000_000_000))), limits)).toMatchObject({ verdict: "ok", inflatedBytes: 21 });
    // 200 MiB of zeros in about 200 KB, its headers claiming 13 bytes.
    const lying = await inspectZip(bufferSource(docxBomb(200, { honest: false })), limits);
    expect(lying.verdict).toBe("bomb");
    // Stopped at the cap, not after inflating everything.
    expect(lying.verdict === "bomb" && lying.inflatedBytes).toBeLessThan(limits.maxInflatedBytes + 1024 * 1024);
  });

  it("refuses the 1.2 MB → 1.2 GB docx and a docx with falsified sizes with a Vietnamese message", async () => {
    for (const honest of [true, false]) await expect(check("bom.docx", docxBomb(1200, { honest }))).rejects.toThrow(/bom nén/);
  });

  it("refuses a .docx that is not a zip, and a zip that is not a Word file", async () => {
    await expect(check("gia.docx", Buffer.from("đây không phải tệp Word"))).rejects.toThrow(/không phải tệp Word/);
    await expect(check("gia.docx", zipWithClaims([{ name: "a.txt", data: Buffer.from("x") }]))).rejects.toThrow(/không phải tệp Word/);
  });

  it("checks magic bytes of pdf and images, and refuses empty files and other extensions", async () => {
    expect((await check("a.pdf", Buffer.from("%PDF-1.7\n"))).mimeType).toBe("application/pdf");
    await expect(check("a.pdf", Buffer.from("MZ"))).rejects.toThrow(/PDF/);
    expect((await check("a.JPG", Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).mimeType).toBe("image/jpeg");
    await expect(check("a.png", Buffer.from([0xff, 0xd8, 0xff]))).rejects.toThrow(/PNG/);
    await expect(check("virus.exe", Buffer.from("MZ"))).rejects.toThrow(/không thuộc loại/);
    await expect(check("rong.pdf", Buffer.alloc(0))).rejects.toThrow(/rỗng/);
  });
});
