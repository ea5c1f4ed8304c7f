import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { obligations, storedFiles, submissions } from "../../db/schema/index";
import { blobPath, fileStoreOf, sweepOrphanFiles } from "../../platform/files/store";
import { makeUnit, makeUser, TEST_PASSWORD } from "../../testing/factories";
import { makePlan, makeTask, obligationRow } from "../tracking/fixtures";

const child = fileURLToPath(new URL("./testing/upload-server-child.ts", import.meta.url));
const ROUNDS = [0, 100, 600];
const FILES = 5;
const FILE_BYTES = 3 * 1024 * 1024;

/** Starts the app on `dataDir` in a child process; resolves with its address. */
function startChild(dataDir: string) {
  const proc = spawn(process.execPath, ["--import", "tsx", child, dataDir], { stdio: ["ignore", "pipe", "inherit"] });
  const url = new Promise<string>((resolve, reject) => {
    let out = "";
    proc.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.on("exit", (code) => reject(new Error(`child exited ${code}`)));
  });
  const exited = new Promise((resolve) => proc.on("exit", resolve));
  return { proc, url, exited };
}

async function signIn(url: string, username: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const first = await fetch(`${url}/api/auth/csrf`);
  keep(first);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { cookie: cookie(), "x-csrf-token": csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  keep(res);
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: cookie(), csrf: me.csrfToken };
}

describe("a server killed during a submission with files [pglite]", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "kehoach-upload-crash-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("leaves either the whole submission with every file, or nothing (and no orphan after the sweep)", async () => {
    let database = await openDatabase({ dataDir });
    await database.migrate();
    const unit = await makeUnit(database.db);
    const member = await makeUser(database.db, { unit, grants: [{ unit, role: "member" }] });
    const plan = await makePlan(database.db, { issuerUnitId: unit.id, createdBy: member.id, status: "issued" });
    const ids: string[] = [];
    for (const [i] of ROUNDS.entries()) {
      const task = await makeTask(database.db, { planId: plan.id, dueDate: "2099-06-30", sortOrder: i });
      const [row] = await database.db.insert(obligations).values(obligationRow(task, unit.id)).returning({ id: obligations.id });
      ids.push(row.id);
    }
    await database.close();

    const outcomes: string[] = [];
    for (const [round, delayMs] of ROUNDS.entries()) {
      const server = startChild(dataDir);
      const url = await server.url;
      const session = await signIn(url, member.username);
      const boundary = "----kehoachCrash";
      const req = request(`${url}/api/obligations/${ids[round]}/submissions`, {
        method: "POST",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      req.on("error", () => undefined);
      req.on("response", (res) => res.resume());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nBáo cáo lần ${round}\r\n`);
      for (let f = 0; f < FILES; f += 1) {
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="tep-${f}.pdf"\r\n\r\n`);
        req.write(Buffer.concat([Buffer.from(`%PDF-1.4\n% ${round}-${f}\n`), Buffer.alloc(FILE_BYTES, round * 16 + f)]));
        req.write("\r\n");
      }
      req.end(`--${boundary}--\r\n`);
      // Killed at different moments after the whole body is sent: while files are checked, stored, or committing.
      await new Promise((resolve) => req.on("finish", resolve));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      server.proc.kill("SIGKILL");
      await server.exited;

      database = await openDatabase({ dataDir });
      try {
        const store = await fileStoreOf(database);
        const [o] = await database.db.select().from(obligations).where(eq(obligations.id, ids[round]));
        const subs = await database.db.select().from(submissions).where(eq(submissions.obligationId, ids[round]));
        const files = await database.db
          .select({ file: storedFiles })
          .from(storedFiles)
          .innerJoin(submissions, eq(submissions.id, storedFiles.submissionId))
          .where(eq(submissions.obligationId, ids[round]));
        if (subs.length === 0) {
          expect(o.status).toBe("open");
          expect(files).toHaveLength(0);
          outcomes.push("nothing");
        } else {
          expect(subs).toHaveLength(1);
          expect(o.status).toBe("submitted");
          expect(files).toHaveLength(FILES);
          for (const { file } of files) {
            const bytes = readFileSync(blobPath(store.root ?? "", file.sha256));
            expect(bytes.length).toBe(file.size);
            expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
          }
          outcomes.push("whole");
        }
        // Whatever the kill left beside the rows goes at the next start; what the rows name stays.
        await sweepOrphanFiles(database, { graceMs: 0 });
        const named = new Set((await database.db.select({ sha: storedFiles.sha256 }).from(storedFiles)).map((r) => r.sha));
        for (const a of readdirSync(store.root ?? "").filter((n) => /^[0-9a-f]{2}$/.test(n)))
          for (const b of readdirSync(path.join(store.root ?? "", a)))
            for (const name of readdirSync(path.join(store.root ?? "", a, b))) expect(named.has(name)).toBe(true);
        for (const sha of named) expect(existsSync(blobPath(store.root ?? "", sha))).toBe(true);
        expect(readdirSync(store.tempDir)).toEqual([]);
      } finally {
        await database.close();
      }
    }
    console.log(`upload kill test outcomes: ${outcomes.join(", ")}`);
    // Each round starts the app in a new process (tsx compiles it again): slow on a busy machine, not bounded here.
  }, 600_000);
});
