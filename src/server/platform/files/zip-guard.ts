import { open } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw } from "node:zlib";

/**
 * Measures a zip (a .docx, an .xlsx) by the bytes its entries really inflate to, never by the sizes its
 * directory declares: every entry is inflated as a stream into a counter, and the whole check stops as soon
 * as the total passes the cap. Memory stays at a few zlib windows whatever the file claims or holds.
 *
 * @example
 *   const zip = await inspectZip(bufferSource(bytes), { maxInflatedBytes: 100 << 20, maxRatio: 100 });
 *   if (zip.verdict === "bomb") refuse();
 */

/** Reads byte ranges of a file or a buffer. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export const bufferSource = (bytes: Buffer): ByteSource => ({
  size: bytes.length,
  read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  close: async () => undefined,
});

/** A file on disk read by ranges; close it when done. */
export async function fileSource(filePath: string): Promise<ByteSource> {
  const handle = await open(filePath, "r");
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.alloc(want);
      const { bytesRead } = await handle.read(buffer, 0, want, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

export interface ZipLimits {
  /** All entries together may not inflate past this many bytes. */
  maxInflatedBytes: number;
  /** Nor past this multiple of the zip's own size. */
  maxRatio: number;
  /** Below this the ratio is not applied (a tiny zip of a few XML parts has a high ratio honestly). */
  ratioFloorBytes?: number;
  maxEntries?: number;
}

export type ZipVerdict =
  | { verdict: "ok"; names: string[]; inflatedBytes: number }
  | { verdict: "bomb"; inflatedBytes: number }
  | { verdict: "broken"; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;

class CapReached extends Error {}

/** Inflates (or, for a stored entry, counts) one entry's data from `start`, adding to `counted` until the cap. */
async function inflateEntry(
  source: ByteSource,
  start: number,
  end: number,
  method: number,
  storedSize: number,
  counter: { n: number; cap: number },
) {
  if (method === 0) {
    counter.n += Math.min(storedSize, end - start);
    if (counter.n > counter.cap) throw new CapReached();
    return;
  }
  let at = start;
  const compressed = new Readable({
    read() {
      if (at >= end) return void this.push(null);
      source.read(at, Math.min(CHUNK, end - at)).then(
        (chunk) => {
          at += chunk.length;
          this.push(chunk.length ? chunk : null);
        },
        (error: Error) => this.destroy(error),
      );
    },
  });
  const count = new Writable({
    write(chunk: Buffer, _enc, done) {
      counter.n += chunk.length;
      done(counter.n > counter.cap ? new CapReached() : null);
    },
  });
  // Data after the end of the deflate stream (the next entry, the directory) is ignored by zlib.
  await pipeline(compressed, createInflateRaw({ chunkSize: 256 * 1024 }), count);
}

/** Reads the central directory, then inflates every entry with a hard cap on the total. */
export async function inspectZip(source: ByteSource, limits: ZipLimits): Promise<ZipVerdict> {
  const size = source.size;
  if (size < 22) return { verdict: "broken", reason: "tệp quá ngắn" };
  const head = await source.read(0, 4);
  if (head.readUInt32LE(0) !== LOCAL) return { verdict: "broken", reason: "không phải tệp nén" };
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await source.read(size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1)
    if (tail.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) return { verdict: "broken", reason: "không tìm thấy mục lục tệp nén" };
  const count = tail.readUInt16LE(end + 10);
  const dirSize = tail.readUInt32LE(end + 12);
  const dirOffset = tail.readUInt32LE(end + 16);
  const endAbsolute = size - tailLength + end;
  if (dirOffset + dirSize > endAbsolute) return { verdict: "broken", reason: "mục lục tệp nén sai" };
  if (count > (limits.maxEntries ?? 10_000)) return { verdict: "bomb", inflatedBytes: 0 };
  const dir = await source.read(dirOffset, dirSize);
  const ratioCap = Math.max(limits.ratioFloorBytes ?? 1024 * 1024, size * limits.maxRatio);
  const counter = { n: 0, cap: Math.min(limits.maxInflatedBytes, ratioCap) };
  const names: string[] = [];
  let at = 0;
  try {
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) return { verdict: "broken", reason: "mục lục tệp nén sai" };
      const method = dir.readUInt16LE(at + 10);
      const compressedSize = dir.readUInt32LE(at + 20);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const localOffset = dir.readUInt32LE(at + 42);
      const name = dir.toString("utf8", at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      names.push(name);
      if (method !== 0 && method !== 8) return { verdict: "broken", reason: `kiểu nén ${method} không được hỗ trợ` };
      if (localOffset + 30 > dirOffset) return { verdict: "broken", reason: "mục lục tệp nén sai" };
      const local = await source.read(localOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL) return { verdict: "broken", reason: "mục lục tệp nén sai" };
      const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (name.endsWith("/")) continue;
      // The declared compressed size is not trusted either: inflate until the deflate stream itself ends.
      await inflateEntry(source, dataStart, dirOffset, method, compressedSize, counter);
    }
  } catch (error) {
    if (error instanceof CapReached) return { verdict: "bomb", inflatedBytes: counter.n };
    return { verdict: "broken", reason: "dữ liệu nén bị hỏng" };
  }
  return { verdict: "ok", names, inflatedBytes: counter.n };
}
