import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { Attendance } from "../src/contracts/checkin";
import { checkins } from "../src/server/db/schema/index";
import { delegateQrToken } from "../src/server/modules/checkin/keys";
import {
  DEMO_PASSWORD,
  type DoorConference,
  grantDoor,
  ISSUER,
  launchCamera,
  makeDoorConference,
  makeUser,
  ORGANISER,
  phonePage,
  signInAtDoor,
  writeQrVideo,
} from "./door-support";
import { artifactsDir, browserAvailability, callApiFromPage, findUnit, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-cua-7q2";

/** A token with one character of its signature changed: a forged or altered code. */
const altered = (token: string) => token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);

describe.skipIf(!availability.run)("the door check-in page in a real browser with a fake camera (issue 10)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);
  let camera: Browser | undefined;
  let conference: DoorConference;
  let other: DoorConference;

  afterAll(async () => {
    await camera?.close();
  }, 240_000);

  it("checks one delegate in by camera and one by name, says «đã vào lúc» on a second scan, refuses forged codes", async () => {
    const { page, baseUrl } = suite;
    const db = suite.app.server.database.db;
    // The organiser's conference, seated; another conference whose code the door must refuse.
    await signIn(page, baseUrl, ORGANISER, DEMO_PASSWORD);
    conference = await makeDoorConference(page, 6);
    other = await makeDoorConference(page, 1, "Hội nghị khác");
    const adminContext = await suite.browser.newContext({ locale: "vi-VN" });
    const admin = await adminContext.newPage();
    await signIn(admin, baseUrl, "admin", ADMIN_PASSWORD);
    const doorUserId = await makeUser(admin, "soatve.cua2");
    await adminContext.close();
    await grantDoor(page, conference.id, doorUserId);

    // The fake camera shows delegate 1's entry QR code (the token the invitation carries).
    const first = conference.delegates[0];
    const token = await delegateQrToken(db, conference.id, first.id);
    mkdirSync(artifactsDir, { recursive: true });
    const video = join(artifactsDir, "door-qr.y4m");
    writeQrVideo(video, token);
    camera = await launchCamera(video);
    const phone = await phonePage(camera, 30_000);
    // Every file the door page loads, the decoder's .wasm included, comes from the app itself (no CDN).
    const fetched: string[] = [];
    phone.on("request", (request) => fetched.push(request.url()));

    // The door account signs in from the door list and opens its conference.
    await signInAtDoor(phone, baseUrl, "/door", "soatve.cua2");
    await expect.poll(() => phone.getByTestId("door-conference").count()).toBe(1);
    await phone.getByTestId("door-conference").click();
    await phone.waitForURL(`**/door/${conference.id}`);
    await expect.poll(() => phone.getByTestId("door-roster-info").textContent()).toContain("6 đại biểu");
    await phone.getByTestId("door-name").fill("Cửa 2");
    await phone.getByTestId("door-name-save").click();
    await expect.poll(() => phone.getByTestId("door-name-saved").textContent()).toContain("«Cửa 2»");

    // By camera: name, title, unit and seat in large type.
    await phone.getByTestId("door-camera-start").click();
    const result = phone.getByTestId("door-result");
    await expect.poll(() => result.getAttribute("data-status"), { timeout: 60_000 }).toBe("counted");
    expect(await phone.getByTestId("door-result-name").textContent()).toBe(first.fullName);
    expect(await phone.getByTestId("door-result-unit").textContent()).toBe(first.unitName);
    expect(await phone.getByTestId("door-result-title").textContent()).toBe(first.title);
    expect(await phone.getByTestId("door-result-seat").textContent()).toMatch(/^Ghế: Khối A/);
    await snap(phone, "door-01-camera-counted");
    // The code stays in front of the camera: read again a few seconds later, it says when and where they came in.
    await expect.poll(() => result.getAttribute("data-status"), { timeout: 60_000 }).toBe("repeat");
    expect(await phone.getByTestId("door-result-message").textContent()).toMatch(/^Đã vào lúc \d\d:\d\d, cửa 2$/);
    await snap(phone, "door-02-camera-repeat");
    const wasm = fetched.filter((url) => /zxing_reader.*\.wasm$/.test(url));
    expect(wasm.length).toBeGreaterThan(0);
    expect(wasm.filter((url) => !/\/assets\/zxing_reader-[\w-]+\.wasm$/.test(url) || !url.startsWith(`${baseUrl}/`))).toEqual([]);
    expect(fetched.filter((url) => !url.startsWith(`${baseUrl}/`) && !/^(data|blob):/.test(url))).toEqual([]);
    await phone.getByTestId("door-camera-stop").click();
    await expect.poll(() => phone.getByTestId("door-camera").getAttribute("data-running")).toBe("false");

    // By name, typed without diacritics.
    const second = conference.delegates[1];
    await phone.getByTestId("door-search").fill("tran van an 2");
    await expect.poll(() => phone.getByTestId("door-search-item").count()).toBe(1);
    expect(await phone.getByTestId("door-search-item").textContent()).toContain(second.fullName);
    await phone.getByTestId("door-search-checkin").click();
    await expect.poll(() => result.getAttribute("data-delegate-id")).toBe(second.id);
    expect(await result.getAttribute("data-status")).toBe("counted");
    expect(await phone.getByTestId("door-result-name").textContent()).toBe(second.fullName);

    // Forged and other-conference codes are refused on screen (typed as a hand-held scanner types them).
    await phone.getByTestId("door-code").fill(altered(token));
    await phone.getByTestId("door-code").press("Enter");
    await expect.poll(() => result.getAttribute("data-status")).toBe("refused");
    expect(await phone.getByTestId("door-result-message").textContent()).toContain("giả mạo");
    await phone.getByTestId("door-code").fill(await delegateQrToken(db, other.id, other.delegates[0].id));
    await phone.getByTestId("door-code-submit").click();
    await expect.poll(() => phone.getByTestId("door-result-message").textContent()).toContain("hội nghị khác");
    await snap(phone, "door-03-refused");

    // Sent to the server: two check-ins, two present, the repeat scan never sent again.
    await expect.poll(() => phone.getByTestId("door-pending").getAttribute("data-count")).toBe("0");
    expect(await phone.getByTestId("door-online").getAttribute("data-online")).toBe("true");
    await expect
      .poll(async () => (await callApiFromPage(page, "GET", `/api/conferences/${conference.id}/attendance`)).body as Attendance)
      .toMatchObject({ present: 2, expected: 6 });
    expect(await db.select().from(checkins).where(eq(checkins.conferenceId, conference.id))).toHaveLength(2);
    await expect.poll(() => phone.locator('[data-testid="door-recent-item"][data-status="counted"]').count()).toBe(2);
    await phone.getByTestId("door-refresh").click();
    await expect.poll(() => phone.getByTestId("door-roster-info").textContent()).toContain("đã vào 2");
    await phone.getByTestId("door-back").click();
    await phone.getByTestId("door-list").waitFor();
  }, 240_000);

  it("installs as an app: a manifest starting at the door list, its icons, a service worker that caches no API answer", async () => {
    const { page, baseUrl } = suite;
    // The organiser reaches the door list from the user menu.
    await page.goto(`${baseUrl}/conferences`);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("menu-door").click();
    await page.waitForURL(`${baseUrl}/door`);
    await page.getByTestId("door-conference").first().waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);
    const installed = await page.evaluate(async () => {
      const manifestUrl = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? "";
      const manifest = (await (await fetch(manifestUrl)).json()) as { name: string; start_url: string; icons: Array<{ src: string }> };
      const icons = await Promise.all(manifest.icons.map(async (i) => (await fetch(i.src)).headers.get("content-type")));
      const cached: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
      return { manifest, icons, cached, scope: (await navigator.serviceWorker.getRegistration())?.scope };
    });
    expect(installed.manifest).toMatchObject({ name: "kehoach — Điểm danh", start_url: "/door" });
    expect(installed.icons).toEqual(["image/png", "image/png", "image/png"]);
    expect(installed.scope).toBe(`${baseUrl}/`);
    expect(installed.cached.some((url) => /\/assets\/zxing_reader-[\w-]+\.wasm/.test(url))).toBe(true);
    expect(installed.cached.filter((url) => new URL(url).pathname.startsWith("/api/"))).toEqual([]);
    // The other pages still work under the service worker, and the API is answered by the server, not index.html.
    await page.goto(`${baseUrl}/conferences`);
    await page.getByTestId("user-menu").waitFor();
    const api = await page.evaluate(async () => {
      const res = await fetch("/api/nothing-here");
      return { status: res.status, type: res.headers.get("content-type") };
    });
    expect(api.status).toBe(404);
    expect(api.type).toContain("application/json");
  }, 240_000);

  it("gives a user without the door role no door page (403) and no check-in", async () => {
    const { baseUrl } = suite;
    const adminContext = await suite.browser.newContext({ locale: "vi-VN" });
    const admin = await adminContext.newPage();
    await signIn(admin, baseUrl, "admin", ADMIN_PASSWORD);
    const issuer = await findUnit(admin, ISSUER);
    // A member of the host unit reads the conference but was never given its door.
    await makeUser(admin, "thanhvien.khongsoatve", [{ unitId: issuer.id, role: "member" }]);
    await adminContext.close();
    const context = await suite.browser.newContext({ viewport: { width: 412, height: 915 }, locale: "vi-VN" });
    const page: Page = await context.newPage();
    await signInAtDoor(page, baseUrl, "/door", "thanhvien.khongsoatve");
    await page.getByTestId("door-list").waitFor();
    await expect.poll(() => page.getByText("chưa được giao điểm danh").count()).toBe(1);
    expect(await page.getByTestId("door-conference").count()).toBe(0);
    await page.goto(`${baseUrl}/door/${conference.id}`);
    await page.getByTestId("door-denied").waitFor();
    expect(await page.getByTestId("door-denied").textContent()).toContain("Chỉ người được giao soát vé");
    expect(await page.getByTestId("door-search").count()).toBe(0);
    const roster = await callApiFromPage(page, "GET", `/api/conferences/${conference.id}/roster`);
    expect(roster.status).toBe(403);
    const post = await callApiFromPage(page, "POST", `/api/conferences/${conference.id}/checkins`, {
      checkins: [
        { clientId: crypto.randomUUID(), delegateId: conference.delegates[3].id, door: "Cửa 9", scannedAt: new Date().toISOString() },
      ],
    });
    expect(post.status).toBe(403);
    await context.close();
  }, 240_000);
});
