/**
 * `web.initial_kb`: what a commune office on a slow link downloads before it can sign in. The production web
 * app is built, the real server started on demo data, and Chromium opens `/` with an empty cache; every page,
 * script, style and font it fetches until the sign-in form is usable is requested again with
 * `Accept-Encoding: br` and its bytes on the wire (status line, headers, body) summed. Target: ≤ 300 KB.
 */
import type { Browser } from "playwright-core";
import { type E2eServer, ensureWebBuild, launchBrowser, startTestServer } from "../e2e/support";
import { measureInitialLoad } from "../e2e/weight";
import type { Figures } from "./run";

let server: E2eServer | undefined;
let browser: Browser | undefined;

export async function setup(): Promise<void> {
  await ensureWebBuild();
  server = await startTestServer(`bench-${Math.random().toString(36).slice(2)}`);
  browser = await launchBrowser();
}

export async function teardown(): Promise<void> {
  await browser?.close();
  await server?.close();
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

export const reports: Record<string, () => Promise<Figures>> = {
  "web.initial_kb": async () => {
    if (!server || !browser) throw new Error("setup did not run");
    const load = await measureInitialLoad(browser, server.server.url);
    for (const f of load.files)
      console.log(`  ${f.path.padEnd(48)} ${f.encoding ?? "identity"}  ${kb(f.wireBytes)} KB (${kb(f.rawBytes)} KB raw)`);
    return {
      kb: kb(load.wireBytes),
      raw_kb: kb(load.rawBytes),
      requests: load.files.length,
      scripts: load.files.filter((f) => f.type === "script").length,
    };
  },
};
