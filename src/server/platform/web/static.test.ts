import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerErrorHandler } from "../error-handler";
import { registerSecurityHeaders } from "./security-headers";
import { IMMUTABLE, REVALIDATE, serveWebApp } from "./static";

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body></body></html>';
const SCRIPT = `console.log(${JSON.stringify("kế hoạch ".repeat(400))});`;

/** A dist/web as `vite build` leaves it: hashed assets and index.html, each with its .br and .gz. */
function builtWebApp(): string {
  const root = mkdtempSync(join(tmpdir(), "kehoach-web-"));
  mkdirSync(join(root, "assets"));
  const write = (path: string, text: string) => {
    writeFileSync(join(root, path), text);
    writeFileSync(join(root, `${path}.br`), brotliCompressSync(Buffer.from(text)));
    writeFileSync(join(root, `${path}.gz`), gzipSync(Buffer.from(text)));
  };
  write("index.html", INDEX);
  write("assets/index-Ab12Cd34.js", SCRIPT);
  return root;
}

async function webApp(root: string, https = false): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorHandler(app);
  await registerSecurityHeaders(app, { https });
  app.get("/api/health", async () => ({ status: "ok" }));
  await serveWebApp(app, root);
  return app;
}

describe("serving the built web app", () => {
  let root = "";
  let app: FastifyInstance;

  beforeAll(async () => {
    root = builtWebApp();
    app = await webApp(root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends the brotli file written at build time to a browser that accepts it, cached for a year as immutable", async () => {
    const res = await app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
  });

  it("falls back to gzip, then to the plain file, by what the client accepts", async () => {
    const gz = await app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await app.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers["cache-control"]).toBe(IMMUTABLE);
  });

  it("serves index.html compressed but always revalidated, at / and at every address the app routes itself", async () => {
    for (const url of ["/", "/plans/5d0c6f1e-0000-4000-8000-000000000000/board", "/sign-in"]) {
      const res = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers["cache-control"], url).toBe(REVALIDATE);
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(INDEX);
    }
  });

  it("answers 404 for a missing asset (an old chunk after a release) and an unknown API address, never index.html", async () => {
    const asset = await app.inject({ url: "/assets/index-Old00000.js", headers: { "accept-encoding": "br" } });
    expect(asset.statusCode).toBe(404);
    expect(asset.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect((await app.inject({ url: "/api/nothing-here" })).statusCode).toBe(404);
  });

  it("sends a CSP without inline script, forbids framing, sniffing and cross-origin referrers on pages and the API", async () => {
    for (const url of ["/", "/assets/index-Ab12Cd34.js", "/api/health"]) {
      const res = await app.inject({ url });
      const csp = String(res.headers["content-security-policy"]);
      const directives = new Map(csp.split(";").map((d) => [d.trim().split(/\s+/)[0], d.trim().split(/\s+/).slice(1)]));
      expect(directives.get("script-src"), url).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives.get("script-src-attr"), url).toEqual(["'none'"]);
      expect(directives.get("default-src"), url).toEqual(["'self'"]);
      expect(directives.get("object-src"), url).toEqual(["'none'"]);
      expect(directives.get("frame-ancestors"), url).toEqual(["'none'"]);
      expect(directives.has("upgrade-insecure-requests"), url).toBe(false);
      expect(res.headers["x-frame-options"], url).toBe("DENY");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["referrer-policy"], url).toBe("same-origin");
      expect(res.headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  it("adds HSTS and upgrades sub-requests only when served over HTTPS", async () => {
    const secure = await webApp(root, true);
    try {
      const res = await secure.inject({ url: "/" });
      expect(String(res.headers["content-security-policy"])).toMatch(/upgrade-insecure-requests/);
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=31536000/);
    } finally {
      await secure.close();
    }
  });
});
