/**
 * `timer.fanout`: the stage timer on the day. Two server processes (spawned as `npm start` runs them) on one fresh
 * PostgreSQL database (BENCH_TIMER_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/kh_timer_bench), 500 hall
 * screens streaming `conference:<id>` over server-sent events, half on each process, and an operator sending
 * commands through the first. Per command: the time from sending it to its arrival on EVERY screen (the slowest
 * screen counts). Reports p50/p95/p99 ms, commands per second and both processes' RSS. Target: p95 under 250 ms.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { openDatabase } from "../src/server/db/client";
import { makeStageScene } from "../src/server/modules/conferences/stage-fixtures";
import { TEST_PASSWORD } from "../src/server/testing/factories";
import { BenchClient, freshPostgres, percentile, round, type ServerProcess, startServerProcess } from "./server-process";

const SCREENS = Number(process.env.BENCH_TIMER_SCREENS ?? 500);
const COMMANDS = Number(process.env.BENCH_TIMER_COMMANDS ?? 200);
const WARMUP = 10;
const databaseUrl = process.env.BENCH_TIMER_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kh_timer_bench";

/**
 * A hall screen reduced to what the benchmark needs: the highest timer `seq` it has received. Parsing stays cheap
 * (one regular expression per timer frame), so 500 screens in this process measure the servers, not the client.
 */
class Screen {
  seq = -1;
  private buffer = "";
  private request: http.ClientRequest | null = null;
  constructor(private readonly onSeq: () => void) {}

  open(url: string, cookie: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.request = http.get(url, { headers: { accept: "text/event-stream", cookie }, agent: false }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          this.buffer += chunk;
          let cut = this.buffer.indexOf("\n\n");
          while (cut >= 0) {
            const frame = this.buffer.slice(0, cut);
            this.buffer = this.buffer.slice(cut + 2);
            if (frame.startsWith("event: ready")) resolve();
            const m = frame.includes("event: timer") ? /"seq":(\d+)/.exec(frame) : null;
            if (m) {
              this.seq = Math.max(this.seq, Number(m[1]));
              this.onSeq();
            }
            cut = this.buffer.indexOf("\n\n");
          }
        });
      });
      this.request.on("error", reject);
    });
  }

  close(): void {
    this.request?.destroy();
  }
}

async function fanout(url: string) {
  const servers: ServerProcess[] = [];
  const screens: Screen[] = [];
  try {
    // One after the other: the first start migrates and loads the demo, the second finds it done.
    servers.push(await startServerProcess({ databaseUrl: url }));
    servers.push(await startServerProcess({ databaseUrl: url }));
    const database = await openDatabase({ url });
    const scene = await makeStageScene(database.db);
    await database.close();

    const operator = new BenchClient(servers[0].url);
    await operator.signIn(scene.organiser.username, TEST_PASSWORD);
    const viewer = new BenchClient(servers[1].url);
    await viewer.signIn(scene.reader.username, TEST_PASSWORD);
    const { cookie } = viewer.headers();

    let waiting: { seq: number; done: () => void } | null = null;
    let behind = 0;
    const check = () => {
      if (!waiting) return;
      const seq = waiting.seq;
      behind = screens.filter((s) => s.seq < seq).length;
      if (behind === 0) waiting.done();
    };
    const topic = `conference:${scene.conferenceId}`;
    for (let i = 0; i < SCREENS; i += 1) {
      const screen = new Screen(check);
      screens.push(screen);
      // Connect in batches of 50 so the servers are not flooded at once.
      if (i % 50 === 49 || i === SCREENS - 1)
        await Promise.all(
          screens
            .slice(i - (i % 50))
            .map((s, j) => s.open(`${servers[(i - (i % 50) + j) % 2].url}/api/events?topics=${topic}`, cookie ?? "")),
        );
    }

    const commandPath = `/api/conferences/${scene.conferenceId}/stage/commands`;
    const replies: number[] = [];
    const send = async (body: Record<string, unknown>): Promise<number> => {
      const t0 = performance.now();
      const arrived = new Promise<void>((resolve) => {
        waiting = { seq: Number.POSITIVE_INFINITY, done: resolve };
      });
      const res = await operator.request("POST", commandPath, { commandId: randomUUID(), ...body });
      if (!res.ok) throw new Error(`command ${body.command}: ${res.status} ${await res.text()}`);
      const { seq } = (await res.json()) as { seq: number };
      replies.push(performance.now() - t0);
      if (waiting) waiting.seq = seq;
      check();
      const stuck = setTimeout(() => console.warn(`timer.fanout: seq ${seq} not on ${behind} screens after 30 s`), 30_000);
      await arrived;
      clearTimeout(stuck);
      waiting = null;
      return performance.now() - t0;
    };

    await send({ command: "start", subject: { kind: "speech", id: scene.speeches[0].id } });
    const bodies = [
      { command: "adjust", deltaMs: 30_000 },
      { command: "pause" },
      { command: "resume" },
      { command: "adjust", deltaMs: -30_000 },
    ];
    // Pause and resume alternate: the commands keep cycling through the list across warm-up and measurement.
    let n = 0;
    const nextBody = () => bodies[n++ % bodies.length];
    for (let i = 0; i < WARMUP; i += 1) await send(nextBody());
    const latencies: number[] = [];
    const started = performance.now();
    replies.length = 0;
    for (let i = 0; i < COMMANDS; i += 1) latencies.push(await send(nextBody()));
    const seconds = (performance.now() - started) / 1000;
    const [a, b] = servers.map((s) => s.rss().now);
    return {
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
      p99_ms: round(percentile(latencies, 99)),
      ops_per_s: round(COMMANDS / seconds),
      // The operator's answer alone (command applied and committed), to tell the command's cost from the fan-out's.
      reply_p50_ms: round(percentile(replies, 50)),
      reply_p95_ms: round(percentile(replies, 95)),
      rss_mb: round(a + b),
      rss_a_mb: round(a),
      rss_b_mb: round(b),
      screens: SCREENS,
      samples: latencies.length,
    };
  } finally {
    for (const s of screens) s.close();
    for (const s of servers) await s.stop();
  }
}

export const reports = {
  "timer.fanout": async () => {
    const url = await freshPostgres(databaseUrl);
    return url ? fanout(url) : {};
  },
};
