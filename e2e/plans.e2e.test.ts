import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import PDFDocument from "pdfkit";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/server/platform/documents/testing/read-docx";
import {
  browserAvailability,
  callApiFromPage,
  confirmUntil,
  findUnit,
  pickOption,
  signIn,
  signOut,
  snap,
  useBrowserSuite,
} from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-5p8";
const MEMBER_PASSWORD = "e2e-tuyen-giao-3m6";
const suffix = Math.random().toString(36).slice(2, 7);
const MEMBER = `thanhvien.tuyengiao.${suffix}`;
const SEED = resolve(import.meta.dirname, "..", "test", "fixtures", "seeds", "001_f9655c538364916e.txt");
const ISSUER = "Thành ủy Hải Phòng";
/** A unit with two obligations of seed 001: its speech and its own task. */
const ASSIGNED = "Ban Tuyên giáo và Dân vận Thành ủy";

type Counts = Record<"expected" | "submitted" | "onTime" | "late" | "overdue" | "returned" | "accepted", number>;
const countKeys = ["expected", "submitted", "onTime", "late", "overdue", "returned", "accepted"] as const;

/** A small real PDF, as a unit would attach it. */
function reportPdf(text: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => done(Buffer.concat(chunks)));
    doc.on("error", fail);
    doc.text(text);
    doc.end();
  });
}

/** The board's totals as the cards show them (each card carries its exact number in data-value). */
async function boardCounts(page: Page): Promise<Counts> {
  const entries = await Promise.all(
    countKeys.map(async (k) => [k, Number(await page.getByTestId(`board-${k}`).getAttribute("data-value"))] as const),
  );
  return Object.fromEntries(entries) as Counts;
}

async function openBoard(page: Page, baseUrl: string, planId: string): Promise<void> {
  await page.goto(`${baseUrl}/plans/${planId}/board`);
  await page.getByTestId("board-totals").waitFor();
}

const boardRow = (page: Page, unitName: string) => page.locator(`[data-testid="board-table"] tr[data-unit-name="${unitName}"]`);

const pickTreeUnit = (page: Page, testId: string, typed: string, name: string) => pickOption(page, page.getByTestId(testId), name, typed);

