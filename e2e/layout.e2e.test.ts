import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { MyWork } from "../src/contracts/tracking";
import { DEMO_PASSWORD } from "../src/server/db/seed/demo";
import { browserAvailability, callApiFromPage, openSection, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-bo-cuc-7k2";
/** A manager of the Thành ủy: sees plans with tasks and a board, my work, the organisation, users and the importer. */
const ACCOUNT = "vanphong.thanhuy";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface MainPage {
  name: string;
  path: () => string;
  /** A test id that is on screen once the page has its data. */
  ready: string;
}

let planId = "";
let obligationId = "";
const mainPages: MainPage[] = [
  { name: "plans", path: () => "/plans", ready: "plan-link" },
  { name: "plan-content", path: () => `/plans/${planId}`, ready: "plan-issuer" },
  { name: "plan-tasks", path: () => `/plans/${planId}/tasks`, ready: "task-deadline" },
  { name: "plan-board", path: () => `/plans/${planId}/board`, ready: "board-row-name" },
  { name: "plan-history", path: () => `/plans/${planId}/history`, ready: "tab-history" },
  { name: "obligation", path: () => `/obligations/${obligationId}`, ready: "page-title" },
  { name: "my-work", path: () => "/my-work", ready: "my-work-link" },
  { name: "organisations", path: () => "/organisations", ready: "page-title" },
  { name: "users", path: () => "/users", ready: "users-table" },
  { name: "import-plan", path: () => "/import-plan", ready: "page-title" },
];

interface Geometry {
  viewport: number;
  documentWidth: number;
  /** Elements sticking out past the right edge of the window without a scrolling box that clips them. */
  poking: string[];
}

/** How wide the page is against the window, and which elements (if any) make it wider. */
function geometry(page: Page): Promise<Geometry> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const overflow = getComputedStyle(a).overflowX;
        if (overflow !== "visible" && a.getBoundingClientRect().right <= viewport + 1) return true;
      }
      return false;
    };
    const poking: string[] = [];
    for (const el of document.querySelectorAll("#root *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= viewport + 1 || clipped(el)) continue;
      if ([...el.children].some((c) => c.getBoundingClientRect().right > viewport + 1)) continue;
      poking.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(r.right)}`);
    }
    return { viewport, documentWidth: document.documentElement.scrollWidth, poking: poking.slice(0, 10) };
  });
}

const width = async (page: Page, testId: string) => (await page.getByTestId(testId).first().boundingBox())?.width ?? 0;
const height = async (page: Page, testId: string) => (await page.getByTestId(testId).first().boundingBox())?.height ?? 0;

async function visit(page: Page, baseUrl: string, main: MainPage): Promise<void> {
  await page.goto(`${baseUrl}${main.path()}`);
  await page.getByTestId(main.ready).first().waitFor();
  // Fonts, icons and late data settle before anything is measured.
  await page.waitForLoadState("networkidle");
}

// Each test walks every main page with screenshots: on a busy 2-core machine that passes a minute. The bound only
// stops a stuck browser; layout, not time, is what these tests check.
describe.skipIf(!availability.run)("layout at 1440 px and on a 390 × 844 phone (issue #7, what a user hit 6)", { timeout: 240_000 }, () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);

  async function signedIn(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext({ viewport, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, suite.baseUrl, ACCOUNT, DEMO_PASSWORD);
    if (!planId) {
      const plans = (await callApiFromPage(page, "GET", "/api/plans")).body as { plans: Array<{ id: string; number: string | null }> };
      planId = plans.plans.find((p) => p.number === "63-KH/TU")?.id ?? "";
      const work = (await callApiFromPage(page, "GET", "/api/my-work")).body as MyWork;
      obligationId = work.items[0]?.obligationId ?? "";
      expect(planId, "the demo's 63-KH/TU plan").not.toBe("");
      expect(obligationId, "an obligation in the manager's work").not.toBe("");
    }
    return { context, page };
  }

  it("gives the content the width at 1440 px: the task text is a real column, nothing wider than the window", async () => {
    const { baseUrl } = suite;
    const { context, page } = await signedIn(DESKTOP);
    for (const main of mainPages) {
      await visit(page, baseUrl, main);
      const g = await geometry(page);
      expect({ page: main.name, documentWidth: g.documentWidth, poking: g.poking }).toEqual({
        page: main.name,
        documentWidth: DESKTOP.width,
        poking: [],
      });
      // The sidebar (220 px) is all that the content gives up of the frame's width (the header's).
      expect(await width(page, "app-content"), main.name).toBeGreaterThanOrEqual((await width(page, "app-header")) - 220 - 1);
      await snap(page, `layout-${main.name}-1440`);
      if (main.name === "plan-tasks") {
        // Was about 40-180 px with rows hundreds of pixels tall; now the text has what the fixed columns leave.
        expect(await width(page, "task-what")).toBeGreaterThanOrEqual(450);
        const rows = await page.locator('[data-testid="tasks-table"] tbody tr').all();
        for (const row of rows) expect((await row.boundingBox())?.height ?? 0).toBeLessThan(200);
      }
    }
    await context.close();
  });

  it("fits a 390 × 844 phone: one-line header, the menu in a drawer, cards or scrolling boxes instead of wide tables", async () => {
    const { baseUrl } = suite;
    const { context, page } = await signedIn(PHONE);
    for (const main of mainPages) {
      await visit(page, baseUrl, main);
      const g = await geometry(page);
      expect({ page: main.name, documentWidth: g.documentWidth, poking: g.poking }).toEqual({
        page: main.name,
        documentWidth: PHONE.width,
        poking: [],
      });
      // The header keeps one line (the title was one letter per line), and no sidebar eats the width.
      expect(await height(page, "app-header"), main.name).toBeLessThanOrEqual(64);
      expect(await height(page, "app-title"), main.name).toBeLessThanOrEqual(32);
      expect(await page.getByTestId("app-sider").count(), main.name).toBe(0);
      expect(await page.getByTestId("main-nav").isVisible(), main.name).toBe(false);
      expect(await width(page, "app-content"), main.name).toBe(await width(page, "app-header"));
      await snap(page, `layout-${main.name}-390`);
      if (main.name === "plan-tasks") expect(await width(page, "task-what")).toBeGreaterThanOrEqual(300);
      if (main.name === "plan-board") {
        // The board's table scrolls inside its own box, as wide as the screen allows.
        const box = await page.locator('[data-testid="board-table"] .ant-table-content').first().boundingBox();
        expect(box?.width ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(PHONE.width);
      }
    }

    // The menu is a drawer: closed, it hides; opened from the header, it navigates and closes again.
    await openSection(page, "organisations");
    await page.waitForURL(/\/organisations$/);
    await page.getByTestId("main-nav").waitFor({ state: "hidden" });
    await page.getByTestId("nav-open").click();
    await page.getByTestId("main-nav").waitFor();
    expect(await width(page, "main-nav")).toBeLessThanOrEqual(PHONE.width);
    await snap(page, "layout-menu-drawer-390");
    await page.getByTestId("nav-plans").click();
    await page.waitForURL(/\/plans$/);
    await page.getByTestId("main-nav").waitFor({ state: "hidden" });
    await context.close();
  });
});
