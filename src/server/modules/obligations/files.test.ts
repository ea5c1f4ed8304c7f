import { describe, expect, it } from "vitest";
import { checkUpload } from "./files";
import { realDocx, zipWithClaims } from "./upload-fixtures";
import { readZipDirectory } from "./zip";

const docxParts = (claimed?: number) => [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "word/document.xml", data: Buffer.from("<w:document/>"), claimedSize: claimed },
];

describe("upload checks", () => {
  it("accepts a real docx and reads its central directory", async () => {
    const bytes = await realDocx();
    expect(readZipDirectory(bytes)?.names).toContain("word/document.xml");
    expect(checkUpload("bao-cao.docx", bytes).mimeType).toMatch(/wordprocessingml/);
  });

  it("refuses a zip bomb named .docx by its claimed uncompressed size or ratio", () => {
    expect(() => checkUpload("bom.docx", zipWithClaims(docxParts(200 * 1024 * 1024)))).toThrow(/bom nén/);
    expect(() => checkUpload("bom.docx", zipWithClaims(docxParts(5 * 1024 * 1024)))).toThrow(/bom nén/);
    expect(() => checkUpload("ok.docx", zipWithClaims(docxParts()))).not.toThrow();
  });

  it("refuses a .docx that is not a zip, and a zip that is not a Word file", () => {
    expect(() => checkUpload("gia.docx", Buffer.from("đây không phải tệp Word"))).toThrow(/không phải tệp Word/);
    expect(() => checkUpload("gia.docx", zipWithClaims([{ name: "a.txt", data: Buffer.from("x") }]))).toThrow(/không phải tệp Word/);
  });

  it("checks magic bytes of pdf and images, and refuses other extensions", () => {
    expect(checkUpload("a.pdf", Buffer.from("%PDF-1.7\n")).mimeType).toBe("application/pdf");
    expect(() => checkUpload("a.pdf", Buffer.from("MZ"))).toThrow(/PDF/);
    expect(checkUpload("a.JPG", Buffer.from([0xff, 0xd8, 0xff, 0xe0])).mimeType).toBe("image/jpeg");
    expect(() => checkUpload("a.png", Buffer.from([0xff, 0xd8, 0xff]))).toThrow(/PNG/);
    expect(() => checkUpload("virus.exe", Buffer.from("MZ"))).toThrow(/không thuộc loại/);
  });
});
