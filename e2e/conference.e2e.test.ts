import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/server/db/seed/demo";
import { browserAvailability, callApiFromPage, confirmUntil, findUnit, pickOption, signIn, snap, useBrowserSuite } from "./support";

/**
 * The acceptance as one flow (issue 9): the conference created from the imported seed 001, «Tham luận»
 * shifted by 10 minutes with the following items, the plan issued, two communes upload their speeches, the organiser
 * approves one and returns the other, and the operator runs the timer while the hall screen counts down and turns
 * red. The other conference e2e files keep only what this flow does not press (refusals, every other button).
 */

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-hoi-nghi-1f5";
const SEED = resolve(import.meta.dirname, "..", "test", "fixtures", "seeds", "001_f9655c538364916e.txt");
/** README's accounts: the Thành ủy's manager organises; Đảng ủy phường Đông Hải owns speech 23 of seed 001. */
const ORGANISER = "vanphong.thanhuy";
const WARD = { user: "danguy.donghai", password: DEMO_PASSWORD, speech: "Giải pháp nâng cao năng lực lãnh đạo" };
/** Speech 22 belongs to Đảng ủy xã Thanh Hà, which has no demo account: the admin makes one. */
const COMMUNE = { user: "danguy.thanhha", password: "e2e-dang-uy-thanh-ha-6p", speech: "Hoạt động của MTTQ Việt Nam và các tổ chức" };

const agendaTimes = (page: Page) => page.locator('[data-testid="agenda-table"] [data-testid="agenda-time"]').allTextContents();
const row = (page: Page, table: string, text: string) => page.locator(`[data-testid="${table}"] tr`, { hasText: text });
const statusOf = (page: Page, text: string) => row(page, "speeches-table", text).getByTestId("program-status").getAttribute("data-status");

async function face(page: Page) {
  const el = page.getByTestId("timer-face");
  const countdown =
    (await page
      .getByTestId("timer-countdown")
      .textContent()
      .catch(() => null)) ?? "";
  return { phase: await el.getAttribute("data-phase"), countdown };
}
const seconds = (countdown: string) => {
  const m = /^(\+?)(\d+):(\d\d)$/.exec(countdown);
  return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : Number.NaN;
};

