import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Database } from "../../db/client";
import { LIVE_CHANNEL } from "./publish";

export interface Listening {
  close(): Promise<void>;
}

/**
 * Listens on the live channel of the database: on PostgreSQL one dedicated `LISTEN` connection per process
 * (reconnecting after an error, and reporting the gap so subscribers re-read), on PGlite the engine's own
 * listener in this process. Either way a payload arrives only after the publishing transaction committed.
 */
export async function listen(database: Database, onPayload: (payload: string) => void, onGap: () => void): Promise<Listening> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === "pglite") {
    const unlisten = await (client as PGlite).listen(LIVE_CHANNEL, onPayload);
    return { close: () => unlisten() };
  }
  const pool = client as pg.Pool;
  let closed = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client(pool.options);
    c.on("notification", (n) => {
      if (n.channel === LIVE_CHANNEL && n.payload) onPayload(n.payload);
    });
    c.on("error", () => {
      if (current === c) drop();
    });
    c.on("end", () => {
      if (current === c) drop();
    });
    await c.connect();
    await c.query(`LISTEN ${LIVE_CHANNEL}`);
    current = c;
  };
  const drop = () => {
    const lost = current;
    current = null;
    void lost?.end().catch(() => undefined);
    if (closed) return;
    onGap();
    const again = () => {
      retry = null;
      if (closed) return;
      connect().then(onGap, () => {
        retry = setTimeout(again, 1_000);
        retry.unref();
      });
    };
    retry = setTimeout(again, 1_000);
    retry.unref();
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = current;
      current = null;
      await c?.end().catch(() => undefined);
    },
  };
}
