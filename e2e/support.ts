import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { UnitList, UnitView } from "../src/contracts/organisations";
import { loadConfig } from "../src/server/config";
import { type RunningServer, startServer } from "../src/server/main";

export const CHROMIUM_PATH = "/usr/bin/chromium";
const root = resolve(import.meta.dirname, "..");
export const artifactsDir = join(root, "e2e", "artifacts");
// Browser tests write downloads and fixtures here before any screenshot: a fresh clone has no such folder.
mkdirSync(artifactsDir, { recursive: true });

/**
 * Whether the browser suite runs. Without Chromium it is skipped with one line, except in CI where a
 * missing browser must fail the build rather than pass silently.
 */
export function browserAvailability(): { run: boolean; missingInCi: boolean } {
  if (existsSync(CHROMIUM_PATH)) return { run: true, missingInCi: false };
  if (process.env.CI === "true") return { run: true, missingInCi: true };
  console.log(`Browser tests skipped: Chromium not found at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium)`);
  return { run: false, missingInCi: false };
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Runs `work` holding a lock shared by every test process: a directory made atomically, removed afterwards
 * (or when older than 10 minutes, left by a killed run).
 */
async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) rmSync(dir, { recursive: true, force: true });
      await new Promise((resume) => setTimeout(resume, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the web app with Vite when dist/web is missing or older than any source of it. Browser test files run in
 * parallel: one builds while the others wait, so no server starts on a half-written dist/web.
 */
export async function ensureWebBuild(): Promise<void> {
  mkdirSync(join(root, "dist"), { recursive: true });
  await withLock(join(root, "dist", ".web-build.lock"), async () => {
    const built = join(root, "dist", "web", "index.html");
    const sources = [
      join(root, "src", "web"),
      join(root, "src", "contracts"),
      join(root, "src", "domain"),
      join(root, "index.html"),
      join(root, "vite.config.ts"),
    ];
    const newestSource = Math.max(...sources.filter(existsSync).map(newestMtime));
    if (existsSync(built) && statSync(built).mtimeMs >= newestSource) return;
    const { build } = await import("vite");
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's and antd's development builds: build what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ root, configFile: join(root, "vite.config.ts"), mode: "production", logLevel: "warn" });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
}

export interface E2eServer {
  server: RunningServer;
  close(): Promise<void>;
}

/** The real server on a free port with a fresh PGlite in a temporary folder: demo data and `admin` with `adminPassword`. */
export async function startTestServer(adminPassword: string): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "kehoach-e2e-"));
  const config = { ...loadConfig({}), port: 0, host: "127.0.0.1", dataDir, adminPassword, logLevel: "silent" };
  const server = await startServer(config, () => undefined);
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless with the project's flags, plus `extraArgs` (a fake camera's, say). */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      ...extraArgs,
    ],
  });
}

/** What a browser suite's tests reach: filled in by `useBrowserSuite`'s beforeAll, before any test runs. */
export interface BrowserSuite {
  app: E2eServer;
  browser: Browser;
  /** A page in Vietnamese, 30 s per action, at the options' viewport (1400 × 900 unless given). */
  page: Page;
  baseUrl: string;
}

export interface BrowserSuiteOptions {
  /** The suite page's size: 1400 × 900 unless given. */
  viewport?: { width: number; height: number };
  /** How long the set-up (build, server, Chromium) may take, in ms: vitest's hookTimeout unless given. */
  setUpTimeout?: number;
}

/**
 * The set-up every browser test file shares, registered in the calling `describe`: fails in CI without Chromium,
 * builds the web app when stale, starts the server (demo data, `admin` with `adminPassword`) and Chromium, and
 * closes both afterwards.
 */
