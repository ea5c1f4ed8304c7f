import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckinBatchResult } from "../src/contracts/checkin";
import { conferenceRoleGrants, delegateAnswers } from "../src/server/db/schema/index";
import { type DelegateScene, makeDelegateScene } from "../src/server/modules/checkin/fixtures";
import { delegateQrToken } from "../src/server/modules/checkin/keys";
import { makeUser, TEST_PASSWORD, type UserRow } from "../src/server/testing/factories";
import { signedIn, type TestClient } from "../src/server/testing/harness";
import { browserAvailability, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-diem-danh-3k8";
const REASON = "Đi công tác tỉnh Quảng Ninh";

/** The number a counter of the board shows (its data-value), or -1 before it is drawn. */
const shown = async (page: Page, testId: string) =>
  Number(
    (await page
      .getByTestId(testId)
      .first()
      .getAttribute("data-value")
      .catch(() => null)) ?? -1,
  );

describe.skipIf(!availability.run)("live attendance: the projector screen and the «Điểm danh» tab (issue #10)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);
  const contexts: BrowserContext[] = [];
  let scene: DelegateScene;
  let doorUser: UserRow;
  let door: TestClient;
  const base = () => `${suite.baseUrl}/conferences/${scene.conferenceId}`;

  beforeAll(async () => {
    const db = suite.app.server.database.db;
    // Twelve delegates, three to a unit; one has answered the invitation that they cannot come.
    scene = await makeDelegateScene(db, 12, 3);
    await db.insert(delegateAnswers).values({ delegateId: scene.delegates[11].id, answer: "absent", reason: REASON });
    // An account made for the door only: no role on any unit, the door role on this conference.
    doorUser = await makeUser(db, { unit: scene.host });
    await db.insert(conferenceRoleGrants).values({ conferenceId: scene.conferenceId, userId: doorUser.id, role: "door" });
    door = await signedIn(suite.app.server.app, doorUser);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function pageAs(username: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
    const context = await suite.browser.newContext({ viewport, locale: "vi-VN" });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, suite.baseUrl, username, TEST_PASSWORD);
    return page;
  }

  const checkIn = async (items: object[]) => {
    const res = await door.post(`/api/conferences/${scene.conferenceId}/checkins`, { checkins: items });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CheckinBatchResult>().results;
  };

  it("shows check-ins made at the door on the organiser's projector screen and a reader's tab without a reload, and exports them", async () => {
    const organiser = suite.page;
    await signIn(organiser, suite.baseUrl, scene.organiser.username, TEST_PASSWORD);
    await organiser.goto(base());
    await organiser.getByTestId("conference-tab-attendance").click();
    await organiser.getByTestId("attendance-tab").waitFor();
    await expect.poll(() => shown(organiser, "attendance-expected")).toBe(12);
    expect(await shown(organiser, "attendance-present")).toBe(0);

    // The projector screen opens in a new window, full screen, without the menu.
    const [screen] = await Promise.all([organiser.context().waitForEvent("page"), organiser.getByTestId("attendance-open-screen").click()]);
    await screen.getByTestId("attendance-screen").waitFor();
    expect(await screen.getByTestId("user-menu").count()).toBe(0);
    await expect.poll(() => screen.getByTestId("attendance-live").getAttribute("data-state")).toBe("open");
    await expect.poll(() => shown(screen, "attendance-present")).toBe(0);
    expect(await screen.getByTestId("attendance-group").count()).toBe(3);
    expect(await screen.getByTestId("attendance-unit").count()).toBe(5);

    // A reader of the conference in another browser, on the tab.
    const reader = await pageAs(scene.reader.username);
    await reader.goto(`${base()}/attendance`);
    await reader.getByTestId("attendance-tab").waitFor();
    await expect.poll(() => reader.getByTestId("attendance-tab").getAttribute("data-live")).toBe("open");
    await expect.poll(() => shown(reader, "attendance-present")).toBe(0);

    // Marks that survive only as long as the pages are not reloaded.
    for (const p of [screen, reader, organiser]) await p.evaluate(() => Object.assign(window, { __sameLoad: true }));

    // The door checks in one delegate by QR code and one by name.
    const started = Date.now();
    const results = await checkIn([
      {
        clientId: randomUUID(),
        token: await delegateQrToken(suite.app.server.database.db, scene.conferenceId, scene.delegates[1].id),
        door: "2",
        scannedAt: new Date().toISOString(),
      },
      { clientId: randomUUID(), delegateId: scene.delegates[4].id, door: "1", scannedAt: new Date().toISOString() },
    ]);
    expect(results.map((r) => r.status)).toEqual(["counted", "counted"]);
    await expect.poll(() => shown(screen, "attendance-present")).toBe(2);
    console.log(`attendance screen showed 2 present ${Date.now() - started} ms after the check-ins were answered`);
    await expect.poll(() => shown(reader, "attendance-present")).toBe(2);
    await expect.poll(() => shown(organiser, "attendance-present")).toBe(2);
    for (const p of [screen, reader, organiser]) expect(await p.evaluate(() => (window as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    const unitOf = (i: number) => screen.locator(`[data-testid="attendance-unit"][data-name="${scene.delegates[i].unitName}"]`);
    expect(await unitOf(1).getAttribute("data-present")).toBe("1");
    expect(await unitOf(4).getAttribute("data-present")).toBe("1");
    expect(await unitOf(10).getAttribute("data-present")).toBe("0");
    const groupPresent = await screen
      .getByTestId("attendance-group")
      .evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute("data-present")), 0));
    expect(groupPresent).toBe(2);
    await snap(screen, "attendance-screen");

    // A second scan of the same delegate counts once.
    const [again] = await checkIn([
      { clientId: randomUUID(), delegateId: scene.delegates[4].id, door: "3", scannedAt: new Date().toISOString() },
    ]);
    expect(again.status).toBe("repeat");

    // The list by unit: found without diacritics, the reason of the absent delegate shown; the filters.
    const rows = reader.getByTestId("attendance-row");
    await expect.poll(() => rows.count()).toBe(12);
    await reader.getByTestId("attendance-filter-present").click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-present")))).toEqual(["true", "true"]);
    await reader.getByTestId("attendance-filter-absent").click();
    await expect.poll(() => rows.count()).toBe(10);
    await reader.getByTestId("attendance-filter-all").click();
    await expect.poll(() => rows.count()).toBe(12);
    await reader.locator('[data-testid="attendance-search"] input, input[data-testid="attendance-search"]').first().fill("quang ninh");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-name")).toBe(scene.delegates[11].fullName);
    expect(await rows.first().getByTestId("attendance-reason").textContent()).toBe(REASON);

    // The export for the report after the conference.
    const [download] = await Promise.all([reader.waitForEvent("download"), reader.getByTestId("attendance-export").click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const list = book.getWorksheet("Danh sách");
    const sheetRows = (list?.getSheetValues() ?? []).filter(Array.isArray) as unknown[][];
    const rowOf = (name: string) => sheetRows.find((r) => r[2] === name);
    expect(rowOf(scene.delegates[1].fullName)?.[5]).toBe("Có mặt");
    expect(rowOf(scene.delegates[1].fullName)?.[7]).toBe("2");
    expect(rowOf(scene.delegates[11].fullName)?.[5]).toBe("Vắng");
    expect(rowOf(scene.delegates[11].fullName)?.[8]).toBe(REASON);
  });

  it("does not show the attendance list or counts to a door-only account", async () => {
    const page = await pageAs(doorUser.username);
    await page.goto(`${base()}/attendance/screen`);
    await page.locator(".ant-result-403").waitFor();
    expect(await page.getByTestId("attendance-present").count()).toBe(0);
    const answer = await page.evaluate(
      async (url) => (await fetch(url, { credentials: "same-origin" })).status,
      `/api/conferences/${scene.conferenceId}/attendance`,
    );
    expect(answer).toBe(403);
  });
});
