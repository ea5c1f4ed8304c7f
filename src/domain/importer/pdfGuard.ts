import { constants, inflateSync } from "node:zlib";
import { ImportError } from "./errors";

/**
 * Limits checked on a PDF's bytes before any PDF library parses it, so that a hostile file (a "PDF bomb")
 * costs bounded work and memory: streams are inflated with a ceiling, nesting and objects are counted.
 */
export const PDF_LIMITS = {
  /** Deepest nesting of arrays and dictionaries; real files stay under 10. */
  maxDepth: 100,
  /** Indirect objects in one file. */
  maxObjects: 200_000,
  /** Bytes one compressed stream may inflate to (a 300 dpi colour A4 scan is about 26 MB). */
  maxStreamBytes: 64 * 1024 * 1024,
  /** Bytes all streams together may inflate to. */
  maxTotalBytes: 256 * 1024 * 1024,
};

const broken = () =>
  new ImportError(
    "UNREADABLE",
    "Tệp PDF bị hỏng hoặc không phải tệp PDF. Hãy mở tệp bằng trình đọc PDF, in (lưu) lại thành PDF rồi tải lên lại.",
  );
const bomb = (what: string) =>
  new ImportError(
    "UNREADABLE",
    `Tệp PDF có cấu trúc bất thường (${what}) nên không được đọc, để bảo vệ máy chủ. Hãy in (lưu) lại thành PDF từ trình đọc PDF rồi tải lên lại.`,
  );

/** Throws ImportError when `bytes` is not a PDF or exceeds PDF_LIMITS: `checkPdf(buffer)`. */
export function checkPdf(bytes: Buffer): void {
  const start = bytes.subarray(0, 1024).indexOf("%PDF-");
  if (start < 0) throw broken();
  let depth = 0;
  let maxDepth = 0;
  let objects = 0;
  let total = 0;
  let k = start;
  const n = bytes.length;
  while (k < n) {
    const c = bytes[k];
    if (c === 0x25 /* % */) {
      // A comment runs to the end of the line.
      while (k < n && bytes[k] !== 0x0a && bytes[k] !== 0x0d) k++;
      continue;
    }
    if (c === 0x28 /* ( */) {
      k = skipString(bytes, k);
      continue;
    }
    if (c === 0x5b /* [ */ || (c === 0x3c && bytes[k + 1] === 0x3c)) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      if (maxDepth > PDF_LIMITS.maxDepth) throw bomb(`lồng nhau quá ${PDF_LIMITS.maxDepth} cấp`);
      k += c === 0x5b ? 1 : 2;
      continue;
    }
    if (c === 0x5d /* ] */ || (c === 0x3e && bytes[k + 1] === 0x3e)) {
      depth = Math.max(0, depth - 1);
      k += c === 0x5d ? 1 : 2;
      continue;
    }
    if (c === 0x6f /* o */ && bytes[k + 1] === 0x62 && bytes[k + 2] === 0x6a && isDelimiter(bytes[k - 1]) && isDelimiter(bytes[k + 3])) {
      objects++;
      if (objects > PDF_LIMITS.maxObjects) throw bomb(`hơn ${PDF_LIMITS.maxObjects.toLocaleString("vi-VN")} đối tượng`);
      depth = 0; // a new object starts at the top level, whatever a broken one before it left open
      k += 3;
      continue;
    }
    if (c === 0x73 /* s */ && bytes.toString("latin1", k, k + 6) === "stream" && isDelimiter(bytes[k - 1])) {
      let dataStart = k + 6;
      if (bytes[dataStart] === 0x0d) dataStart++;
      if (bytes[dataStart] === 0x0a) dataStart++;
      const end = bytes.indexOf("endstream", dataStart, "latin1");
      if (end < 0) break;
      const dict = bytes.toString("latin1", Math.max(start, k - 400), k);
      const dictOpen = dict.lastIndexOf("<<");
      if (/\/FlateDecode|\/Fl(?![a-z])/u.test(dict.slice(Math.max(0, dictOpen)))) {
        total += inflatedSize(bytes.subarray(dataStart, end), PDF_LIMITS.maxTotalBytes - total);
        if (total > PDF_LIMITS.maxTotalBytes) throw bomb("dữ liệu nén giải ra quá lớn");
      }
      k = end + 9;
      depth = 0;
      continue;
    }
    k++;
  }
}

function isDelimiter(c: number | undefined): boolean {
  return (
    c === undefined ||
    c === 0x20 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x09 ||
    c === 0x0c ||
    c === 0x00 ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x2f ||
    c === 0x5b ||
    c === 0x5d
  );
}

/** Skips a literal string `( … )` with nested brackets and escapes; returns the index after it. */
function skipString(bytes: Buffer, from: number): number {
  let level = 0;
  for (let k = from; k < bytes.length; k++) {
    const c = bytes[k];
    if (c === 0x5c /* \ */) k++;
    else if (c === 0x28) level++;
    else if (c === 0x29 && --level === 0) return k + 1;
  }
  return bytes.length;
}

/** Bytes a Flate stream inflates to, never inflating more than the limit; a damaged stream counts what came out. */
function inflatedSize(data: Buffer, room: number): number {
  const limit = Math.min(PDF_LIMITS.maxStreamBytes, Math.max(0, room)) + 1;
  try {
    return inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw bomb("một luồng dữ liệu giải nén quá lớn");
    return 0; // not valid Flate data: the PDF reader will judge it
  }
}
