import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { storedFileChunks, storedFiles } from "../../db/schema/index";
import { testTargets } from "../../testing/harness";
import { openScratchDatabase } from "../../testing/migrations";
import { receiveToTemp } from "./receive";
import { blobPath, fileStoreOf, openStoredFile, saveFiles, sweepOrphanFiles } from "./store";

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("stored files", () => {
  for (const kind of testTargets())
    it(`moves the bytes of files stored before this release into 1 MB chunks, readable as a stream [${kind}]`, async () => {
      const scratch = await openScratchDatabase(kind);
      try {
        await scratch.migrate("0000_init");
        const big = randomBytes(2_500_000);
        const small = Buffer.from("%PDF-1.4 nhỏ");
        for (const [name, bytes] of [
          ["lon.pdf", big],
          ["nho.pdf", small],
        ] as const)
          await scratch.db.execute(
            sql`insert into stored_files (file_name, mime_type, size, sha256, content) values (${name}, 'application/pdf', ${bytes.length}, ${sha(bytes)}, decode(${bytes.toString("hex")}, 'hex'))`,
          );
        await scratch.migrate();
        const rows = await scratch.db.select().from(storedFiles);
        expect(rows.map((r) => r.storage)).toEqual(["database", "database"]);
        const store = { kind: "database" as const, tempDir: tmpdir(), root: null };
        for (const [name, bytes, chunks] of [
          ["lon.pdf", big, 3],
          ["nho.pdf", small, 1],
        ] as const) {
          const row = rows.find((r) => r.fileName === name);
          if (!row) throw new Error(name);
          expect(sha(await buffer(openStoredFile(scratch.db, store, row)))).toBe(sha(bytes));
          const [counted] = await scratch.db.select({ n: count() }).from(storedFileChunks).where(eq(storedFileChunks.fileId, row.id));
          expect(counted.n).toBe(chunks);
        }
      } finally {
        await scratch.close();
      }
    });

  describe("the content-addressed store beside PGlite", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kehoach-store-"));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it("keeps the blobs rows name, and sweeps orphans (a rolled-back submission's, a crash's) and stale uploads", async () => {
      const database = await openDatabase({ dataDir });
      try {
        await database.migrate();
        const store = await fileStoreOf(database);
        expect(store.root).toBe(path.join(dataDir, "files"));
        const receive = (bytes: Buffer) => receiveToTemp(Readable.from([bytes]), "a.pdf", { dir: store.tempDir, maxBytes: 1 << 20 });
        const kept = Buffer.from("%PDF-1.4 được giữ");
        await database.db.transaction(async (tx) => {
          await saveFiles(tx, store, [
            { file: await receive(kept), mimeType: "application/pdf", submissionId: null, createdAt: new Date() },
          ]);
        });
        // A submission that fails after its file reached the store: the row is rolled back, the blob stays.
        const rolledBack = Buffer.from("%PDF-1.4 bị huỷ");
        await expect(
          database.db.transaction(async (tx) => {
            await saveFiles(tx, store, [
              { file: await receive(rolledBack), mimeType: "application/pdf", submissionId: null, createdAt: new Date() },
            ]);
            throw new Error("huỷ");
          }),
        ).rejects.toThrow("huỷ");
        // A crash between the fsync and the commit leaves the same thing: a blob no row names.
        const crashed = Buffer.from("%PDF-1.4 sập nguồn");
        mkdirSync(path.dirname(blobPath(store.root ?? "", sha(crashed))), { recursive: true });
        writeFileSync(blobPath(store.root ?? "", sha(crashed)), crashed);
        writeFileSync(path.join(store.tempDir, "dang-tai.part"), "nửa chừng");
        expect(existsSync(blobPath(store.root ?? "", sha(rolledBack)))).toBe(true);

        // Within the grace period nothing goes: it could be an upload in flight.
        expect(await sweepOrphanFiles(database, { graceMs: 60_000 })).toBe(0);
        expect(await sweepOrphanFiles(database, { graceMs: 0 })).toBe(3);
        expect(existsSync(blobPath(store.root ?? "", sha(kept)))).toBe(true);
        expect(existsSync(blobPath(store.root ?? "", sha(rolledBack)))).toBe(false);
        expect(existsSync(blobPath(store.root ?? "", sha(crashed)))).toBe(false);
        expect(readdirSync(store.tempDir)).toEqual([]);
        const [row] = await database.db.select().from(storedFiles);
        expect(row.storage).toBe("directory");
        expect((await buffer(openStoredFile(database.db, store, row))).toString()).toBe(kept.toString());
      } finally {
        await database.close();
      }
    });
  });
});
