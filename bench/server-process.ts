/**
 * A real kehoach server for the benchmarks that measure a whole process (uploads, memory): spawned as
 * `npm start` runs it (`node dist/server/cli.mjs serve`, the bundle of scripts/build-server.mjs), on a fresh PGlite data directory or a fresh PostgreSQL
 * database, so first start loads the demo data. RSS is read from /proc of that process.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const benchPostgresUrl = process.env.BENCH_UPLOADS_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kh_uploads_bench";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resident memory now, and the peak since start (VmHWM), in MB. */
  rss(): { now: number; peak: number };
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A fresh, empty PostgreSQL database for one run; null (and a warning) when the server is unreachable. */
export async function freshPostgres(databaseUrl = benchPostgresUrl): Promise<string | null> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    return databaseUrl;
  } catch (error) {
    console.warn(`Bỏ qua phép đo trên PostgreSQL: không kết nối được ${databaseUrl} (${(error as Error).message}).`);
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

const kb = (status: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);

let built = false;

/** Starts the server and waits until /api/health answers. */
export async function startServerProcess({
  databaseUrl,
  dataDir: given,
}: {
  databaseUrl?: string;
  dataDir?: string;
} = {}): Promise<ServerProcess> {
  if (!built) {
    // As `npm start` does (the web app is not needed here): bundle the server once per benchmark run.
    execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, stdio: "inherit" });
    built = true;
  }
  const port = await freePort();
  // A given PGlite directory (prepared by the benchmark) is the caller's to remove.
  const dataDir = given ?? mkdtempSync(path.join(tmpdir(), "kehoach-bench-"));
  // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the measured server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "dist/server/cli.mjs", "serve"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      KEHOACH_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? "",
      KEHOACH_ADMIN_PASSWORD: "bench-admin-password",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("server did not start in 5 minutes");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    rss: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return { now: kb(status, "VmRSS") / 1024, peak: kb(status, "VmHWM") / 1024 };
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (!given) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in HTTP client of the running server (cookies and CSRF like a browser). */
export class BenchClient {
  private cookies = new Map<string, string>();
  private csrf = "";
  constructor(readonly url: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return { ...(cookie ? { cookie } : {}), ...(this.csrf ? { "x-csrf-token": this.csrf } : {}), ...extra };
  }

  async request(method: string, pathname: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.url}${pathname}`, {
      method,
      headers: this.headers(body === undefined ? {} : { "content-type": "application/json" }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.keep(res);
    return res;
  }

  async signIn(username: string, password = "kehoach-demo"): Promise<void> {
    const token = (await (await this.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    this.csrf = token.csrfToken;
    const res = await this.request("POST", "/api/auth/sign-in", { username, password });
    if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async json<T>(pathname: string): Promise<T> {
    const res = await this.request("GET", pathname);
    if (!res.ok) throw new Error(`GET ${pathname}: ${res.status}`);
    return (await res.json()) as T;
  }
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
