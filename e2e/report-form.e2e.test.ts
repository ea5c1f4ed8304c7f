import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PlanDetail } from "../src/contracts/plans";
import type { ReportForm } from "../src/contracts/reports";
import { readPlanText } from "../src/domain/importer/index";
import { DEMO_PASSWORD } from "../src/server/db/seed/demo";
import { ANNEXED_PLAN } from "../src/server/modules/reports/testing";
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
const ADMIN_PASSWORD = "e2e-de-cuong-5m1";
const MANAGER = "thammuu.bochqs";
const SUFFIX = Math.random().toString(36).slice(2, 7);
const READER = `docgia.bochqs.${SUFFIX}`;
const READER_PASSWORD = "e2e-doc-gia-8x3";
const TITLE = `Kế hoạch thử đề cương ${SUFFIX}`;

const section = (number: string, heading: string, text = "", children: unknown[] = []) => ({ number, heading, text, children });

async function api(page: Page, method: string, url: string, body?: unknown) {
  const answer = await callApiFromPage(page, method, url, body);
  if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown> & { id: string; version: number };
}

/**
 * The form builder pressed button by button by the plan's manager; a reader of the plan sees no way in. A plan
 * made from an import keeps its annexes, and the manager makes a form from its report outline annex.
 */
describe.skipIf(!availability.run)("the report form builder in a real browser (issue 8)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);

  it("makes a form from the plan's outline, edits its tree, adds indicators with rules and shows refusals", async () => {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const bo = await findUnit(page, "Bộ CHQS thành phố Hải Phòng");
    const plan = await api(page, "POST", "/api/plans", {
      issuerUnitId: bo.id,
      title: TITLE,
      sections: [
        section("I", "MỤC ĐÍCH, YÊU CẦU", "Nắm chắc tình hình."),
        section("II", "NỘI DUNG", "", [
          section("A", "NỘI DUNG BÁO CÁO", "", [
            section("I", "Đặc điểm tình hình", "Nêu khái quát."),
            section("II", "Kết quả thực hiện", "", [section("1", "Công tác tuyển quân", "Số liệu cụ thể.")]),
          ]),
        ]),
      ],
    });
    const task = (await api(page, "POST", `/api/plans/${plan.id}/tasks`, {
      what: "Báo cáo kết quả theo đề cương",
      deliverable: "report",
      target: { unitIds: [bo.id] },
      dueDate: "2099-06-30",
    })) as unknown as { task: { id: string } };
    const second = (await api(page, "POST", `/api/plans/${plan.id}/tasks`, {
      what: "Báo cáo bổ sung",
      deliverable: "report",
      target: { unitIds: [bo.id] },
      dueDate: "2099-07-30",
    })) as unknown as { task: { id: string } };
    await api(page, "POST", "/api/users", {
      username: READER,
      fullName: "Người đọc kế hoạch",
      unitId: bo.id,
      password: READER_PASSWORD,
      grants: [{ unitId: bo.id, role: "member" }],
    });
    await signOut(page);

    // A member of the issuing unit reads the plan but has no way into the form builder.
    await signIn(page, baseUrl, READER, READER_PASSWORD);
    await page.goto(`${baseUrl}/plans/${plan.id}/tasks`);
    await page.getByTestId("tasks-table").waitFor();
    await expect.poll(() => page.getByTestId("task-what").count()).toBe(2);
    expect(await page.getByTestId("task-report-form").count()).toBe(0);
    await signOut(page);

    // 1. The manager opens the first task's form and makes it from the plan's "A. NỘI DUNG BÁO CÁO".
    await signIn(page, baseUrl, MANAGER, DEMO_PASSWORD);
    await page.goto(`${baseUrl}/plans/${plan.id}/tasks`);
    await page.locator("tr", { hasText: "Báo cáo kết quả theo đề cương" }).getByTestId("task-report-form").click();
    await page.getByTestId("report-form-create-card").waitFor();
    await page.getByTestId("report-form-section").click();
    await page.locator(".ant-select-tree-node-content-wrapper[title='A NỘI DUNG BÁO CÁO']").click();
    await page.getByTestId("report-form-create").click();
    await expect.poll(() => page.getByTestId("report-form-heading").count()).toBe(3);
    expect(await page.getByTestId("report-form-heading-title").allTextContents()).toEqual([
      "I Đặc điểm tình hình",
      "II Kết quả thực hiện",
      "1 Công tác tuyển quân",
    ]);
    const heading = (n: number) => page.getByTestId("report-form-heading").nth(n);

    // 2. Add a top heading, then a refused one (no text), rename, move, nest and delete.
    await page.getByTestId("report-form-add-heading").click();
    await page.getByTestId("report-heading-number").fill("III");
    await page.getByTestId("report-heading-text").fill("Phương hướng");
    await page.getByTestId("report-heading-guidance").fill("Nêu nhiệm vụ năm tới.");
    await page.getByTestId("report-heading-ok").click();
    await expect.poll(() => page.getByTestId("report-form-heading").count()).toBe(4);
    await page.getByTestId("report-form-add-heading").click();
    await page.getByTestId("report-heading-number").fill("IV");
    await page.getByTestId("report-heading-ok").click();
    await expect.poll(() => page.getByTestId("report-form-dialog-error").textContent()).toMatch(/[ạảãáàâăêôơưđ]/);
    await page.getByTestId("report-heading-text").fill("Kiến nghị");
    await page.getByTestId("report-heading-ok").click();
    await expect.poll(() => page.getByTestId("report-form-heading").count()).toBe(5);
    await heading(4).getByTestId("report-form-heading-edit").click();
    await page.getByTestId("report-heading-text").fill("Kiến nghị, đề xuất");
    await page.getByTestId("report-heading-ok").click();
    await expect.poll(() => heading(4).getByTestId("report-form-heading-title").textContent()).toBe("IV Kiến nghị, đề xuất");
    await heading(4).getByTestId("report-form-heading-up").click();
    await expect.poll(() => heading(3).getByTestId("report-form-heading-title").textContent()).toBe("IV Kiến nghị, đề xuất");
    await heading(3).getByTestId("report-form-heading-down").click();
    await expect.poll(() => heading(4).getByTestId("report-form-heading-title").textContent()).toBe("IV Kiến nghị, đề xuất");
    await heading(1).getByTestId("report-form-heading-add-child").click();
    await page.getByTestId("report-heading-number").fill("2");
    await page.getByTestId("report-heading-text").fill("Công tác dân quân");
    await page.getByTestId("report-heading-ok").click();
    await expect.poll(() => heading(3).getByTestId("report-form-heading-title").textContent()).toBe("2 Công tác dân quân");
    // Move "IV" under "II" through the edit dialog, then delete it.
    await heading(5).getByTestId("report-form-heading-edit").click();
    await pickOption(page, page.getByTestId("report-heading-parent"), "II Kết quả thực hiện");
    await page.getByTestId("report-heading-ok").click();
    await expect.poll(() => heading(4).getByTestId("report-form-heading-title").textContent()).toBe("IV Kiến nghị, đề xuất");
    await heading(4).getByTestId("report-form-heading-delete").click();
    await confirmUntil(page, "report-form-heading-delete-ok", async () => (await page.getByTestId("report-form-heading").count()) === 5);

    // 3. Indicators: two entered, a `≤` rule, a computed ratio; a taken code and a loop are refused in Vietnamese.
    const addIndicator = async (at: number, code: string, name: string, rule: () => Promise<void> = async () => {}) => {
      await heading(at).getByTestId("report-form-add-indicator").click();
      await page.getByTestId("indicator-code").fill(code);
      await page.getByTestId("indicator-name").fill(name);
      await page.getByTestId("indicator-unit").fill("người");
      await rule();
      await page.getByTestId("indicator-ok").click();
    };
    const choose = (testId: string, title: string) => pickOption(page, page.getByTestId(testId), title);
    await addIndicator(2, "TQ", "Chỉ tiêu giao quân");
    await expect.poll(() => page.getByTestId("report-form-indicator").count()).toBe(1);
    await addIndicator(2, "NN", "Số thanh niên nhập ngũ", () => choose("indicator-not-above", "TQ — Chỉ tiêu giao quân"));
    await expect.poll(() => page.getByTestId("report-form-indicator").count()).toBe(2);
    await addIndicator(2, "TQ", "Trùng mã");
    await expect.poll(() => page.getByTestId("report-form-dialog-error").textContent()).toContain("Mã chỉ tiêu «TQ» đã dùng");
    await page.getByTestId("indicator-code").fill("TL");
    await page.getByTestId("indicator-name").fill("Tỷ lệ hoàn thành");
    await choose("indicator-kind", "Tỷ lệ %");
    await page.locator("input[data-testid=indicator-min], [data-testid=indicator-min] input").first().fill("");
    await choose("indicator-numerator", "NN — Số thanh niên nhập ngũ");
    await choose("indicator-denominator", "TQ — Chỉ tiêu giao quân");
    await page.getByTestId("indicator-ok").click();
    await expect.poll(() => page.getByTestId("report-form-indicator").count()).toBe(3);
    await page.locator("[data-testid=report-form-indicator][data-code=TQ]").getByTestId("report-form-indicator-edit").click();
    await choose("indicator-not-above", "NN — Số thanh niên nhập ngũ");
    await page.getByTestId("indicator-ok").click();
    await expect.poll(() => page.getByTestId("report-form-dialog-error").textContent()).toContain("vòng lặp");
    await page.getByTestId("indicator-not-above").locator(".ant-select-clear").click({ force: true });
    await page.getByTestId("indicator-unit").fill("người (chỉ tiêu)");
    await page.getByTestId("indicator-ok").click();
    await expect.poll(() => page.getByTestId("report-form-dialog-error").count()).toBe(0);
    expect(await page.getByTestId("report-form-rule").allTextContents()).toEqual(["≥ 0", "≥ 0", "≤ TQ", "= NN ÷ TQ × 100"]);
    await page.locator("[data-testid=report-form-indicator][data-code=TL]").getByTestId("report-form-indicator-delete").click();
    await page.getByTestId("report-form-indicator-delete-ok").click();
    await expect.poll(() => page.getByTestId("report-form-indicator").count()).toBe(2);
    await snap(page, "report-form-01-built");

    const form = (await api(page, "GET", `/api/tasks/${task.task.id}/report-form`)) as unknown as ReportForm;
    expect(form.headings.map((h) => `${h.depth}:${h.number} ${h.heading}`)).toEqual([
      "0:I Đặc điểm tình hình",
      "0:II Kết quả thực hiện",
      "1:1 Công tác tuyển quân",
      "1:2 Công tác dân quân",
      "0:III Phương hướng",
    ]);
    expect(form.indicators.map((i) => `${i.code}:${i.unitOfMeasure}`)).toEqual(["TQ:người (chỉ tiêu)", "NN:người"]);

    // 4. The second task copies the first one's form.
    await page.goto(`${baseUrl}/plans/${plan.id}/tasks`);
    await page.locator("tr", { hasText: "Báo cáo bổ sung" }).getByTestId("task-report-form").click();
    await page.getByTestId("report-form-source-form").click();
    await choose("report-form-other-plan", TITLE);
    await choose("report-form-other-task", "Báo cáo kết quả theo đề cương");
    await page.getByTestId("report-form-create").click();
    await expect.poll(() => page.getByTestId("report-form-heading").count()).toBe(5);
    await expect.poll(() => page.getByTestId("report-form-indicator").count()).toBe(2);
    const copy = (await api(page, "GET", `/api/tasks/${second.task.id}/report-form`)) as unknown as ReportForm;
    expect(copy.id).not.toBe(form.id);
    expect(copy.indicators.find((i) => i.code === "NN")?.notAboveId).toBe(copy.indicators.find((i) => i.code === "TQ")?.id);
    await signOut(page);
  }, 240_000);

  it("makes a form from the «ĐỀ CƯƠNG BÁO CÁO» annex an imported plan kept", async () => {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, MANAGER, DEMO_PASSWORD);
    const bo = await findUnit(page, "Bộ CHQS thành phố Hải Phòng");
    // The plan as the importer read it, annex and all; its report task asks for the report along that outline.
    const imported = (await api(page, "POST", "/api/plans/from-import", {
      result: readPlanText(ANNEXED_PLAN),
      issuerUnitId: bo.id,
    })) as unknown as { plan: PlanDetail };
    expect(imported.plan.annexes).toHaveLength(1);
    await api(page, "POST", `/api/plans/${imported.plan.id}/tasks`, {
      what: "Gửi báo cáo sơ kết theo đề cương kèm theo",
      deliverable: "report",
      target: { unitIds: [bo.id] },
      dueDate: "2099-06-20",
    });
    await page.goto(`${baseUrl}/plans/${imported.plan.id}/tasks`);
    await page.locator("tr", { hasText: "Gửi báo cáo sơ kết theo đề cương kèm theo" }).getByTestId("task-report-form").click();
    await page.getByTestId("report-form-create-card").waitFor();
    // The plan's own outline has no report headings to speak of; the annex is the outline.
    await page.getByTestId("report-form-source-annex").click();
    const annex = "ĐỀ CƯƠNG BÁO CÁO SƠ KẾT 6 THÁNG ĐẦU NĂM 2025";
    await pickOption(page, page.getByTestId("report-form-annex"), annex);
    await page.getByTestId("report-form-create").click();
    await expect.poll(() => page.getByTestId("report-form-heading").count()).toBe(6);
    expect(await page.getByTestId("report-form-heading-title").allTextContents()).toEqual([
      "Phần thứ nhất KẾT QUẢ THỰC HIỆN",
      "I Công tác lãnh đạo, chỉ đạo",
      "1 Việc ban hành văn bản",
      "2 Công tác kiểm tra",
      "II Kết quả cụ thể",
      "Phần thứ hai PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM",
    ]);
    await snap(page, "report-form-02-from-annex");
  }, 240_000);
});
