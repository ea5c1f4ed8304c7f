import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { type Database, openDatabase } from "../../db/client";
import { makePlan } from "../../modules/tracking/fixtures";
import { makeUnit, makeUser, type UserRow } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { publish } from "./publish";
import { openStream, sessionCookie, type TestStream } from "./testing";

/** Opens `/api/events` as `user` on a listening app and waits for the stream to be subscribed. */
async function subscribe(app: FastifyInstance, baseUrl: string, user: UserRow, path = "/api/events", headers: Record<string, string> = {}) {
  const stream = await openStream(baseUrl, path, { cookie: await sessionCookie(app, user), ...headers });
  if (stream.status === 200) await stream.next((e) => e.event === "ready");
  return stream;
}

const userEvent = (user: UserRow, type: string, n: number) => ({ topic: `user:${user.id}`, type, data: { n } });

describeOnDatabases("live updates", (ctx) => {
  let baseUrl = "";
  let listening: FastifyInstance;
  beforeAll(async () => {
    listening = ctx().app;
    baseUrl = await listening.listen({ port: 0, host: "127.0.0.1" });
  });
  const streams: TestStream[] = [];
  afterAll(() => {
    for (const s of streams) s.close();
  });

  it("delivers an event published in a transaction after it commits, and never one whose transaction rolled back", async () => {
    const unit = await makeUnit(ctx().db);
    const user = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const stream = await subscribe(listening, baseUrl, user);
    streams.push(stream);
    await expect(
      ctx().db.transaction(async (tx) => {
        await publish(tx, userEvent(user, "test", 1));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await ctx().db.transaction(async (tx) => {
      await publish(tx, userEvent(user, "test", 2));
    });
    const first = await stream.next((e) => e.event === "test");
    expect(JSON.parse(first.data)).toEqual({ topic: `user:${user.id}`, type: "test", data: { n: 2 } });
    expect(stream.pending().filter((e) => e.event === "test")).toEqual([]);
  });

  it("sends a user only their own events", async () => {
    const unit = await makeUnit(ctx().db);
    const me = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const other = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const mine = await subscribe(listening, baseUrl, me);
    streams.push(mine);
    await publish(ctx().db, userEvent(other, "test", 1));
    await publish(ctx().db, userEvent(me, "test", 2));
    const got = await mine.next((e) => e.event === "test");
    expect(JSON.parse(got.data).data).toEqual({ n: 2 });
    expect(mine.pending()).toEqual([]);
  });

  it("refuses a stream without a session, a topic one may not hear, and a malformed topic list", async () => {
    const unit = await makeUnit(ctx().db);
    const me = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const other = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const anonymous = await openStream(baseUrl, "/api/events");
    anonymous.close();
    expect(anonymous.status).toBe(401);
    const cookie = await sessionCookie(listening, me);
    const foreign = await openStream(baseUrl, `/api/events?topics=user:${other.id}`, { cookie });
    foreign.close();
    expect(foreign.status).toBe(403);
    const unknownKind = await openStream(baseUrl, `/api/events?topics=secret:${other.id}`, { cookie });
    unknownKind.close();
    expect(unknownKind.status).toBe(403);
    const malformed = await openStream(baseUrl, "/api/events?topics=user:%20x;drop", { cookie });
    malformed.close();
    expect(malformed.status).toBe(400);
    const otherUnit = await makeUnit(ctx().db);
    const plan = await makePlan(ctx().db, { issuerUnitId: otherUnit.id, createdBy: other.id });
    const notMine = await openStream(baseUrl, `/api/events?topics=plan:${plan.id}`, { cookie });
    notMine.close();
    expect(notMine.status).toBe(403);
    const reader = await makeUser(ctx().db, { unit: otherUnit, grants: [{ unit: otherUnit, role: "viewer" }] });
    const planStream = await subscribe(listening, baseUrl, reader, `/api/events?topics=plan:${plan.id}`);
    streams.push(planStream);
    expect(planStream.status).toBe(200);
    await publish(ctx().db, { topic: `plan:${plan.id}`, type: "board", data: { planId: plan.id } });
    expect((await planStream.next((e) => e.event === "board")).data).toContain(plan.id);
    const ownUnit = await subscribe(listening, baseUrl, me, `/api/events?topics=unit:${unit.id}`);
    ownUnit.close();
    expect(ownUnit.status).toBe(200);
  });

  it("replays what a reconnecting client missed after its Last-Event-ID, and asks for a resync when it cannot", async () => {
    const unit = await makeUnit(ctx().db);
    const me = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
    const first = await subscribe(listening, baseUrl, me);
    await publish(ctx().db, userEvent(me, "test", 1));
    const seen = await first.next((e) => e.event === "test");
    first.close();
    await publish(ctx().db, userEvent(me, "test", 2));
    await publish(ctx().db, userEvent(me, "test", 3));
    // Wait until this process has heard both (a third, committed later, marks the point).
    const watcher = await subscribe(listening, baseUrl, me);
    streams.push(watcher);
    await publish(ctx().db, userEvent(me, "mark", 0));
    await watcher.next((e) => e.event === "mark");
    const again = await subscribe(listening, baseUrl, me, "/api/events", { "last-event-id": seen.id ?? "" });
    streams.push(again);
    expect(again.pending().map((e) => JSON.parse(e.data).data.n)).toEqual([2, 3, 0]);
    const stranger = await openStream(baseUrl, "/api/events", { cookie: await sessionCookie(listening, me), "last-event-id": "other-7" });
    streams.push(stranger);
    expect((await stranger.next()).event).toBe("resync");
  });

  it("keeps an idle stream open with comment lines", async () => {
    process.env.KEHOACH_LIVE_KEEPALIVE_MS = "30";
    const app = await buildApp({ database: ctx().database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
    delete process.env.KEHOACH_LIVE_KEEPALIVE_MS;
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const unit = await makeUnit(ctx().db);
      const me = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
      const stream = await subscribe(app, url, me);
      while (stream.comments() < 2) await new Promise((r) => setTimeout(r, 10));
      expect(stream.pending()).toEqual([]);
      stream.close();
    } finally {
      await app.close();
    }
  });

  it("reaches a client of another server process on the same PostgreSQL", async (test) => {
    if (ctx().kind !== "postgres") return test.skip();
    const other: Database = await openDatabase({ url: process.env.TEST_DATABASE_URL });
    const second = await buildApp({ database: other, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
    try {
      await second.ready();
      const unit = await makeUnit(ctx().db);
      const me = await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] });
      const stream = await subscribe(listening, baseUrl, me);
      streams.push(stream);
      // Published by the second process's own connection pool, in a transaction.
      await other.db.transaction(async (tx) => publish(tx, userEvent(me, "test", 42)));
      await expect(
        other.db.transaction(async (tx) => {
          await publish(tx, userEvent(me, "test", 13));
          throw new Error("rolled back");
        }),
      ).rejects.toThrow();
      await other.db.transaction(async (tx) => publish(tx, userEvent(me, "test", 43)));
      expect(JSON.parse((await stream.next((e) => e.event === "test")).data).data.n).toBe(42);
      expect(JSON.parse((await stream.next((e) => e.event === "test")).data).data.n).toBe(43);
    } finally {
      await second.close();
      await other.close();
    }
  });
});