export function useBrowserSuite(adminPassword: string, options: BrowserSuiteOptions = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  const viewport = options.viewport ?? { width: 1400, height: 900 };
  beforeAll(async () => {
    const availability = browserAvailability();
    if (availability.missingInCi)
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI must install it (apt-get install -y chromium).`);
    await ensureWebBuild();
    suite.app = await startTestServer(adminPassword);
    suite.baseUrl = suite.app.server.url;
    suite.browser = await launchBrowser();
    suite.page = await suite.browser.newPage({ viewport, locale: "vi-VN" });
    suite.page.setDefaultTimeout(30_000);
  }, options.setUpTimeout);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
  });
  return suite;
}

/** Saves a full-page screenshot as e2e/artifacts/<name>.png (the folder is git-ignored). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  // A full-page screenshot on a busy 2-core CI machine took over the 30 s default once: a bound, not a speed check.
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true, animations: "disabled", timeout: 120_000 });
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A call from inside the page, as the web app makes it: the session cookie plus the CSRF header from the kh_csrf cookie. */
export async function callApiFromPage(page: Page, method: string, url: string, body?: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const csrf = /(?:^|;\s*)kh_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "";
      const res = await fetch(url, {
        method,
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
    },
    { method, url, body },
  );
}

/** Signs in through the sign-in page and waits for the signed-in frame (its user menu: on a phone the navigation is a closed drawer). */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId("sign-in-username").waitFor();
  await page.getByTestId("sign-in-username").fill(username);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
  // Signed in: the app's frame, or the door list where an account made only for the door lands.
  await page.locator('[data-testid="user-menu"], [data-testid="door-list"]').first().waitFor();
}

/** Opens a section from the navigation: the sidebar on a wide screen, the drawer (opened first) on a phone. */
export async function openSection(page: Page, key: string): Promise<void> {
  if (await page.getByTestId("nav-open").isVisible()) await page.getByTestId("nav-open").click();
  await page.getByTestId(`nav-${key}`).click();
}

/** Signs out through the user menu; a press that a busy machine let pass while the menu opened is made again. */
export async function signOut(page: Page): Promise<void> {
  const signInShown = page.getByTestId("sign-in-username");
  const item = page.locator('[data-testid="menu-sign-out"]:visible');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if ((await item.count()) === 0)
      await page
        .getByTestId("user-menu")
        .click({ timeout: 10_000 })
        .catch(() => undefined);
    await item
      .first()
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    if (
      await signInShown.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await signInShown.waitFor();
}

/** A unit by its exact name, through the search API from the signed-in page. */
export async function findUnit(page: Page, name: string): Promise<UnitView> {
  const answer = await callApiFromPage(page, "GET", `/api/units/search?q=${encodeURIComponent(name)}`);
  if (answer.status !== 200) throw new Error(`unit search answered ${answer.status}`);
  const unit = (answer.body as UnitList).units.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit named ${name}`);
  return unit;
}

/**
 * Picks the option whose label begins with `option` (`I …` never takes `II …`) in an antd Select or TreeSelect (typing `search` first, for a select that searches):
 * under load the option can be clicked while the list is still opening, so it opens and clicks again until the select
 * shows the choice. Only the open list is looked in, never one left hidden in the page by an earlier select.
 */
export async function pickOption(page: Page, select: Locator, option: string, search?: string): Promise<void> {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
  // The label the select shows, as rendered (one line per part).
  const shown = async () =>
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered label is what the user sees
    ((await select.innerText().catch(() => "")) as string).split("\n").some((line) => line.trim().startsWith(option));
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await shown()) return;
    await select.click();
    if (search !== undefined) await select.locator("input").fill(search);
    await page
      .locator(
        ".ant-select-dropdown:not(.ant-select-dropdown-hidden) :is(.ant-select-item-option-content, .ant-select-tree-node-content-wrapper)",
      )
      .filter({ hasText: exact })
      .first()
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    await page.waitForTimeout(300);
  }
  if (!(await shown())) throw new Error(`the select never showed «${option}»`);
}

/**
 * Presses a confirmation (a modal's OK, a popconfirm's button) until `done` holds: under load a click can land while
 * the confirmation is still opening and do nothing, so it is pressed again if it still shows 5 s after the last press.
 * A press whose request is under way leaves the button loading, and it is not pressed then, so nothing is sent twice.
 */
export async function confirmUntil(page: Page, testId: string, done: () => Promise<boolean>, timeout = 60_000): Promise<void> {
  const confirm = page.locator(`[data-testid="${testId}"]:visible`);
  const until = Date.now() + timeout;
  let pressedAt = 0;
  while (Date.now() < until) {
    // A check that throws (its element not there yet) means not yet.
    if (await done().catch(() => false)) return;
    if (Date.now() - pressedAt >= 5_000 && (await confirm.count()) > 0) {
      const loading = await confirm
        .first()
        .evaluate((b) => b.classList.contains("ant-btn-loading"))
        .catch(() => true);
      if (!loading) {
        pressedAt = Date.now();
        await confirm
          .first()
          .click({ timeout: 5_000 })
          .catch(() => undefined);
      }
    }
    await page.waitForTimeout(500);
  }
  if (!(await done())) throw new Error(`pressing «${testId}» never took effect within ${timeout} ms`);
}
