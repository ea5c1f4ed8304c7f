// Gives the PostgreSQL test database a clean schema and migrates it once, before any test file opens it.
// The schema is rebuilt from the migrations on every run, so a database left by an older run never misleads.
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  } finally {
    await client.end();
  }
  const { openDatabase } = await import("../src/server/db/client");
  const database = await openDatabase({ url });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}
