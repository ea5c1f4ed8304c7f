import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe } from "vitest";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { type Database, type DatabaseKind, openDatabase } from "../db/client";
import { TEST_PASSWORD, type UserRow } from "./factories";

export interface TestContext {
  kind: DatabaseKind;
  database: Database;
  db: Database["db"];
  app: FastifyInstance;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testTargets(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * Runs `body` once per database, each with one migrated database and app shared by the whole file.
 * Tests keep apart by unique data (factories), not by fresh databases. Call once per test file.
 */
export function describeOnDatabases(title: string, body: (ctx: () => TestContext) => void): void {
  for (const kind of testTargets()) {
    describe(`${title} [${kind}]`, () => {
      let ctx: TestContext | undefined;
      beforeAll(async () => {
        const database = await openDatabase(kind === "postgres" ? { url: process.env.TEST_DATABASE_URL } : { dataDir: "memory://" });
        await database.migrate();
        const app = await buildApp({ database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
        await app.ready();
        ctx = { kind, database, db: database.db, app };
      });
      afterAll(async () => {
        await ctx?.app.close();
        await ctx?.database.close();
      });
      body(() => {
        if (!ctx) throw new Error("test database not ready");
        return ctx;
      });
    });
  }
}

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing requests. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = "";
  /** Each client looks like its own address so the per-address sign-in limit of one test spares the others. */
  readonly remoteAddress = `198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await this.app.inject({
      method,
      url,
      payload: payload as InjectOptions["payload"],
      remoteAddress: this.remoteAddress,
      headers: { ...(cookie ? { cookie } : {}), ...(this.csrf ? { "x-csrf-token": this.csrf } : {}), ...headers },
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (c.value === "" || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown) => this.request("POST", url, body);
  patch = (url: string, body?: unknown) => this.request("PATCH", url, body);
  put = (url: string, body?: unknown) => this.request("PUT", url, body);
  delete = (url: string, body?: unknown) => this.request("DELETE", url, body);

  /** Fetches a pre-session CSRF token, signs in, and keeps the session's token. */
  async signIn(username: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    const csrf = await this.get("/api/auth/csrf");
    this.csrf = csrf.json<{ csrfToken: string }>().csrfToken;
    const res = await this.post("/api/auth/sign-in", { username, password });
    if (res.statusCode === 200) this.csrf = res.json<{ csrfToken: string }>().csrfToken;
    return res;
  }
}

/** A client already signed in as `user`. */
export async function signedIn(app: FastifyInstance, user: UserRow): Promise<TestClient> {
  const client = new TestClient(app);
  const res = await client.signIn(user.username);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return client;
}
