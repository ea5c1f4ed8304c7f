/**
 * Hostile uploads against a real server process on demo data (see server-process.ts).
 *
 * - `upload.pglite`, `upload.postgres`: a demo unit member (ubnd.donghai, else ubnd.thanhha) posts ten 19 MB PDFs to POST /api/obligations/:id/submissions
 *   while another client polls /api/health back to back; reports health latency (p50/p95/p99/max), the upload's
 *   duration and status, and the server's RSS before, at peak, and 10 s after. Targets on PGlite: health p99 < 1 s,
 *   RSS back within 100 MB of before.
 * - `upload.zipbomb`: the 1.2 MB → 1.2 GB .docx to the importer, and a bomb with falsified sizes as a submission;
 *   reports each answer's time and the server's extra RSS (sampled every 5 ms). Target: refused in < 1 s, < 50 MB.
 */
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { docxBomb } from "../src/server/modules/obligations/upload-fixtures";
import { BenchClient, freshPostgres, percentile, round, type ServerProcess, startServerProcess } from "./server-process";

const FILES = 10;
const FILE_MB = 19;

/** Streams a multipart body to the server without holding it whole: 190 MB of PDFs, each one distinct. */
function postMultipart(
  client: BenchClient,
  pathname: string,
  parts: Array<{ name: string; field?: string; chunks: () => Iterable<Buffer> }>,
  text?: string,
): Promise<{ status: number; body: string }> {
  const boundary = `----kehoachBench${Date.now()}`;
  function* body() {
    if (text !== undefined) yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${text}\r\n`);
    for (const p of parts) {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? "files"}"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      yield* p.chunks();
      yield Buffer.from("\r\n");
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  const url = new URL(pathname, client.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: client.headers({ "content-type": `multipart/form-data; boundary=${boundary}` }) },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          data += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on("error", reject);
    pipeline(Readable.from(body()), req).catch(reject);
  });
}

/** Polls /api/health one request after another until stopped; each latency in ms. */
function pollHealth(url: string) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return latencies;
    },
  };
}

async function openObligation(server: ServerProcess): Promise<{ member: BenchClient; obligationId: string }> {
  // The first demo member with something owed (Đông Hải once the demo gives it work, else Thanh Hà).
  for (const username of ["ubnd.donghai", "ubnd.thanhha"]) {
    const member = new BenchClient(server.url);
    await member.signIn(username);
    const work = await member.json<{ items: Array<{ obligationId: string }> }>("/api/my-work");
    if (work.items[0]) return { member, obligationId: work.items[0].obligationId };
  }
  // None has: the admin issues a one-task plan of Thanh Hà to itself (the demo's data is not what is measured).
  const member = new BenchClient(server.url);
  await member.signIn("ubnd.thanhha");
  const me = await member.json<{ unitId: string }>("/api/auth/me");
  const admin = new BenchClient(server.url);
  await admin.signIn("admin", "bench-admin-password");
  const send = async (pathname: string, body: unknown) => {
    const res = await admin.request("POST", pathname, body);
    if (!res.ok) throw new Error(`POST ${pathname}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; version: number };
  };
  const plan = await send("/api/plans", { issuerUnitId: me.unitId, title: "Kế hoạch đo tải lên" });
  await send(`/api/plans/${plan.id}/tasks`, {
    what: "Gửi báo cáo kèm tệp",
    deliverable: "report",
    target: { unitIds: [me.unitId] },
    dueDate: "2099-06-30",
    dueTime: null,
  });
  const fresh = await admin.json<{ version: number }>(`/api/plans/${plan.id}`);
  await send(`/api/plans/${plan.id}/issue`, { version: fresh.version });
  const work = await member.json<{ items: Array<{ obligationId: string }> }>("/api/my-work");
  if (!work.items[0]) throw new Error("the plan issued for the bench gave Thanh Hà nothing to submit");
  return { member, obligationId: work.items[0].obligationId };
}

async function bigUpload(databaseUrl?: string) {
  const server = await startServerProcess({ databaseUrl });
  try {
    const { member, obligationId } = await openObligation(server);
    await new Promise((r) => setTimeout(r, 2000));
    const before = server.rss().now;
    const block = randomBytes(1024 * 1024);
    const files = Array.from({ length: FILES }, (_, i) => ({
      name: `bao-cao-${i + 1}.pdf`,
      *chunks() {
        yield Buffer.from(`%PDF-1.4\n% tệp ${i + 1}\n`);
        for (let mb = 0; mb < FILE_MB; mb += 1) yield mb === FILE_MB - 1 ? block.subarray(0, block.length - 64) : block;
      },
    }));
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, server.rss().now);
    }, 50);
    const health = pollHealth(server.url);
    const t0 = performance.now();
    const answer = await postMultipart(member, `/api/obligations/${obligationId}/submissions`, files, "Báo cáo kèm mười tệp PDF");
    const uploadMs = performance.now() - t0;
    const latencies = await health.stop();
    await new Promise((r) => setTimeout(r, 10_000));
    clearInterval(sampler);
    const after = server.rss().now;
    if (answer.status !== 201) console.warn(`upload answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return {
      status: answer.status,
      upload_s: round(uploadMs / 1000, 2),
      health_requests: latencies.length,
      health_p50_ms: round(percentile(latencies, 50)),
      health_p95_ms: round(percentile(latencies, 95)),
      health_p99_ms: round(percentile(latencies, 99)),
      health_max_ms: round(Math.max(...latencies)),
      rss_before_mb: round(before),
      rss_peak_mb: round(peak),
      rss_after_10s_mb: round(after),
    };
  } finally {
    await server.stop();
  }
}

/** One request's answer time and the server's RSS above `before` at its highest while it ran. */
async function timedWithRss(server: ServerProcess, send: () => Promise<{ status: number; body: string }>) {
  const before = server.rss().now;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rss().now);
  }, 5);
  const t0 = performance.now();
  const answer = await send();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, server.rss().now);
  return { status: answer.status, ms, extraMb: peak - before, body: answer.body };
}

export const reports = {
  "upload.pglite": () => bigUpload(),
  "upload.postgres": async () => {
    const url = await freshPostgres();
    return url ? bigUpload(url) : {};
  },
  "upload.zipbomb": async () => {
    const server = await startServerProcess();
    try {
      const { member, obligationId } = await openObligation(server);
      await new Promise((r) => setTimeout(r, 2000));
      const honest = docxBomb(1200, { honest: true });
      const lying = docxBomb(1200, { honest: false });
      const importer = await timedWithRss(server, () =>
        postMultipart(member, "/api/import/plan", [{ name: "ke-hoach.docx", field: "file", chunks: () => [honest] }]),
      );
      const submission = await timedWithRss(server, () =>
        postMultipart(member, `/api/obligations/${obligationId}/submissions`, [{ name: "bao-cao.docx", chunks: () => [lying] }], "Báo cáo"),
      );
      for (const a of [importer, submission]) if (a.status !== 400) console.warn(`zip bomb answered ${a.status}: ${a.body.slice(0, 300)}`);
      return {
        bomb_mb: round(honest.length / 1024 / 1024, 2),
        importer_status: importer.status,
        importer_ms: round(importer.ms),
        importer_extra_rss_mb: round(importer.extraMb),
        submission_status: submission.status,
        submission_ms: round(submission.ms),
        submission_extra_rss_mb: round(submission.extraMb),
      };
    } finally {
      await server.stop();
    }
  },
};