describe.skipIf(!availability.run)("the conference from import to stage, in real browsers (issue 9 acceptance)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);

  /** Each person in a browser context of their own, signed in. */
  async function pageAs(username: string, password: string, viewport = { width: 1500, height: 1000 }): Promise<Page> {
    const context = await suite.browser.newContext({ viewport, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, suite.baseUrl, username, password);
    return page;
  }

  it("imports seed 001, shifts «Tham luận», issues, reviews two speeches and runs the stage timer", async () => {
    // 0. Đảng ủy xã Thanh Hà gets an account (the admin), so both speaking communes can sign in.
    const admin = await pageAs("admin", ADMIN_PASSWORD);
    const thanhHa = await findUnit(admin, "Đảng ủy xã Thanh Hà");
    const account = await callApiFromPage(admin, "POST", "/api/users", {
      username: COMMUNE.user,
      fullName: "Cán bộ Đảng ủy xã Thanh Hà",
      unitId: thanhHa.id,
      password: COMMUNE.password,
      grants: [{ unitId: thanhHa.id, role: "member" }],
    });
    expect(account.status).toBe(201);

    // 1. The organiser imports seed 001 on the import page and creates the draft plan.
    const page = await pageAs(ORGANISER, DEMO_PASSWORD);
    await page.getByTestId("nav-importPlan").click();
    await page.locator('[data-testid="import-upload"] input[type="file"], input[type="file"][accept*=".docx"]').first().setInputFiles(SEED);
    // The demo already issued 63-KH/TU for the Thành ủy this year.
    await page.getByTestId("import-field-number").fill("66-KH/TU");
    await page.getByTestId("import-create-plan").click();
    await pickOption(page, page.getByTestId("import-create-plan-issuer"), "Thành ủy Hải Phòng", "thanh uy hai phong");
    await confirmUntil(page, "import-create-plan-confirm", async () => /\/plans\/[0-9a-f-]{36}\/tasks$/.test(page.url()));
    const planUrl = page.url().replace(/\/tasks$/, "");
    await expect.poll(() => page.getByTestId("task-what").filter({ hasText: "Gửi tham luận:" }).count()).toBe(24);
    await snap(page, "conference-flow-01-draft");

    // 2. Its conference, created from the import: "1/2 ngày, dự kiến từ 08 giờ", so 08:00–12:00.
    await page.getByTestId("tab-conferences").click();
    await page.getByTestId("conference-link").click();
    await page.waitForURL(/\/conferences\/[0-9a-f-]{36}$/);
    const conferenceUrl = page.url();
    expect(await page.getByTestId("conference-title").textContent()).toMatch(/^HỘI NGHỊ SƠ KẾT 1 NĂM/);

    // 3. «Tham luận» 10 minutes later, "dời các mục sau" ticked: every following item moves with it.
    await page.getByTestId("conference-tab-agenda").click();
    await expect
      .poll(() => agendaTimes(page))
      .toEqual(["08:00 – 08:05", "08:05 – 08:15", "08:15 – 08:35", "08:35 – 10:00", "10:00 – 10:20", "10:20 – 10:35", "10:35 – 11:00"]);
    await row(page, "agenda-table", "Tham luận").getByTestId("agenda-move").click();
    await page.getByTestId("agenda-move-start").fill("08:45");
    expect(await page.getByTestId("agenda-shift-following").isChecked()).toBe(true);
    await page.getByTestId("agenda-move-save").click();
    await expect
      .poll(() => agendaTimes(page))
      .toEqual(["08:00 – 08:05", "08:05 – 08:15", "08:15 – 08:35", "08:45 – 10:10", "10:10 – 10:30", "10:30 – 10:45", "10:45 – 11:10"]);
    await snap(page, "conference-flow-02-shifted");

    // 4. Issue, as plans.e2e does: the admin (the plan gives work to state units too, which the Thành ủy's manager
    // does not manage) drops the tasks of units not in the directory, then issues.
    await admin.goto(`${planUrl}/tasks`);
    await admin.getByTestId("task-what").first().waitFor();
    for (let left = await admin.getByTestId("task-unmatched").count(); left > 0; left -= 1) {
      await row(admin, "tasks-table", "")
        .filter({ has: admin.getByTestId("task-unmatched") })
        .first()
        .getByTestId("task-delete")
        .click();
      await confirmUntil(admin, "task-delete-confirm", async () => (await admin.getByTestId("task-unmatched").count()) === left - 1);
    }
    await admin.getByTestId("plan-issue").click();
    await expect.poll(() => admin.getByTestId("issue-preview-obligations").textContent()).toMatch(/việc cho \d+ đơn vị/);
    await confirmUntil(admin, "plan-issue-confirm", async () => /\/board$/.test(admin.url()));
    expect(await admin.getByTestId("plan-status").getAttribute("data-status")).toBe("issued");

    // 5. Each commune uploads its draft from its row of the speeches (past the deadline of 29/5/2026: accepted, late).
    for (const who of [WARD, COMMUNE]) {
      const unit = await pageAs(who.user, who.password);
      await unit.goto(`${conferenceUrl}/speeches`);
      await row(unit, "speeches-table", who.speech).getByTestId("program-upload").click();
      await unit.waitForURL(/\/obligations\/[0-9a-f-]{36}$/);
      await unit.getByTestId("submit-text").fill("Dự thảo tham luận gửi Ban Tổ chức Thành ủy.");
      await unit
        .getByTestId("submit-form")
        .locator('input[type="file"]')
        .setInputFiles({ name: `tham-luan-${who.user}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
      await unit.getByTestId("submit-send").click();
      await expect.poll(() => unit.getByTestId("obligation-status").getAttribute("data-status")).toBe("submitted");
    }

    // 6. The organiser approves the ward's speech and returns the commune's with a comment; both statuses shown.
    await page.goto(`${conferenceUrl}/speeches`);
    await expect.poll(() => statusOf(page, WARD.speech)).toBe("submitted");
    await row(page, "speeches-table", WARD.speech).getByTestId("program-approve").click();
    await confirmUntil(page, "program-approve-confirm", async () => (await statusOf(page, WARD.speech)) === "accepted");
    await row(page, "speeches-table", COMMUNE.speech).getByTestId("program-return").click();
    await page.getByTestId("program-return-reason").fill("Bổ sung kết quả hoạt động 6 tháng đầu năm.");
    await confirmUntil(page, "program-return-confirm", async () => (await statusOf(page, COMMUNE.speech)) === "returned");
    expect(await row(page, "speeches-table", COMMUNE.speech).getByTestId("program-returned-reason").textContent()).toContain(
      "Bổ sung kết quả hoạt động 6 tháng đầu năm.",
    );
    await snap(page, "conference-flow-03-speeches-reviewed");

    // 7. The stage: the operator (organiser) starts the ward's speech; the hall screen, another context, follows.
    const hall = await pageAs(WARD.user, WARD.password, { width: 1920, height: 1080 });
    await hall.goto(`${conferenceUrl}/stage/hall`);
    await hall.getByTestId("stage-hall").waitFor();
    await page.goto(conferenceUrl);
    await page.getByTestId("conference-tab-stage").click();
    await page.getByTestId("stage-open-operator").click();
    await page.getByTestId("stage-operator").waitFor();
    await page.getByTestId("stage-part").filter({ hasText: "Đông Hải" }).first().click();
    await page.getByTestId("stage-start").click();
    await expect.poll(() => hall.getByTestId("timer-subject").textContent()).toContain("Đông Hải");
    const first = seconds((await face(hall)).countdown);
    expect(first).toBeGreaterThan(400);
    await expect.poll(async () => seconds((await face(hall)).countdown)).toBeLessThan(first);
    expect((await face(hall)).phase).toBe("normal");
    await snap(hall, "conference-flow-04-hall-counting-down");

    // −1 phút until the last minute (amber), once more: red, counting up.
    while (seconds((await face(page)).countdown) > 60) {
      const before = seconds((await face(page)).countdown);
      await page.getByTestId("stage-minus").click();
      await expect.poll(async () => seconds((await face(page)).countdown)).toBeLessThanOrEqual(before - 55);
    }
    await expect.poll(async () => (await face(hall)).phase).toBe("warning");
    await page.getByTestId("stage-minus").click();
    await expect.poll(async () => (await face(hall)).phase).toBe("over");
    const over = (await face(hall)).countdown;
    expect(over).toMatch(/^\+\d\d:\d\d$/);
    await expect.poll(async () => seconds((await face(hall)).countdown)).toBeLessThan(seconds(over));
    expect(await hall.getByTestId("timer-countdown").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 77, 79)");
    await snap(hall, "conference-flow-05-hall-over");
  });
});
