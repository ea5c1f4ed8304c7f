/**
 * `checkin.postgres` and `checkin.pglite`: the doors at 07:30. A real server process (as `npm start` runs it) on a
 * fresh database holding one conference of BENCH_CHECKIN_DELEGATES delegates, a door-staff account signed in, and
 * autocannon on loopback posting one check-in per request (a QR token each, every delegate a different one, so every
 * request is a counted check-in: token verified, check-in and attendance rows inserted, a live event published).
 * Reports scans per second (also as `ops_per_s`), latency p50/p95/p97.5/p99, errors, the server's RSS, and checks afterwards that the
 * database counted each answered scan exactly once. Target on PostgreSQL: ≥ 1,000 scans/s with p99 < 50 ms.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { openDatabase } from "../src/server/db/client";
import { attendance, conferenceRoleGrants } from "../src/server/db/schema/index";
import { makeDelegateScene } from "../src/server/modules/checkin/fixtures";
import { delegateQrTokens } from "../src/server/modules/checkin/keys";
import { makeUser, TEST_PASSWORD } from "../src/server/testing/factories";
import { BenchClient, freshPostgres, percentile, round, type ServerProcess, startServerProcess } from "./server-process";

const DELEGATES = Number(process.env.BENCH_CHECKIN_DELEGATES ?? 30_000);
const SECONDS = Number(process.env.BENCH_CHECKIN_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CHECKIN_CONNECTIONS ?? 10);
const databaseUrl = process.env.BENCH_CHECKIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kh_checkin_bench";

/** The conference, its tokens and a door account, written straight into the database the server will use. */
async function prepare(open: { url?: string; dataDir?: string }) {
  const database = await openDatabase(open);
  await database.migrate();
  const scene = await makeDelegateScene(database.db, DELEGATES, 5);
  const door = await makeUser(database.db, { unit: scene.host });
  await database.db.insert(conferenceRoleGrants).values({ conferenceId: scene.conferenceId, userId: door.id, role: "door" });
  const tokens = [...(await delegateQrTokens(database.db, scene.conferenceId)).values()];
  await database.close();
  return { conferenceId: scene.conferenceId, username: door.username, tokens };
}

async function counted(open: { url?: string; dataDir?: string }, conferenceId: string): Promise<number> {
  const database = await openDatabase(open);
  const [{ n }] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(attendance)
    .where(eq(attendance.conferenceId, conferenceId));
  await database.close();
  return n;
}

async function run(server: ServerProcess, conferenceId: string, username: string, tokens: string[]) {
  const client = new BenchClient(server.url);
  await client.signIn(username, TEST_PASSWORD);
  const headers = client.headers({ "content-type": "application/json" });
  const path = `/api/conferences/${conferenceId}/checkins`;
  let next = 0;
  const body = () =>
    JSON.stringify({
      checkins: [{ clientId: randomUUID(), token: tokens[next++ % tokens.length], door: "1", scannedAt: new Date().toISOString() }],
    });
  const probe = await client.request("POST", path, JSON.parse(body()));
  if (!probe.ok) throw new Error(`check-in answered ${probe.status}: ${await probe.text()}`);
  // Warm-up: the server's JIT, its pools and the key cache.
  await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    amount: 500,
    requests: [{ method: "POST", path, headers, setupRequest: (r) => ({ ...r, body: body() }) }],
  });
  const before = next;
  // autocannon's own percentiles skip p95: every answer's time is kept to compute it.
  const latencies: number[] = [];
  const cannon = autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: "POST", path, headers, setupRequest: (r) => ({ ...r, body: body() }) }],
  }) as Promise<autocannon.Result> & autocannon.Instance; // without a callback it is both
  cannon.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await cannon;
  if (next > tokens.length) console.warn(`checkin: ${next} scans for ${tokens.length} delegates, some were repeats`);
  return {
    scans_per_s: round(result.requests.average),
    ops_per_s: round(result.requests.average),
    p50_ms: round(result.latency.p50),
    p95_ms: round(percentile(latencies, 95)),
    p97_5_ms: round(result.latency.p97_5),
    p99_ms: round(result.latency.p99),
    max_ms: round(result.latency.max),
    requests: result.requests.total,
    ok: result["2xx"],
    non_2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    sent: next - before,
    connections: CONNECTIONS,
    rss_mb: round(server.rss().now),
  };
}

export const reports = {
  "checkin.postgres": async () => {
    const url = await freshPostgres(databaseUrl);
    if (!url) return {};
    const { conferenceId, username, tokens } = await prepare({ url });
    const server = await startServerProcess({ databaseUrl: url });
    try {
      const figures = await run(server, conferenceId, username, tokens);
      return { ...figures, counted: await counted({ url }, conferenceId), delegates: tokens.length };
    } finally {
      await server.stop();
    }
  },
  "checkin.pglite": async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "kehoach-checkin-"));
    try {
      const { conferenceId, username, tokens } = await prepare({ dataDir });
      const server = await startServerProcess({ dataDir });
      let figures: Awaited<ReturnType<typeof run>>;
      try {
        figures = await run(server, conferenceId, username, tokens);
      } finally {
        await server.stop();
      }
      return { ...figures, counted: await counted({ dataDir }, conferenceId), delegates: tokens.length };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
