/**
 * Reads a zip's central directory without inflating anything, so a zip bomb can be measured before it is
 * stored or opened. Only the directory is trusted; nothing here decompresses.
 */

export interface ZipSummary {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
  names: string[];
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** The totals of a zip's central directory, or null when the bytes are not a readable zip. */
export function readZipDirectory(bytes: Buffer): ZipSummary | null {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK || size === ZIP64_MARK || offset + size > end) return null;
  const summary: ZipSummary = { entries: 0, compressedBytes: 0, uncompressedBytes: 0, names: [] };
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const compressed = bytes.readUInt32LE(at + 20);
    const uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    // ZIP64 sizes are never needed by an office file under 20 MB: count them as unbounded.
    summary.compressedBytes += compressed === ZIP64_MARK ? 0 : compressed;
    summary.uncompressedBytes += uncompressed === ZIP64_MARK ? Number.MAX_SAFE_INTEGER / 2 : uncompressed;
    summary.names.push(bytes.toString("utf8", at + 46, at + 46 + nameLength));
    summary.entries += 1;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return summary;
}
