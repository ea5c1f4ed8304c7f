import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TimerState } from "../../../contracts/stage";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { conferenceTimerCommands } from "../../db/schema/index";
import { openStream, sessionCookie, type TestStream } from "../../platform/live/testing";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { importSeed001 } from "./fixtures";
import { makeStageScene, type StageScene } from "./stage-fixtures";

describeOnDatabases("stage timer", (ctx) => {
  let scene: StageScene;
  let operator: TestClient;
  const url = (path = "timer") => `/api/conferences/${scene.conferenceId}/stage/${path}`;
  const send = (body: Record<string, unknown>, client = operator) => client.post(url("commands"), { commandId: randomUUID(), ...body });
  const startSpeech = (i = 0) => send({ command: "start", subject: { kind: "speech", id: scene.speeches[i].id } });

  let baseUrl = "";
  const streams: TestStream[] = [];
  beforeAll(async () => {
    scene = await makeStageScene(ctx().db);
    operator = await signedIn(ctx().app, scene.organiser);
    baseUrl = await ctx().app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => {
    for (const s of streams) s.close();
  });

  it("starts a speech with its time limit and shows the speaker's unit and topic, with the server's clock", async () => {
    const before = Date.now();
    const res = await startSpeech(0);
    expect(res.statusCode).toBe(200);
    const state = res.json<TimerState>();
    expect(state).toMatchObject({
      status: "running",
      subjectKind: "speech",
      subjectId: scene.speeches[0].id,
      label: `${scene.speeches[0].unitName}\n${scene.speeches[0].topic}`,
      limitMs: 420_000,
      pausedAt: null,
      accumulatedMs: 0,
    });
    expect(Date.parse(state.serverNow)).toBeGreaterThanOrEqual(before);
    const reader = await signedIn(ctx().app, scene.reader);
    const read = await reader.get(url());
    expect(read.statusCode).toBe(200);
    expect(read.json<TimerState>()).toMatchObject({ seq: state.seq, startedAt: state.startedAt, status: "running" });
  });

  it("applies a replayed command once and answers the current state, even when both copies race", async () => {
    const commandId = randomUUID();
    const before = (await operator.get(url())).json<TimerState>();
    const [a, b] = await Promise.all([
      operator.post(url("commands"), { commandId, command: "adjust", deltaMs: 60_000 }),
      operator.post(url("commands"), { commandId, command: "adjust", deltaMs: 60_000 }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const again = await operator.post(url("commands"), { commandId, command: "adjust", deltaMs: 60_000 });
    expect(again.statusCode).toBe(200);
    for (const r of [a, b, again]) expect(r.json<TimerState>()).toMatchObject({ seq: before.seq + 1, limitMs: before.limitMs + 60_000 });
    const rows = await ctx().db.select().from(conferenceTimerCommands).where(eq(conferenceTimerCommands.id, commandId));
    expect(rows).toHaveLength(1);
  });

  it("refuses a command sent from a stale state (409 with the current state) and one that makes no sense now", async () => {
    const now = (await operator.get(url())).json<TimerState>();
    const stale = await send({ command: "pause", expectedSeq: now.seq - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/máy khác/);
    expect(stale.json().error.details.timer.seq).toBe(now.seq);
    const paused = await send({ command: "pause", expectedSeq: now.seq });
    expect(paused.json<TimerState>()).toMatchObject({ status: "paused", seq: now.seq + 1 });
    const twice = await send({ command: "pause" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/tạm dừng rồi/);
    expect((await operator.get(url())).json<TimerState>().seq).toBe(now.seq + 1);
    expect((await send({ command: "resume" })).json<TimerState>().status).toBe("running");
  });

  it("moves to the next speech, then after the last one to the agenda item that follows «Tham luận»", async () => {
    await startSpeech(1);
    const second = (await send({ command: "next" })).json<TimerState>();
    expect(second).toMatchObject({ subjectKind: "speech", subjectId: scene.speeches[2].id, status: "running", accumulatedMs: 0 });
    const after = (await send({ command: "next" })).json<TimerState>();
    expect(after).toMatchObject({ subjectKind: "agenda", subjectId: scene.agenda[2].id, label: "Bế mạc hội nghị", limitMs: 30 * 60_000 });
    const end = await send({ command: "next" });
    expect(end.statusCode).toBe(409);
    expect(end.json().error.message).toMatch(/phần cuối/);
  });

  it("refuses bad input with a Vietnamese message and changes nothing", async () => {
    const before = (await operator.get(url())).json<TimerState>();
    const other = await makeStageScene(ctx().db);
    const foreign = await send({ command: "start", subject: { kind: "speech", id: other.speeches[0].id } });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toMatch(/tham luận/);
    const odd = await send({ command: "adjust", deltaMs: 45_000 });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.message).toMatch(/30 giây hoặc 1 phút/);
    const noId = await operator.post(url("commands"), { command: "pause" });
    expect(noId.statusCode).toBe(400);
    expect((await operator.get(url())).json<TimerState>().seq).toBe(before.seq);
  });

  it("lets only organisers command or see the operator's programme (403); another commune's user gets 404", async () => {
    const reader = await signedIn(ctx().app, scene.reader);
    const refused = await send({ command: "pause" }, reader);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/cán bộ quản lý/);
    expect((await reader.get(url("program"))).statusCode).toBe(403);
    const stranger = await signedIn(ctx().app, scene.stranger);
    expect((await stranger.get(url())).statusCode).toBe(404);
    expect((await send({ command: "pause" }, stranger)).statusCode).toBe(404);
    expect((await stranger.get(url("program"))).statusCode).toBe(404);
    const program = await operator.get(url("program"));
    expect(program.statusCode).toBe(200);
    expect(program.json().agenda.map((a: { content: string }) => a.content)).toEqual(["Khai mạc hội nghị", "Tham luận", "Bế mạc hội nghị"]);
    expect(program.json().speeches.map((s: { id: string }) => s.id)).toEqual(scene.speeches.map((s) => s.id));
  });

  it("runs seed 001's imported conference: its agenda and its 24 speeches in running order, 7 minutes each", async () => {
    const { client, plan, result } = await importSeed001(ctx().db, ctx().app);
    const listed = await client.get(`/api/plans/${plan.id}/conferences`);
    expect(listed.statusCode).toBe(200);
    const [conference] = listed.json<{ conferences: Array<{ id: string }> }>().conferences;
    const base = `/api/conferences/${conference.id}/stage`;
    const program = (await client.get(`${base}/program`)).json<{
      agenda: Array<{ kind: string }>;
      speeches: Array<{ id: string; topic: string }>;
    }>();
    expect(program.speeches).toHaveLength(24);
    expect(program.speeches.map((s) => s.topic)).toEqual(result.speeches.map((s) => s.topic));
    expect(program.agenda.some((a) => a.kind === "speeches")).toBe(true);
    const start = { commandId: randomUUID(), command: "start", subject: { kind: "speech", id: program.speeches[23].id } };
    const last = (await client.post(`${base}/commands`, start)).json<TimerState>();
    expect(last).toMatchObject({ limitMs: 7 * 60_000, label: expect.stringContaining(result.speeches[23].topic) });
    const after = await client.post(`${base}/commands`, { commandId: randomUUID(), command: "next" });
    expect(after.json<TimerState>()).toMatchObject({ subjectKind: "agenda", status: "running" });
  });

  it("keeps its state across a new app instance on the same database (a restart)", async () => {
    const before = (await startSpeech(0)).json<TimerState>();
    const restarted = await buildApp({ database: ctx().database, config: { ...loadConfig({}), logLevel: "silent" }, logger: false });
    try {
      const client = await signedIn(restarted, scene.reader);
      const after = (await client.get(url())).json<TimerState>();
      expect(after).toMatchObject({ seq: before.seq, status: "running", startedAt: before.startedAt, limitMs: 420_000 });
      expect(Date.parse(after.serverNow)).toBeGreaterThanOrEqual(Date.parse(before.serverNow));
    } finally {
      await restarted.close();
    }
  });

  it("publishes every applied command's state to the conference's readers, and lets no stranger listen", async () => {
    const scene = await makeStageScene(ctx().db);
    const topic = `conference:${scene.conferenceId}`;
    const hall = await openStream(baseUrl, `/api/events?topics=${topic}`, { cookie: await sessionCookie(ctx().app, scene.reader) });
    streams.push(hall);
    expect(hall.status).toBe(200);
    await hall.next((e) => e.event === "ready");
    const stranger = await openStream(baseUrl, `/api/events?topics=${topic}`, { cookie: await sessionCookie(ctx().app, scene.stranger) });
    stranger.close();
    expect(stranger.status).toBe(403);
    const operator = await signedIn(ctx().app, scene.organiser);
    const commandId = randomUUID();
    const body = { commandId, command: "start", subject: { kind: "custom", label: "Giải lao", limitSeconds: 600 } };
    const applied = (await operator.post(`/api/conferences/${scene.conferenceId}/stage/commands`, body)).json<TimerState>();
    await operator.post(`/api/conferences/${scene.conferenceId}/stage/commands`, body);
    await operator.post(`/api/conferences/${scene.conferenceId}/stage/commands`, { commandId: randomUUID(), command: "pause" });
    const first = JSON.parse((await hall.next((e) => e.event === "timer")).data);
    expect(first).toEqual({ topic, type: "timer", data: applied });
    const second = JSON.parse((await hall.next((e) => e.event === "timer")).data);
    expect(second.data).toMatchObject({ seq: applied.seq + 1, status: "paused" });
    expect(hall.pending().filter((e) => e.event === "timer")).toEqual([]);
  });
});
