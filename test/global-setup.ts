// Migrates the shared PostgreSQL test database once, before any test file opens it.
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const { openDatabase } = await import("../src/server/db/client");
  const database = await openDatabase({ url });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}
