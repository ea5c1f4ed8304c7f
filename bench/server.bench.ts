/**
 * The server's memory: `server.rss.pglite` and `server.rss.postgres` spawn the server as `npm start` runs it
 * (`node dist/server/cli.mjs serve`, bundled first) on a fresh database, so first start loads the demo data, then send 1,000
 * mixed requests as the demo accounts (sign-in, plan list, plan page, board, my work, notifications, who am I).
 * Reports RSS after start, after the requests, and the peak (VmHWM). Targets: ≤ 350 MB on PGlite, ≤ 200 MB on
 * PostgreSQL.
 */
import { BenchClient, freshPostgres, percentile, round, startServerProcess } from "./server-process";

const REQUESTS = 1000;
const ACCOUNTS = ["vanphong.thanhuy", "thammuu.bochqs", "ubnd.donghai", "ubnd.thanhha", "vanphong.ubnd"];

async function measureServer(databaseUrl?: string) {
  const server = await startServerProcess({ databaseUrl });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const afterStart = server.rss().now;
    const clients = await Promise.all(
      ACCOUNTS.map(async (username) => {
        const client = new BenchClient(server.url);
        await client.signIn(username);
        const { plans } = await client.json<{ plans: Array<{ id: string }> }>("/api/plans");
        return { username, client, planIds: plans.map((p) => p.id) };
      }),
    );
    const latencies: number[] = [];
    let sent = ACCOUNTS.length * 2;
    let failures = 0;
    for (let i = 0; sent < REQUESTS; i += 1) {
      const { username, client, planIds } = clients[i % clients.length];
      const planId = planIds[i % Math.max(1, planIds.length)];
      const paths = ["/api/plans", "/api/my-work", "/api/notifications", "/api/auth/me"];
      if (planId) paths.push(`/api/plans/${planId}`, `/api/plans/${planId}/board`);
      for (const p of paths) {
        const t0 = performance.now();
        const res = await client.request("GET", p);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status >= 400 && res.status !== 403) failures += 1;
        sent += 1;
      }
      // Every tenth round someone signs in again (argon2id is the costliest request in memory).
      if (i % 10 === 0) {
        const again = new BenchClient(server.url);
        await again.signIn(username);
        sent += 2;
      }
    }
    const afterRequests = server.rss();
    return {
      rss_after_start_mb: round(afterStart),
      rss_after_requests_mb: round(afterRequests.now),
      rss_peak_mb: round(afterRequests.peak),
      requests: sent,
      failed: failures,
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
    };
  } finally {
    await server.stop();
  }
}

export const reports = {
  "server.rss.pglite": () => measureServer(),
  "server.rss.postgres": async () => {
    const url = await freshPostgres();
    return url ? measureServer(url) : {};
  },
};
