import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import type { Db } from "../../db/client";
import { publishCoalesced } from "./coalesce";

/** What `publish` sends: the statements given to `execute`, rendered as PostgreSQL would receive them. */
function recorder() {
  const dialect = new PgDialect();
  const sent: string[] = [];
  const db = { execute: async (query: SQL) => sent.push(JSON.stringify(dialect.sqlToQuery(query).params)) } as unknown as Db;
  return { db, sent };
}

const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));

it("sends the first event at once and a burst within the window as one more at its end", async () => {
  const { db, sent } = recorder();
  const event = { topic: "conference:coalesce-1", type: "attendance" };
  publishCoalesced(db, event, 200);
  await pause(10);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toContain('\\"type\\":\\"attendance\\"');
  for (let i = 0; i < 50; i++) publishCoalesced(db, event, 200);
  await pause(50);
  expect(sent).toHaveLength(1);
  await pause(300);
  // The burst's last change is announced: the trailing event.
  expect(sent).toHaveLength(2);
  // Another topic is not held back by this one's window.
  publishCoalesced(db, { topic: "conference:coalesce-2", type: "attendance" }, 200);
  await pause(10);
  expect(sent).toHaveLength(3);
});
