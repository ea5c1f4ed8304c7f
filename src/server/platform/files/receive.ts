import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/** An uploaded file written to a temporary file as it arrived: never held whole in memory. */
export interface ReceivedFile {
  /** The name the client gave, cleaned of path separators. */
  fileName: string;
  /** The temporary file; the caller removes it with `discard` once the request is over. */
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, for checking the type by content. */
  head: Buffer;
}

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
  }
}

const HEAD_BYTES = 16;

/**
 * Streams `stream` into a new file under `dir`, hashing and counting as it goes; past `maxBytes` it stops and
 * throws FileTooLargeError (the partial file removed). The file is fsynced before this resolves, so it can
 * be renamed into a store that must survive a crash.
 *
 * @example
 *   const file = await receiveToTemp(part.file, part.filename, { dir: store.tempDir, maxBytes: 20 << 20 });
 */
export async function receiveToTemp(
  stream: Readable,
  fileName: string,
  { dir, maxBytes }: { dir: string; maxBytes: number },
): Promise<ReceivedFile> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${randomUUID()}.part`);
  const hash = createHash("sha256");
  let size = 0;
  const heads: Buffer[] = [];
  let headLength = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        heads.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, meter, createWriteStream(target, { flags: "wx" }));
    const handle = await open(target, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(target, { force: true });
    // Drain what the client still sends for this part, so the request can answer.
    stream.resume();
    throw error;
  }
  return { fileName: cleanFileName(fileName), path: target, size, sha256: hash.digest("hex"), head: Buffer.concat(heads) };
}

/** `../../etc/passwd` → `.._.._etc_passwd`; an empty name becomes `tep`. */
export function cleanFileName(fileName: string): string {
  return fileName.trim().replace(/[\\/]/g, "_").slice(0, 255) || "tep";
}

/** Removes the temporary files of a request (those already moved into a store are gone already). */
export async function discard(files: Array<Pick<ReceivedFile, "path">>): Promise<void> {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}
