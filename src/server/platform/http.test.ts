import { randomUUID } from "node:crypto";
import fc from "fast-check";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { expect, it } from "vitest";
import { z } from "zod";
import { allEndpoints } from "../../contracts/endpoints";
import { endpoint, fillPath, json, pathParams } from "../../contracts/http";
import { makeUnit, makeUser } from "../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../testing/harness";
import { enforceEndpointTable, registeredEndpoints, route } from "./http";

/** Random values for a path's parameters (uuids: nothing exists there, so a signed-in call answers 404 at worst). */
const anyParams = (path: string) => Object.fromEntries(pathParams(path).map((name) => [name, name === "file" ? "x.ics" : randomUUID()]));

it("every path parameter of every endpoint is declared in its params schema", () => {
  for (const { domain, name, endpoint: e } of allEndpoints()) {
    const names = pathParams(e.path);
    const shape = e.params instanceof z.ZodObject ? Object.keys(e.params.shape) : [];
    expect(shape.sort(), `${domain}.${name} ${e.path}`).toEqual([...names].sort());
  }
});

it("an /api route outside the endpoint table cannot be registered", async () => {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  enforceEndpointTable(app);
  expect(() => app.get("/api/secret-report", async () => "x")).toThrow(/not declared in the endpoint table/);
  const declared = endpoint({ method: "GET", path: "/api/declared", tags: ["t"], summary: "t", public: true, reply: json(z.object({})) });
  route(app, declared, () => ({}));
  await app.ready();
  expect(registeredEndpoints(app).has("GET /api/declared")).toBe(true);
  await app.close();
});

describeOnDatabases("the endpoint table", (ctx) => {
  it("registers every declared endpoint, once", () => {
    const registered = registeredEndpoints(ctx().app);
    const declared = allEndpoints().map(({ endpoint: e }) => `${e.method} ${e.path}`);
    expect(new Set(declared).size).toBe(declared.length);
    expect([...registered].sort()).toEqual([...declared].sort());
  });

  it("refuses every endpoint that needs a session with 401 when there is none", async () => {
    const client = new TestClient(ctx().app);
    // A pre-session CSRF token, as the browser has it, so writes reach the session check.
    client.csrf = (await client.get("/api/auth/csrf")).json<{ csrfToken: string }>().csrfToken;
    const statuses: string[] = [];
    for (const { domain, name, endpoint: e } of allEndpoints()) {
      if (e.public) continue;
      const res = await client.request(e.method, fillPath(e.path, anyParams(e.path)), e.method === "GET" ? undefined : {});
      if (res.statusCode !== 401) statuses.push(`${domain}.${name}: ${res.statusCode}`);
    }
    expect(statuses).toEqual([]);
  });

  it("answers 400 to a control character in any query string, never 500 (hostile item 4)", async () => {
    const unit = await makeUnit(ctx().db);
    const admin = await signedIn(ctx().app, await makeUser(ctx().db, { unit, grants: [{ unit, role: "admin" }] }));
    const answers: string[] = [];
    for (const { domain, name, endpoint: e } of allEndpoints()) {
      if (e.method !== "GET") continue;
      const keys = e.query instanceof z.ZodObject ? Object.keys(e.query.shape) : ["q"];
      for (const value of ["%00", "a%0Db", "%1F", "%7F", "x%0A"]) {
        const url = `${fillPath(e.path, anyParams(e.path))}?${keys[0]}=${value}`;
        const res = await admin.get(url);
        if (res.statusCode !== 400) answers.push(`${domain}.${name} ${value}: ${res.statusCode}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it("never answers 500 to any query string on any GET route (fuzz)", async () => {
    const unit = await makeUnit(ctx().db);
    const admin = await signedIn(ctx().app, await makeUser(ctx().db, { unit, grants: [{ unit, role: "admin" }] }));
    // A stream (GET /api/events) never ends by design; live.test.ts covers its refusals over real HTTP.
    const gets = allEndpoints().filter(
      ({ endpoint: e }) => e.method === "GET" && !e.path.startsWith("/api/calendar") && e.reply.kind !== "stream",
    );
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.integer().map(String),
      fc.constantFrom("", "true", "-1", "1e309", "[]"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 3 }),
        async (picked, extra) => {
          const e = picked.endpoint;
          const keys = e.query instanceof z.ZodObject ? Object.keys(e.query.shape) : [];
          const query = new URLSearchParams();
          for (const [k, v] of Object.entries(extra)) query.append(keys.length && k.length % 2 === 0 ? keys[k.length % keys.length] : k, v);
          const res = await admin.get(`${fillPath(e.path, anyParams(e.path))}?${query}`);
          expect(res.statusCode, `${picked.domain}.${picked.name} ?${query}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
