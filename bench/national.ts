/**
 * What the national-scale benches share (board.bench.ts, reports.bench.ts): the synthetic country of 34 provinces
 * and 3,321 communes with an admin signed in, built on PGlite (in memory) and on PostgreSQL (BENCH_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/kh_bench, created afresh; skipped when the server is unreachable),
 * and the app in process answering GET requests through `app.inject`.
 */
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import { type Database, type Db, openDatabase } from "../src/server/db/client";
import { roleGrants, users } from "../src/server/db/schema/index";
import { seedSynthetic } from "../src/server/db/seed/synthetic";
import { createSession, SESSION_COOKIE } from "../src/server/platform/auth";
import { freshPostgres } from "./server-process";

export const PROVINCES = 34;
export const COMMUNES = 3321;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/kh_bench";

export type Kind = "pglite" | "postgres";
export type Country = Awaited<ReturnType<typeof seedSynthetic>>;

/** Whether the PostgreSQL server answers (its maintenance database: the bench database is made in `open`). */
export async function postgresReachable(skipped: string): Promise<boolean> {
  const url = new URL(postgresUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    console.warn(`Bỏ qua ${skipped}: không kết nối được ${postgresUrl} (${(error as Error).message}).`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface National<T> {
  database: Database;
  app: FastifyInstance;
  cookie: string;
  scene: T;
}

/**
 * The country on `kind` with an admin of its first province's state tree, then `seed`'s own data (given the
 * database, the country, the issuer unit and the admin's id), analysed, and the app with the admin's session.
 */
export async function openNational<T>(
  kind: Kind,
  seed: (db: Db, o: { country: Country; issuerUnitId: string; adminId: string }) => Promise<T>,
  described: (scene: T) => string,
): Promise<National<T>> {
  const started = performance.now();
  const url = kind === "postgres" ? await freshPostgres(postgresUrl) : null;
  if (kind === "postgres" && !url) throw new Error(`PostgreSQL is unreachable at ${postgresUrl}`);
  const database = await openDatabase(url ? { url } : { dataDir: "memory://" });
  await database.migrate();
  const db = database.db;
  const country = await seedSynthetic(db, { provinces: PROVINCES, communes: COMMUNES });
  const issuerUnitId = country.provinces[0].stateRootId;
  const [admin] = await db
    .insert(users)
    .values({
      username: "bench-admin",
      fullName: "Quản trị đo hiệu năng",
      unitId: issuerUnitId,
      passwordHash: "not-used-sessions-are-made-directly",
    })
    .returning();
  await db.insert(roleGrants).values({ userId: admin.id, unitId: issuerUnitId, role: "admin" });
  const scene = await seed(db, { country, issuerUnitId, adminId: admin.id });
  await db.execute(sql`analyze`);
  const { sessionId } = await createSession(db, admin.id);
  const app = await buildApp({ database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
  await app.ready();
  console.log(`${kind}: ${described(scene)}, dựng trong ${Math.round(performance.now() - started)} ms`);
  return { database, app, cookie: `${SESSION_COOKIE}=${sessionId}`, scene };
}

/** One GET as the admin; anything but 200 fails the bench with the answer's start. */
export async function getAsAdmin(target: National<unknown> | undefined, url: string): Promise<void> {
  if (!target) throw new Error(`${url}: the bench database is not set up`);
  const res = await target.app.inject({ method: "GET", url, headers: { cookie: target.cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

export async function closeNational(targets: Iterable<National<unknown>>): Promise<void> {
  for (const target of targets) {
    await target.app.close();
    await target.database.close();
  }
}
