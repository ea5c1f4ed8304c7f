import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { ConferenceRoleGrant, ConferenceRoleList } from "../../../contracts/conference-roles";
import { allEndpoints } from "../../../contracts/endpoints";
import { fillPath } from "../../../contracts/http";
import { makeUnit, makeUser, type UserRow } from "../../testing/factories";
import { describeOnDatabases, signedIn, type TestClient } from "../../testing/harness";
import { makeStageScene, type StageScene } from "./stage-fixtures";

describeOnDatabases("conference roles", (ctx) => {
  let scene: StageScene;
  let organiser: TestClient;
  let outsider: UserRow;
  let doorUser: UserRow;
  const url = (path = "") => `/api/conferences/${scene.conferenceId}${path}`;

  beforeAll(async () => {
    scene = await makeStageScene(ctx().db);
    organiser = await signedIn(ctx().app, scene.organiser);
    const elsewhere = await makeUnit(ctx().db);
    outsider = await makeUser(ctx().db, { unit: elsewhere, grants: [{ unit: elsewhere, role: "manager" }], fullName: "Trần Văn Tổ Chức" });
    doorUser = await makeUser(ctx().db, { unit: elsewhere, grants: [{ unit: elsewhere, role: "member" }], fullName: "Lê Thị Soát Vé" });
  });

  it("lets a user granted `organiser` on the conference organise it though the tree gives no right to", async () => {
    const client = await signedIn(ctx().app, outsider);
    expect((await client.get(url())).statusCode).toBe(404);
    const res = await organiser.post(url("/roles"), { userId: outsider.id, role: "organiser" });
    expect(res.statusCode).toBe(201);
    expect(res.json<ConferenceRoleGrant>()).toMatchObject({ userId: outsider.id, fullName: "Trần Văn Tổ Chức", role: "organiser" });
    const read = await client.get(url());
    expect(read.statusCode).toBe(200);
    const { version } = read.json<{ version: number }>();
    const patched = await client.patch(url(), { version, venue: "Hội trường lớn" });
    expect(patched.statusCode).toBe(200);
    expect((await client.get(url("/stage/program"))).statusCode).toBe(200);
  });

  it("refuses a second identical grant and a grant to an unknown user, nothing changed", async () => {
    const again = await organiser.post(url("/roles"), { userId: outsider.id, role: "organiser" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("đã có vai trò tổ chức");
    const unknown = await organiser.post(url("/roles"), { userId: randomUUID(), role: "door" });
    expect(unknown.statusCode).toBe(404);
    const bad = await organiser.post(url("/roles"), { userId: outsider.id, role: "chair" });
    expect(bad.statusCode).toBe(400);
    const list = (await organiser.get(url("/roles"))).json<ConferenceRoleList>();
    expect(list.grants.map((g) => g.role)).toEqual(["organiser"]);
  });

  it("refuses granting and listing roles to a reader who does not organise (403) and to a stranger (404)", async () => {
    const reader = await signedIn(ctx().app, scene.reader);
    expect((await reader.get(url("/roles"))).statusCode).toBe(403);
    expect((await reader.post(url("/roles"), { userId: scene.reader.id, role: "organiser" })).statusCode).toBe(403);
    const stranger = await signedIn(ctx().app, scene.stranger);
    expect((await stranger.post(url("/roles"), { userId: scene.stranger.id, role: "door" })).statusCode).toBe(404);
  });

  it("gives door staff 403 on every conference page they read, and no edit", async () => {
    expect((await organiser.post(url("/roles"), { userId: doorUser.id, role: "door" })).statusCode).toBe(201);
    const door = await signedIn(ctx().app, doorUser);
    const allowed = new Set(["/api/conferences/:id/roster"]);
    const gets = allEndpoints().filter(
      ({ endpoint: e }) =>
        e.method === "GET" && e.path.startsWith("/api/conferences/:id") && !allowed.has(e.path) && !e.path.includes(":", 20),
    );
    expect(gets.length).toBeGreaterThan(5);
    for (const { endpoint: e } of gets) {
      const res = await door.get(fillPath(e.path, { id: scene.conferenceId }));
      expect(res.statusCode, e.path).toBe(403);
      expect(res.json().error.message).toContain("soát vé");
    }
    expect((await door.patch(url(), { version: 1, venue: "x" })).statusCode).toBe(403);
    expect((await door.post(url("/roles"), { userId: doorUser.id, role: "organiser" })).statusCode).toBe(403);
  });

  it("revokes a role: the former organiser is a stranger again", async () => {
    const res = await organiser.delete(url(`/roles/${outsider.id}/organiser`));
    expect(res.statusCode).toBe(204);
    const client = await signedIn(ctx().app, outsider);
    expect((await client.get(url())).statusCode).toBe(404);
    expect((await organiser.delete(url(`/roles/${outsider.id}/organiser`))).statusCode).toBe(404);
  });
});
