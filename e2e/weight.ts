import { request } from "node:http";
import type { Browser } from "playwright-core";

/** One file the browser fetched before the sign-in page could be used, as it travels with `Accept-Encoding: br`. */
export interface WireFile {
  path: string;
  type: string;
  status: number;
  encoding: string | null;
  cacheControl: string | null;
  /** Status line, headers and body as sent. */
  wireBytes: number;
  /** The file itself, uncompressed. */
  rawBytes: number;
}

export interface InitialLoad {
  files: WireFile[];
  wireBytes: number;
  rawBytes: number;
}

/** Kinds of request that make the sign-in page usable: the page, its scripts (with module preloads), styles and fonts. */
const COUNTED = new Set(["document", "script", "stylesheet", "font"]);

function fetchRaw(url: string, acceptEncoding: string): Promise<Omit<WireFile, "path" | "type" | "rawBytes"> & { body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", fail);
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`;
        for (let i = 0; i < res.rawHeaders.length; i += 2) head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`;
        head += "\r\n";
        const header = (name: string) => (res.headers[name] as string | undefined) ?? null;
        done({
          status: res.statusCode ?? 0,
          encoding: header("content-encoding"),
          cacheControl: header("cache-control"),
          wireBytes: Buffer.byteLength(head) + body.length,
          body,
        });
      });
    });
    req.on("error", fail);
    req.end();
  });
}

/**
 * What a first visit costs before the sign-in page can be used: Chromium opens `/` with an empty cache and we
 * note every page, script, style and font it fetches from the server (the module preload graph as the browser
 * follows it) until the sign-in form is on screen and the network is idle; each is then requested again with
 * `Accept-Encoding: br` (Chromium offers brotli only over HTTPS) to count the bytes on the wire.
 */
export async function measureInitialLoad(browser: Browser, baseUrl: string): Promise<InitialLoad> {
  const context = await browser.newContext({ locale: "vi-VN" });
  try {
    const page = await context.newPage();
    const fetched = new Map<string, string>();
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.origin === baseUrl && COUNTED.has(r.resourceType())) fetched.set(url.pathname, r.resourceType());
    });
    await page.goto(`${baseUrl}/`);
    await page.getByTestId("sign-in-username").waitFor();
    await page.waitForLoadState("networkidle");
    const files: WireFile[] = [];
    for (const [path, type] of fetched) {
      const { body: _body, ...br } = await fetchRaw(`${baseUrl}${path}`, "br");
      const plain = await fetchRaw(`${baseUrl}${path}`, "identity");
      files.push({ path, type, ...br, rawBytes: plain.body.length });
    }
    return {
      files,
      wireBytes: files.reduce((n, f) => n + f.wireBytes, 0),
      rawBytes: files.reduce((n, f) => n + f.rawBytes, 0),
    };
  } finally {
    await context.close();
  }
}