describe.skipIf(!availability.run)("plans become tracked work in a real browser (issue #4)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1500, height: 1000 } });

  it("imports seed 001, issues it, and tracks a late report through return and acceptance", async () => {
    const { page, baseUrl } = suite;
    // 1. Import the seed on the import page and create the draft from the reviewed result.
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    await page.getByTestId("nav-importPlan").click();
    // The Dragger keeps its file input outside the element carrying the test id.
    await page.locator('[data-testid="import-upload"] input[type="file"], input[type="file"][accept*=".docx"]').first().setInputFiles(SEED);
    // The demo already issued 63-KH/TU for Thành ủy this year: a number is used once per issuer and year.
    await page.getByTestId("import-field-number").fill("64-KH/TU");
    await page.getByTestId("import-create-plan").click();
    await pickTreeUnit(page, "import-create-plan-issuer", "thanh uy hai phong", ISSUER);
    await confirmUntil(page, "import-create-plan-confirm", async () => /\/plans\/[0-9a-f-]{36}\/tasks$/.test(page.url()));
    const planId = /\/plans\/([0-9a-f-]{36})\//.exec(page.url())![1];
    // Every task of the seed is kept: 4 deadlines from the text, 9 tasks of units the text gives no deadline,
    // proposed at the conference's opening (08:00, 2 June 2026) and marked to be checked, and one task per speech
    // (24, due 11:00 29/5/2026) in place of the call for speeches addressed to "các cấp uỷ … được phân công".
    await expect.poll(() => page.getByTestId("task-what").count()).toBe(37);
    expect(await page.getByTestId("task-deadline").count()).toBe(37);
    await expect.poll(() => page.getByTestId("task-due-to-check").count()).toBe(9);
    const whats = (await page.getByTestId("task-what").allTextContents()).join("\n");
    for (const unit of ["Sở Nội vụ", "Công an thành phố", "Sở Y tế"]) expect(whats).toContain(unit);
    expect(whats).toContain("Gửi tham luận: ");
    expect(await page.getByTestId("plan-issuer").textContent()).toBe(ISSUER);
    // The power company and four speakers of the state tree match no unit the Thành ủy's manager can tell apart: flagged.
    await expect.poll(() => page.getByTestId("task-unmatched").count()).toBe(5);
    await snap(page, "plans-01-draft-from-import");

    // 2. The clerk keeps one proposed deadline (checked) and drops the tasks of units not in the directory.
    await page.getByTestId("task-confirm-due").first().click();
    await expect.poll(() => page.getByTestId("task-due-to-check").count()).toBe(8);
    for (let left = 5; left > 0; left -= 1) {
      const unmatchedRow = page.locator('[data-testid="tasks-table"] tr', { has: page.getByTestId("task-unmatched") }).first();
      await unmatchedRow.getByTestId("task-delete").click();
      await confirmUntil(page, "task-delete-confirm", async () => (await page.getByTestId("task-unmatched").count()) === left - 1);
    }
    await expect.poll(() => page.getByTestId("task-what").count()).toBe(32);

    // 3. Issue: the dialog says what will happen first (32 obligations, the deadlines already past), then issues.
    await page.getByTestId("plan-issue").click();
    await page.getByTestId("issue-preview").waitFor();
    expect(await page.getByTestId("issue-preview-obligations").textContent()).toMatch(/^32 việc cho 24 đơn vị/);
    await snap(page, "plans-01b-issue-preview");
    await confirmUntil(page, "plan-issue-confirm", async () => new RegExp(`/plans/${planId}/board$`).test(page.url()));
    await page.getByTestId("plan-notice").waitFor();
    expect(await page.getByTestId("plan-notice").textContent()).toMatch(/đã qua/);
    expect(await page.getByTestId("plan-status").getAttribute("data-status")).toBe("issued");
    await page.getByTestId("board-totals").waitFor();
    // 32 obligations, all overdue: nobody has submitted and every deadline has passed.
    await expect
      .poll(() => boardCounts(page))
      .toEqual({ expected: 32, submitted: 0, onTime: 0, late: 0, overdue: 32, returned: 0, accepted: 0 });
    await expect.poll(() => boardRow(page, "Ban Tổ chức Thành ủy").count()).toBe(1);
    await expect.poll(() => boardRow(page, "Sở Văn hóa, Thể thao và Du lịch").count()).toBe(1);
    await expect.poll(() => boardRow(page, ASSIGNED).count()).toBe(1);
    expect(await boardRow(page, ASSIGNED).getByTestId("board-row-overdue").count()).toBe(1);
    await snap(page, "plans-02-issued-board");

    // 4. A member of the assigned unit, created through the API as the admin.
    const unit = await findUnit(page, ASSIGNED);
    const created = await callApiFromPage(page, "POST", "/api/users", {
      username: MEMBER,
      fullName: "Cán bộ Ban Tuyên giáo",
      unitId: unit.id,
      password: MEMBER_PASSWORD,
      grants: [{ unitId: unit.id, role: "member" }],
    });
    expect(created.status).toBe(201);
    await signOut(page);

    // 5. The member sees the overdue work and submits a report with a PDF: it is late.
    await signIn(page, baseUrl, MEMBER, MEMBER_PASSWORD);
    await page.getByTestId("nav-myWork").click();
    await page.getByTestId("my-work-link").first().waitFor();
    expect(await page.getByTestId("my-work-time-left").first().textContent()).toMatch(/^quá hạn/);
    // The unit's secret calendar address serves its deadlines without a session.
    await page.getByTestId("calendar-open").click();
    await page.getByRole("dialog").waitFor();
    // Wait for the server's answer itself, so a slow machine fails with the status rather than a missing field.
    const tokenResponse = page.waitForResponse((r) => r.url().includes("/calendar-token") && r.request().method() === "POST");
    await page.getByTestId("calendar-create").click();
    expect((await tokenResponse).status()).toBe(201);
    const feedUrl = await page.getByTestId("calendar-url").inputValue();
    expect(feedUrl).toMatch(/\/api\/calendar\/[^/]+\.ics$/);
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    await page.keyboard.press("Escape");
    await page.getByTestId("my-work-link").first().click();
    await page.waitForURL(/\/obligations\/[0-9a-f-]{36}$/);
    const obligationUrl = page.url();
    await page.getByTestId("submit-text").fill("Báo cáo tham luận của Ban Tuyên giáo và Dân vận.");
    await page
      .getByTestId("submit-form")
      .locator('input[type="file"]')
      .setInputFiles({ name: "tham-luan.pdf", mimeType: "application/pdf", buffer: await reportPdf("Tham luan Ban Tuyen giao") });
    await page.getByTestId("submit-send").click();
    await expect.poll(() => page.getByTestId("obligation-status").getAttribute("data-status")).toBe("submitted");
    await page.getByTestId("obligation-late").waitFor();
    expect(await page.getByTestId("submission-file").first().textContent()).toContain("tham-luan.pdf");
    await snap(page, "plans-03-member-submitted-late");
    await signOut(page);

    // 6. The manager sees one submission, late; returns it with a reason.
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    await openBoard(page, baseUrl, planId);
    await expect
      .poll(() => boardCounts(page))
      .toEqual({ expected: 32, submitted: 1, onTime: 0, late: 1, overdue: 31, returned: 0, accepted: 0 });
    expect(await boardRow(page, ASSIGNED).getByTestId("board-row-late").count()).toBe(1);
    await snap(page, "plans-04-board-after-submission");
    // From the board row to the submission: open the row, follow its obligation.
    await boardRow(page, ASSIGNED).locator("button.ant-table-row-expand-icon").click();
    // The unit owes two things (its speech and its own task); follow the one it submitted.
    await page.locator(`[data-testid="board-obligation-link"][href="${new URL(obligationUrl).pathname}"]`).click();
    await page.waitForURL(obligationUrl);
    await page.getByTestId("review-return").click();
    await page.getByTestId("review-return-reason").fill("Thiếu số liệu phụ lục; hãy bổ sung rồi nộp lại.");
    await confirmUntil(
      page,
      "review-return-confirm",
      async () => (await page.getByTestId("obligation-status").getAttribute("data-status")) === "returned",
    );
    await openBoard(page, baseUrl, planId);
    // Returned means owed again, past the deadline: overdue once more; the late submission stays late.
    await expect
      .poll(() => boardCounts(page))
      .toEqual({ expected: 32, submitted: 0, onTime: 0, late: 1, overdue: 32, returned: 1, accepted: 0 });
    await snap(page, "plans-05-board-after-return");
    await signOut(page);

    // 7. The member reads the reason and resubmits.
    await signIn(page, baseUrl, MEMBER, MEMBER_PASSWORD);
    await page.goto(obligationUrl);
    expect(await page.getByTestId("obligation-returned-reason").textContent()).toContain("Thiếu số liệu phụ lục");
    await page.getByTestId("submit-text").fill("Đã bổ sung số liệu phụ lục.");
    await page
      .getByTestId("submit-form")
      .locator('input[type="file"]')
      .setInputFiles({ name: "tham-luan-bo-sung.pdf", mimeType: "application/pdf", buffer: await reportPdf("Bo sung so lieu") });
    await page.getByTestId("submit-send").click();
    await expect.poll(() => page.getByTestId("obligation-status").getAttribute("data-status")).toBe("submitted");
    await signOut(page);

    // 8. The manager accepts the resubmission; late stays late after acceptance.
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    await page.goto(obligationUrl);
    await page.getByTestId("review-accept").click();
    await confirmUntil(
      page,
      "review-accept-confirm",
      async () => (await page.getByTestId("obligation-status").getAttribute("data-status")) === "accepted",
    );
    await page.getByTestId("obligation-late").waitFor();
    expect(await page.getByTestId("submission").count()).toBe(2);
    await snap(page, "plans-06-accepted");
    await openBoard(page, baseUrl, planId);
    await expect
      .poll(() => boardCounts(page))
      .toEqual({ expected: 32, submitted: 1, onTime: 0, late: 1, overdue: 31, returned: 0, accepted: 1 });
    expect(await boardRow(page, ASSIGNED).getByTestId("board-row-late").count()).toBe(1);
    await snap(page, "plans-07-board-final");

    // 9. The urging letter: first the preview (the late units and what each owes by when), then the letter,
    // numbered from Thành ủy's register of outgoing documents (Party style, a công văn: `Số 1-CV/TU`).
    await page.goto(`${baseUrl}/plans/${planId}`);
    await page.getByTestId("plan-urging-letter").click();
    await page.getByTestId("urging-letter-preview").waitFor();
    const previewText = (await page.getByTestId("urging-letter-preview").textContent()) ?? "";
    expect(previewText).toContain("Sở Y tế");
    expect(previewText).toContain("Quá hạn, chưa gửi");
    await snap(page, "plans-08-urging-letter-preview");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("urging-letter-download").click()]);
    const file = await download.path();
    const letter = await readDocx(readFileSync(file));
    expect(letter.text).toContain("Số 1-CV/TU");
    expect(letter.text).toContain("Hải Phòng, ngày");
    expect(letter.text).toContain("Sở Y tế");
    // Short rows: the unit is not repeated inside what it owes.
    expect(letter.text).not.toContain("Sở Y tế tổ chức ứng trực");
    expect(letter.text).toContain("Tổ chức ứng trực cấp cứu");
  }, 300_000);
});
