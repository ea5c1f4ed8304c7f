import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** The PostgreSQL channel every live event travels on (both databases). */
export const LIVE_CHANNEL = "kehoach_live";
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; ours carry ids only. */
const MAX_PAYLOAD = 7_000;

/**
 * One live event: a topic (who may hear it), a type (what happened) and small data (ids; clients re-read what
 * they show). Topics: `user:<id>` (one user), `unit:<id>` (the users acting for a unit), `plan:<id>`,
 * `conference:<id>`.
 *
 * @example { topic: "user:9f…", type: "notification", data: { notificationId: "1c…" } }
 */
export interface LiveEvent {
  topic: string;
  type: string;
  data?: Record<string, string | number | boolean | null>;
}

const TOPIC = /^[a-z]+:[0-9A-Za-z-]{1,64}$/;

/**
 * Publishes events in the caller's transaction with `pg_notify`: PostgreSQL (and PGlite, the same engine)
 * delivers a notification only when the transaction commits, and never when it rolls back, so a listener
 * never hears of a change it cannot read yet. Outside a transaction the event goes out at once.
 */
export async function publish(tx: Db, events: LiveEvent | readonly LiveEvent[]): Promise<void> {
  const payloads = (Array.isArray(events) ? events : [events]).map((event: LiveEvent) => {
    if (!TOPIC.test(event.topic)) throw new Error(`bad live topic: ${event.topic}`);
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`live event too large (${event.type}): send ids, not content`);
    return payload;
  });
  // Many events in few statements: a reminder batch may notify thousands of people.
  for (let i = 0; i < payloads.length; i += 200) {
    const notifies = payloads.slice(i, i + 200).map((p) => sql`pg_notify(${LIVE_CHANNEL}, ${p})`);
    await tx.execute(sql`select ${sql.join(notifies, sql`, `)}`);
  }
}

/**
 * One live event per row, as SQL to embed in the very statement that writes the rows (a hot path that cannot
 * afford a transaction of several statements): `select ${liveNotifySql(topic, "attendance", sql`json_build_object(…)`)}
 * from inserted`. The same channel and payload shape as `publish`, delivered as the statement's transaction commits;
 * `data` must stay small (ids).
 */
export function liveNotifySql(topic: string, type: string, data: SQL): SQL {
  if (!TOPIC.test(topic)) throw new Error(`bad live topic: ${topic}`);
  return sql`pg_notify(${LIVE_CHANNEL}, json_build_object('topic', ${topic}::text, 'type', ${type}::text, 'data', ${data})::text)`;
}
