import { inflateSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32, qrMatrix, qrPngOf } from "./qr";
import { writeZip, zipPart } from "./zip-writer";

/** Reads a 1-bit grayscale PNG by its chunks (signature, IHDR, IDAT inflated, filter 0 rows), checking each CRC. */
function readBilevelPng(png: Buffer) {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  let at = 8;
  let width = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString("ascii", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      expect([data[8], data[9]]).toEqual([1, 0]);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = Math.ceil(width / 8) + 1;
  return { width, black: (x: number, y: number) => (raw[y * rowBytes + 1 + (x >> 3)] & (0x80 >> (x & 7))) === 0 };
}

describe("QR images and the zip writer for bulk letters", () => {
  it("writes a PNG whose pixels are the QR matrix, quiet zone white", () => {
    const matrix = qrMatrix("https://kehoach.example/xac-bao/abc");
    const png = readBilevelPng(qrPngOf(matrix, 4));
    expect(png.width).toBe(matrix.size * 4);
    let dark = 0;
    for (let y = 0; y < matrix.size; y += 1)
      for (let x = 0; x < matrix.size; x += 1) {
        expect(png.black(x * 4 + 1, y * 4 + 1), `${x},${y}`).toBe(matrix.dark(x, y));
        if (matrix.dark(x, y)) dark += 1;
      }
    expect(dark).toBeGreaterThan(100);
    expect(matrix.dark(0, 0)).toBe(false);
  });

  it("computes CRC-32 as zip and PNG readers do", () => {
    expect(crc32(Buffer.from("a"))).toBe(0xe8b7be43);
  });

  it("writes zips that a reader opens with every checksum right, deflated and stored parts alike", async () => {
    const zip = writeZip([
      zipPart("a.xml", Buffer.from("<a>xin chào</a>".repeat(50))),
      zipPart("thư mục/b.bin", Buffer.from([1, 2, 3]), false),
    ]);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(await read.file("a.xml")?.async("string")).toBe("<a>xin chào</a>".repeat(50));
    expect([...((await read.file("thư mục/b.bin")?.async("uint8array")) ?? [])]).toEqual([1, 2, 3]);
  });
});
