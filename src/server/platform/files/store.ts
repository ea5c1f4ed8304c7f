import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { storedFileChunks, storedFiles } from "../../db/schema/index";
import type { ReceivedFile } from "./receive";

/**
 * Where submitted file bytes live. PostgreSQL: rows of ≤ 1 MB in `stored_file_chunks`, written in the
 * submission's transaction, so every server process on every machine reaches them and a rollback takes them
 * away. PGlite: a content-addressed directory (`<dataDir>/files/ab/cd/<sha256>`) written, fsynced and renamed
 * into place inside the transaction, before the row commits; a file no row names is an orphan, removed by
 * `sweepOrphanFiles`. Either way the bytes never sit whole in memory.
 */
export interface FileStore {
  kind: "database" | "directory";
  /** Where uploads are received before the transaction (same file system as the store for a directory). */
  tempDir: string;
  /** The directory of a content-addressed store; null for the database store. */
  root: string | null;
}

export const CHUNK_BYTES = 1024 * 1024;

const stores = new WeakMap<Database, FileStore>();

/** The store of an open database (one per database, created on first use). */
export async function fileStoreOf(database: Database): Promise<FileStore> {
  const known = stores.get(database);
  if (known) return known;
  let store: FileStore;
  if (database.kind === "postgres") store = { kind: "database", tempDir: path.join(tmpdir(), "kehoach-uploads"), root: null };
  else {
    const dir = database.dataDir && !database.dataDir.startsWith("memory://") ? database.dataDir : null;
    // An in-memory PGlite (tests) gets a scratch directory of its own.
    const root = dir ? path.resolve(dir, "files") : await mkdtemp(path.join(tmpdir(), "kehoach-files-"));
    store = { kind: "directory", tempDir: path.join(root, "tmp"), root };
  }
  await mkdir(store.tempDir, { recursive: true });
  stores.set(database, store);
  return store;
}

/** `<root>/ab/cd/abcd…`: two levels of 256 directories keep each small. */
export const blobPath = (root: string, sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Stores received files for a submission inside its transaction `tx`: the rows, and the bytes where the store
 * keeps them. On a directory store the bytes are durable before this returns, so the commit that follows
 * never names a missing file.
 */
export async function saveFiles(
  tx: Db,
  store: FileStore,
  rows: Array<{ file: ReceivedFile; mimeType: string; submissionId: string | null; createdAt: Date }>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const { file, mimeType, submissionId, createdAt } of rows) {
    const id = randomUUID();
    ids.push(id);
    if (store.kind === "directory" && store.root) {
      const target = blobPath(store.root, file.sha256);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) {
        // The same bytes are stored already; fresh times keep the sweep from taking them before this commits.
        await utimes(target, new Date(), new Date());
        await rm(file.path, { force: true });
      } else {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(file.path, target);
        await fsyncDir(path.dirname(target));
      }
    }
    await tx.insert(storedFiles).values({
      id,
      submissionId,
      fileName: file.fileName,
      mimeType,
      size: file.size,
      sha256: file.sha256,
      storage: store.kind,
      createdAt,
    });
    if (store.kind === "database") {
      let seq = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
        await tx.insert(storedFileChunks).values({ fileId: id, seq, data: chunk as Buffer });
        seq += 1;
      }
    }
  }
  return ids;
}

/** A stored file's bytes as a stream: one chunk row at a time, or the blob file. */
export function openStoredFile(db: Db, store: FileStore, file: { id: string; sha256: string; storage: string }): Readable {
  if (file.storage === "directory") {
    if (!store.root) throw new Error("a directory file on a database store");
    return createReadStream(blobPath(store.root, file.sha256));
  }
  let seq = 0;
  return new Readable({
    read() {
      db.select({ data: storedFileChunks.data })
        .from(storedFileChunks)
        .where(and(eq(storedFileChunks.fileId, file.id), eq(storedFileChunks.seq, seq)))
        .then(
          ([row]) => {
            seq += 1;
            this.push(row ? Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) : null);
          },
          (error: Error) => this.destroy(error),
        );
    },
  });
}

/**
 * Removes what no committed row needs: blobs of the directory store that no `stored_files` row names (a
 * submission rolled back or a crash between the fsync and the commit, or its rows deleted), and temporary
 * upload files. Only files older than `graceMs` go, so an upload in flight is never touched; at start-up,
 * before the server listens, 0 is safe. Returns how many files were removed.
 *
 * @example
 *   await sweepOrphanFiles(database, { graceMs: 60 * 60 * 1000 });
 */
export async function sweepOrphanFiles(database: Database, { graceMs = 60 * 60 * 1000, now = Date.now() } = {}): Promise<number> {
  const store = await fileStoreOf(database);
  let removed = 0;
  const old = async (file: string) => {
    const s = await stat(file).catch(() => null);
    return s !== null && now - s.mtimeMs >= graceMs;
  };
  for (const name of await readdir(store.tempDir).catch(() => [] as string[])) {
    const file = path.join(store.tempDir, name);
    if (await old(file)) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  if (!store.root) return removed;
  const blobs: string[] = [];
  for (const a of await readdir(store.root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of await readdir(path.join(store.root, a)).catch(() => [] as string[]))
      for (const name of await readdir(path.join(store.root, a, b)).catch(() => [] as string[]))
        if (/^[0-9a-f]{64}$/.test(name)) blobs.push(name);
  }
  for (let i = 0; i < blobs.length; i += 500) {
    const batch = blobs.slice(i, i + 500);
    const rows = await database.db
      .selectDistinct({ sha256: storedFiles.sha256 })
      .from(storedFiles)
      .where(and(inArray(storedFiles.sha256, batch), eq(storedFiles.storage, "directory")))
      .orderBy(asc(storedFiles.sha256));
    const kept = new Set(rows.map((r) => r.sha256));
    for (const sha of batch) {
      const file = blobPath(store.root, sha);
      if (kept.has(sha) || !(await old(file))) continue;
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Stores a file the server made (a batch of invitations) inside `tx`, as an upload is stored: written to the
 * store's temporary directory, hashed, then saved like a received file. Returns its id.
 */
export async function saveGeneratedFile(
  tx: Db,
  store: FileStore,
  file: { fileName: string; mimeType: string; content: Buffer },
): Promise<string> {
  const tempPath = path.join(store.tempDir, `${randomUUID()}.part`);
  await writeFile(tempPath, file.content);
  const sha256 = createHash("sha256").update(file.content).digest("hex");
  const [id] = await saveFiles(tx, store, [
    {
      file: { fileName: file.fileName, path: tempPath, size: file.content.length, sha256, head: file.content.subarray(0, 16) },
      mimeType: file.mimeType,
      submissionId: null,
      createdAt: new Date(),
    },
  ]);
  // The directory store renamed the file into place; the database store copied it into chunks.
  if (store.kind === "database") await rm(tempPath, { force: true });
  return id;
}

/** What streaming a stored file back needs (its name, type, size and where its bytes are). */
export async function findStoredFile(db: Db, id: string) {
  const [row] = await db
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      mimeType: storedFiles.mimeType,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
      storage: storedFiles.storage,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return row;
}
