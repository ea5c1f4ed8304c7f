import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchKey } from "../src/domain/text/vietnamese";
import { loadConfig } from "../src/server/config";
import { attendance, checkins } from "../src/server/db/schema/index";
import { type RunningServer, startServer } from "../src/server/main";
import { delegateQrTokens } from "../src/server/modules/checkin/keys";
import { DEMO_PASSWORD, type DoorConference, grantDoor, makeDoorConference, makeUser, ORGANISER, signInAtDoor } from "./door-support";
import { browserAvailability, CHROMIUM_PATH, ensureWebBuild, launchBrowser, signIn, snap } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-mat-mang-5k8";

/**
 * The offline test: the server is stopped (not merely the browser set offline) while two door pages go on
 * checking in from their copies, and started again on the same port and database; the doors sync by themselves.
 */
describe.skipIf(!availability.run)("door check-in with the server stopped, then synced (issue 10)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "kehoach-e2e-door-"));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let baseUrl = "";
  let port = 0;
  const start = async () => {
    const config = { ...loadConfig({}), port, host: "127.0.0.1", dataDir, adminPassword: ADMIN_PASSWORD, logLevel: "silent" as const };
    server = await startServer(config, () => undefined);
    baseUrl = server.url;
    port = Number(new URL(server.url).port);
  };

  beforeAll(async () => {
    if (availability.missingInCi) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI must install it.`);
    await ensureWebBuild();
    await start();
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 300_000);

  /** A door device: its own browser profile (IndexedDB, service worker), signed in, at the conference, door named. */
  async function openDoor(conferenceId: string, username: string, door: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await (browser as Browser).newContext({ viewport: { width: 412, height: 915 }, locale: "vi-VN" });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAtDoor(page, baseUrl, `/door/${conferenceId}`, username);
    await expect.poll(() => page.getByTestId("door-roster-info").textContent()).toContain("21 đại biểu");
    await page.getByTestId("door-name").fill(door);
    await page.getByTestId("door-name-save").click();
    await expect.poll(() => page.getByTestId("door-name-saved").textContent()).toContain(`«${door}»`);
    // The service worker has precached the app shell once it controls the page.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    return { context, page };
  }

  const scanCode = async (page: Page, token: string) => {
    await page.getByTestId("door-code").fill(token);
    await page.getByTestId("door-code").press("Enter");
  };

  it("checks in 20 delegates with the server stopped, syncs when it is back, and tells the second door of a shared delegate", async () => {
    const setup = await (browser as Browser).newContext({ locale: "vi-VN" });
    const organiser = await setup.newPage();
    await signIn(organiser, baseUrl, ORGANISER, DEMO_PASSWORD);
    const conference: DoorConference = await makeDoorConference(organiser, 21);
    const adminContext = await (browser as Browser).newContext({ locale: "vi-VN" });
    const admin = await adminContext.newPage();
    await signIn(admin, baseUrl, "admin", ADMIN_PASSWORD);
    for (const username of ["soatve.cua1", "soatve.cua3"]) await grantDoor(organiser, conference.id, await makeUser(admin, username));
    await setup.close();
    await adminContext.close();
    const tokens = await delegateQrTokens((server as RunningServer).database.db, conference.id);
    const doorA = await openDoor(conference.id, "soatve.cua1", "Cửa 1");
    const doorB = await openDoor(conference.id, "soatve.cua3", "Cửa 3");

    // The server stops. Door A's page is even reopened: the service worker serves it, the roster comes from IndexedDB.
    await (server as RunningServer).close();
    await doorA.page.reload();
    await expect.poll(() => doorA.page.getByTestId("door-online").getAttribute("data-online"), { timeout: 60_000 }).toBe("false");
    await expect.poll(() => doorA.page.getByTestId("door-roster-info").textContent()).toContain("21 đại biểu");
    const twenty = conference.delegates.slice(0, 20);
    for (const [i, d] of twenty.entries()) {
      await scanCode(doorA.page, tokens.get(d.id) as string);
      await expect.poll(() => doorA.page.getByTestId("door-pending").getAttribute("data-count")).toBe(String(i + 1));
      expect(await doorA.page.getByTestId("door-result").getAttribute("data-delegate-id")).toBe(d.id);
    }
    // Scanned twice at the same door: counted once, still 20 waiting.
    await scanCode(doorA.page, tokens.get(twenty[4].id) as string);
    await expect.poll(() => doorA.page.getByTestId("door-result-message").textContent()).toMatch(/^Đã vào lúc \d\d:\d\d, cửa 1$/);
    expect(await doorA.page.getByTestId("door-pending").getAttribute("data-count")).toBe("20");
    // Door B, offline too, lets the same delegate in by name: it cannot know door A did.
    const shared = twenty[7];
    await doorB.page.getByTestId("door-search").fill(searchKey(shared.fullName));
    await expect.poll(() => doorB.page.getByTestId("door-search-item").count()).toBe(1);
    await doorB.page.getByTestId("door-search-checkin").click();
    await expect.poll(() => doorB.page.getByTestId("door-result").getAttribute("data-status")).toBe("counted");
    await expect.poll(() => doorB.page.getByTestId("door-pending").getAttribute("data-count")).toBe("1");
    await snap(doorA.page, "door-04-offline-queue");

    // The server comes back on the same port and database; door B's network is still down, so door A syncs first.
    await doorB.context.setOffline(true);
    await start();
    await expect.poll(() => doorA.page.getByTestId("door-pending").getAttribute("data-count"), { timeout: 60_000 }).toBe("0");
    await expect.poll(() => doorA.page.getByTestId("door-online").getAttribute("data-online")).toBe("true");
    const db = (server as RunningServer).database.db;
    const present = await db.select().from(attendance).where(eq(attendance.conferenceId, conference.id));
    expect(present.map((a) => a.delegateId).sort()).toEqual(twenty.map((d) => d.id).sort());
    expect(new Set(present.map((a) => a.door))).toEqual(new Set(["Cửa 1"]));
    expect(await db.select().from(checkins).where(eq(checkins.conferenceId, conference.id))).toHaveLength(20);
    await expect.poll(() => doorA.page.locator('[data-testid="door-recent-item"][data-status="counted"]').count()).toBe(20);

    // Door B's network returns: its check-in is sent, recorded once, and it is told the delegate came in at door 1.
    await doorB.context.setOffline(false);
    await expect.poll(() => doorB.page.getByTestId("door-pending").getAttribute("data-count"), { timeout: 60_000 }).toBe("0");
    const item = doorB.page.locator(`[data-testid="door-recent-item"][data-delegate-id="${shared.id}"]`);
    await expect.poll(() => item.getAttribute("data-status")).toBe("repeat");
    expect(await item.getByTestId("door-recent-note").textContent()).toMatch(/Đã vào lúc \d\d:\d\d, cửa 1/);
    await snap(doorB.page, "door-05-second-door-repeat");
    const all = await db.select().from(checkins).where(eq(checkins.conferenceId, conference.id));
    expect(all).toHaveLength(21);
    expect(
      all
        .filter((c) => c.delegateId === shared.id)
        .map((c) => c.door)
        .sort(),
    ).toEqual(["Cửa 1", "Cửa 3"]);
    expect(await db.select().from(attendance).where(eq(attendance.conferenceId, conference.id))).toHaveLength(20);
    // Door B's copy now shows the delegate in since door 1's time.
    await doorB.page.getByTestId("door-search").fill(shared.fullName);
    await expect.poll(() => doorB.page.getByTestId("door-search-item").textContent()).toContain("Đã vào");
    await doorA.context.close();
    await doorB.context.close();
  }, 300_000);
});
