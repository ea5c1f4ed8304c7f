import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { obligations, tasks } from "../src/server/db/schema/index";
import { notificationJobs } from "../src/server/modules/notifications/jobs";
import { makePlan, makeTask, vn } from "../src/server/modules/tracking/fixtures";
import { makeUnit, makeUser, TEST_PASSWORD, unique } from "../src/server/testing/factories";
import { browserAvailability, callApiFromPage, confirmUntil, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-thong-bao-7k2";

/** The bell's unread count as the page shows it, waited for until it equals `n` (no reload in between). */
async function bellShows(page: Page, n: number): Promise<void> {
  await page.locator(`[data-testid="notification-bell"][data-unread="${n}"]`).waitFor();
}

/** Opens the bell and the newest notification of `kind`; returns its text. */
async function openNotification(page: Page, kind: string): Promise<string> {
  await page.getByTestId("notification-bell").click();
  const item = page.locator(`[data-testid="notification-item"][data-kind="${kind}"]`).first();
  await item.waitFor();
  const text = (await item.textContent()) ?? "";
  await item.click();
  return text;
}

/** A marker that survives only while the page is not reloaded. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { __noReload: true }));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

describe.skipIf(!availability.run)("notifications reach the bell live (browser)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { setUpTimeout: 600_000 });

  it("assigned, submitted, returned and a reminder each reach the other user's bell without a reload", async () => {
    const { app: e2e, browser, baseUrl } = suite;
    const db = e2e.server.database.db;
    const issuer = await makeUnit(db, { name: unique("Ban Chỉ huy Quân sự thành phố thử nghiệm") });
    const commune = await makeUnit(db, { parent: issuer, name: unique("Phường Đông Hải thử nghiệm") });
    const manager = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const member = await makeUser(db, { unit: commune, grants: [{ unit: commune, role: "member" }] });
    const plan = await makePlan(db, { issuerUnitId: issuer.id, createdBy: manager.id, status: "draft" });
    const task = await makeTask(db, {
      planId: plan.id,
      dueDate: "2037-11-30",
      dueTime: "17:00",
      what: "Gửi báo cáo tổng kết công tác tuyển quân",
    });
    await db
      .update(tasks)
      .set({ target: { unitIds: [commune.id] } })
      .where(eq(tasks.id, task.id));

    const managerPage = await (await browser.newContext()).newPage();
    const communePage = await (await browser.newContext()).newPage();
    await signIn(managerPage, baseUrl, manager.username, TEST_PASSWORD);
    await signIn(communePage, baseUrl, member.username, TEST_PASSWORD);
    await bellShows(communePage, 0);
    await bellShows(managerPage, 0);
    await mark(communePage);
    await mark(managerPage);

    // The manager issues: the commune's bell rises on its own.
    const issued = await callApiFromPage(managerPage, "POST", `/api/plans/${plan.id}/issue`, { version: plan.version });
    expect(issued.status).toBe(200);
    await bellShows(communePage, 1);
    expect(await stillSamePage(communePage)).toBe(true);
    const assigned = await openNotification(communePage, "obligation.assigned");
    expect(assigned).toContain(`giao cho ${commune.name} 1 nhiệm vụ`);
    const [o] = await db.select().from(obligations).where(eq(obligations.taskId, task.id));
    await communePage.waitForURL(`${baseUrl}/obligations/${o.id}`);
    await bellShows(communePage, 0);

    // The commune submits: the manager's bell rises without a reload.
    await communePage.getByTestId("submit-text").fill("Báo cáo kết quả tuyển quân năm 2037 của phường.");
    await communePage.getByTestId("submit-send").click();
    await communePage.locator('[data-testid="obligation-status"][data-status="submitted"]').waitFor();
    await bellShows(managerPage, 1);
    expect(await stillSamePage(managerPage)).toBe(true);
    await snap(managerPage, "notifications-manager-bell");
    const submitted = await openNotification(managerPage, "obligation.submitted");
    expect(submitted).toContain(`${commune.name} đã nộp`);
    await managerPage.waitForURL(`${baseUrl}/obligations/${o.id}`);

    // The manager returns it with a reason: the commune's bell shows it, and it opens the obligation.
    await mark(communePage);
    await managerPage.getByTestId("review-return").click();
    await managerPage.getByTestId("review-return-reason").fill("Thiếu biểu số liệu kèm theo");
    await confirmUntil(
      managerPage,
      "review-return-confirm",
      async () => (await managerPage.locator('[data-testid="obligation-status"][data-status="returned"]').count()) > 0,
    );
    await bellShows(communePage, 1);
    expect(await stillSamePage(communePage)).toBe(true);
    // The obligation page the commune has open refreshed itself too.
    await communePage.locator('[data-testid="obligation-status"][data-status="returned"]').waitFor();
    await communePage.goto(`${baseUrl}/my-work`);
    await bellShows(communePage, 1);
    await snap(communePage, "notifications-commune-returned");
    const returned = await openNotification(communePage, "obligation.returned");
    expect(returned).toContain("Lý do: Thiếu biểu số liệu kèm theo");
    await communePage.waitForURL(`${baseUrl}/obligations/${o.id}`);
    await communePage.getByTestId("obligation-returned-reason").waitFor();

    // A reminder made by the reminder job reaches the open page live.
    await mark(communePage);
    await bellShows(communePage, 0);
    const reminders = notificationJobs({}).find((j) => j.name === "nhắc hạn");
    await reminders?.run({ db, now: vn("2037-11-29 18:00"), log: () => undefined });
    await bellShows(communePage, 1);
    expect(await stillSamePage(communePage)).toBe(true);
    expect(await openNotification(communePage, "reminder.before")).toContain("Sắp đến hạn: Gửi báo cáo tổng kết công tác tuyển quân");
  }, 300_000);
});
