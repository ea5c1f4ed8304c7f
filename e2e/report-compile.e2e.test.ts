import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledView } from "../src/contracts/report-compile";
import { readDocx } from "../src/server/platform/documents/testing/read-docx";
import { browserAvailability, callApiFromPage, confirmUntil, pickOption, signIn, signOut, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-tong-hop-4k7";
const MANAGER_PASSWORD = "e2e-tong-hop-quan-ly-2p9";
const SUFFIX = Math.random().toString(36).slice(2, 7);
const MANAGER = `quanly.tonghop.${SUFFIX}`;
const PROVINCE_MANAGER = `quanly.tinh.${SUFFIX}`;
const DISTRICT = `UBND huyện Thử ${SUFFIX}`;
const SEND_BACK = "Bổ sung kết quả hội nghị của xã Cát Tiên.";
const COMMUNES = ["Xã An Lạc", "Xã Bình Minh", "Xã Cát Tiên"];
const CELLS = [10, 7, 12];

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/**
 * The level above in a real browser (issue 8): three communes wrote their section and numbers and submitted; the
 * district's manager opens the compiled view from the plan's report task, searches and filters, picks a whole
 * section and a selected passage, accepts two, returns one with a comment on the heading then excuses it, marks
 * the compiled report final and downloads the .docx and .xlsx, which hold the texts and the totals. The final
 * report is the district's submission to the province: the province's manager sends it back with a comment on its
 * heading, the district's manager sees why at that heading, picks again and marks it final again (a new number),
 * and once the province accepts it, it is locked.
 */
describe.skipIf(!availability.run)("compiled report in a real browser (issue 8)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1440, height: 1000 } });
  let planId = "";
  let taskId = "";
  let provincePlanId = "";

  const api = async (method: string, url: string, body?: unknown, expected = [200, 201]) => {
    const answer = await callApiFromPage(suite.page, method, url, body);
    if (!expected.includes(answer.status)) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown> & { id: string; version: number };
  };

  beforeAll(async () => {
    const { page, baseUrl } = suite;
    // The admin builds the district, its communes, the manager, the plan with its report form, and the communes' reports.
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const province = await api("POST", "/api/units", { name: `UBND tỉnh Thử ${SUFFIX}`, kind: "ubnd", parentId: null, tree: "state" });
    const district = await api("POST", "/api/units", { name: DISTRICT, kind: "ubnd", parentId: province.id });
    const communes = [];
    for (const name of COMMUNES) communes.push(await api("POST", "/api/units", { name, kind: "xa", parentId: district.id }));
    await api("POST", "/api/users", {
      username: MANAGER,
      fullName: "Cán bộ tổng hợp của huyện",
      unitId: district.id,
      password: MANAGER_PASSWORD,
      grants: [{ unitId: district.id, role: "manager" }],
    });
    await api("POST", "/api/users", {
      username: PROVINCE_MANAGER,
      fullName: "Cán bộ tổng hợp của tỉnh",
      unitId: province.id,
      password: MANAGER_PASSWORD,
      grants: [{ unitId: province.id, role: "manager" }],
    });
    // The province asks the district for its report, with the same heading and indicator.
    provincePlanId = (await api("POST", "/api/plans", { issuerUnitId: province.id, title: "Sơ kết 6 tháng toàn tỉnh" })).id;
    const provinceTask = await api("POST", `/api/plans/${provincePlanId}/tasks`, {
      what: "Báo cáo sơ kết 6 tháng của cấp huyện",
      deliverable: "report",
      target: { unitIds: [district.id] },
      dueDate: "2099-07-15",
      dueTime: null,
    });
    const provinceTaskId = (provinceTask.task as { id: string }).id;
    await api("POST", `/api/plans/${provincePlanId}/issue`, { version: (await api("GET", `/api/plans/${provincePlanId}`)).version });
    await headingAndIndicator(await api("POST", `/api/tasks/${provinceTaskId}/report-form`, { from: "empty" }));
    const plan = await api("POST", "/api/plans", { issuerUnitId: district.id, title: "Sơ kết công tác xây dựng Đảng 6 tháng" });
    planId = plan.id;
    const task = await api("POST", `/api/plans/${planId}/tasks`, {
      what: "Báo cáo sơ kết 6 tháng theo đề cương",
      deliverable: "report",
      target: { unitIds: communes.map((c) => c.id) },
      dueDate: "2099-06-30",
      dueTime: null,
    });
    taskId = (task.task as { id: string }).id;
    const version = (await api("GET", `/api/plans/${planId}`)).version;
    await api("POST", `/api/plans/${planId}/issue`, { version });
    // The district answers the province with this plan: its final compiled report is its submission upward.
    const owedUp = ((await api("GET", `/api/tasks/${provinceTaskId}/report-compiled`)) as unknown as CompiledView).units[0];
    await api("POST", `/api/obligations/${owedUp.obligationId}/child-plan`, { planId });
    const { heading, indicator } = await headingAndIndicator(await api("POST", `/api/tasks/${taskId}/report-form`, { from: "empty" }));
    const view = (await api("GET", `/api/tasks/${taskId}/report-compiled`)) as unknown as CompiledView;
    for (const [i, unit] of view.units.entries()) {
      const k = COMMUNES.indexOf(unit.unitName);
      await api("PUT", `/api/obligations/${unit.obligationId}/report/sections/${heading.id}`, {
        version: 0,
        doc: doc(`${unit.unitName} đã tổ chức ${k + 2} hội nghị. Đoạn chọn riêng số ${i}.`),
      });
      const report = await api("GET", `/api/obligations/${unit.obligationId}/report`);
      await api("PUT", `/api/obligations/${unit.obligationId}/report/values`, {
        version: report.version,
        values: [{ indicatorId: indicator.id, value: CELLS[k] }],
      });
      await api("POST", `/api/obligations/${unit.obligationId}/submissions`, { text: "Gửi báo cáo sơ kết." });
    }
    await signOut(page);
  });

  /** A form's heading "I Kết quả thực hiện" with the indicator CB under it. */
  async function headingAndIndicator(made: { id: string; version: number }) {
    let form = await api("POST", `/api/report-forms/${made.id}/headings`, {
      version: made.version,
      parentId: null,
      number: "I",
      heading: "Kết quả thực hiện",
    });
    const heading = (form.headings as Array<{ id: string }>)[0];
    form = await api("POST", `/api/report-forms/${form.id}/indicators`, {
      version: form.version,
      headingId: heading.id,
      code: "CB",
      name: "Tổng số chi bộ",
      kind: "integer",
    });
    return { heading, indicator: (form.indicators as Array<{ id: string }>)[0] };
  }

  const row = (name: string) => suite.page.getByTestId("compiled-units").locator("tr.ant-table-row", { hasText: name });

  /** Sends a unit's report back from the compiled view with a comment on heading I. */
  async function sendBack(name: string, comment: string) {
    const { page } = suite;
    await row(name).getByTestId("compiled-return").click();
    await pickOption(page, page.getByTestId("compiled-return-heading"), "I Kết quả thực hiện");
    await page.getByTestId("compiled-return-comment").fill(comment);
    await confirmUntil(
      page,
      "compiled-return-ok",
      async () => (await row(name).getByTestId("compiled-unit-status").textContent()) === "Bị trả lại",
    );
  }

  /** Signs in and opens the compiled view of a plan's report task. */
  async function openCompiled(username: string, plan: string) {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, username, MANAGER_PASSWORD);
    await page.goto(`${baseUrl}/plans/${plan}/tasks`);
    await page.getByTestId("task-compiled").click();
    await page.getByTestId("compiled-page").waitFor();
  }

  it("the district's manager compiles, reviews, marks final and exports", async () => {
    const { page, baseUrl } = suite;
    await openCompiled(MANAGER, planId);
    await page.getByTestId("compiled-heading-item").first().click();
    await expect.poll(() => page.getByTestId("compiled-unit-text").count()).toBe(3);

    // Search without diacritics, then filter by a unit.
    await page.getByTestId("compiled-search").locator("input").fill("cat tien hoi nghi");
    await page.getByTestId("compiled-search").locator("input").press("Enter");
    await expect.poll(() => page.getByTestId("compiled-unit-text").count()).toBe(1);
    await expect.poll(() => page.getByTestId("compiled-unit-text").textContent()).toContain("Xã Cát Tiên");
    await page.getByTestId("compiled-search").locator("input").fill("");
    await page.getByTestId("compiled-search").locator("input").press("Enter");
    await expect.poll(() => page.getByTestId("compiled-unit-text").count()).toBe(3);
    await pickOption(page, page.getByTestId("compiled-filter-unit"), "Xã Bình Minh");
    await expect.poll(() => page.getByTestId("compiled-units").locator("tr.ant-table-row").count()).toBe(1);
    await page.getByTestId("compiled-filter-unit").locator(".ant-select-clear").click({ force: true });
    await expect.poll(() => page.getByTestId("compiled-units").locator("tr.ant-table-row").count()).toBe(3);

    // Pick the whole section of the first unit, then a selected passage of the second.
    await page.getByTestId("compiled-pick").first().click();
    await expect.poll(() => page.getByTestId("compiled-draft-text").textContent()).toContain("Xã An Lạc:");
    const second = page.getByTestId("compiled-unit-body").nth(1);
    await second.evaluate((el) => {
      const text = el.firstChild as Text;
      const start = (text.textContent ?? "").indexOf("Đoạn chọn riêng");
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, (text.textContent ?? "").length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    await page.getByTestId("compiled-pick").nth(1).click();
    await expect.poll(() => page.getByTestId("compiled-draft-text").textContent()).toMatch(/Xã Bình Minh:\s*Đoạn chọn riêng số \d\./);
    expect(await page.getByTestId("compiled-draft-text").textContent()).not.toContain("Xã Bình Minh đã tổ chức");

    // Edit the draft in the shared editor and save it.
    await page.getByTestId("compiled-draft-text").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Toàn huyện đã tổng kết đúng hạn.");
    await page.getByTestId("compiled-draft-save").click();
    await expect.poll(() => page.getByTestId("compiled-draft-save").isDisabled()).toBe(true);
    await page.reload();
    await page.getByTestId("compiled-page").waitFor();
    await expect.poll(() => page.getByTestId("compiled-draft-text").textContent()).toContain("Toàn huyện đã tổng kết đúng hạn.");

    // Final is refused while units are pending: the message names them.
    await page.getByTestId("compiled-final").click();
    await confirmUntil(page, "compiled-final-ok", async () => (await page.locator(".ant-message", { hasText: "Xã An Lạc" }).count()) > 0);

    // Accept two, return the third with a comment on the heading, then excuse it.
    await row("Xã An Lạc").getByTestId("compiled-accept").click();
    await expect.poll(() => row("Xã An Lạc").getByTestId("compiled-unit-status").textContent()).toBe("Đã tiếp nhận");
    await row("Xã Cát Tiên").getByTestId("compiled-accept").click();
    await expect.poll(() => row("Xã Cát Tiên").getByTestId("compiled-unit-status").textContent()).toBe("Đã tiếp nhận");
    await sendBack("Xã Bình Minh", "Chưa nêu số đảng viên mới.");
    await expect.poll(() => row("Xã Bình Minh").textContent()).toContain("Mục I Kết quả thực hiện: Chưa nêu số đảng viên mới.");
    // The reason shows at the section it concerns on the unit's report page.
    const returned = ((await callApiFromPage(page, "GET", `/api/tasks/${taskId}/report-compiled`)).body as CompiledView).units.find(
      (u) => u.unitName === "Xã Bình Minh",
    );
    await page.goto(`${baseUrl}/obligations/${returned?.obligationId}/report`);
    await expect
      .poll(() => page.getByTestId("report-heading").first().getByTestId("report-comment").textContent())
      .toContain("Chưa nêu số đảng viên mới.");
    await page.goBack();
    await page.getByTestId("compiled-page").waitFor();
    await row("Xã Bình Minh").getByTestId("compiled-excuse").click();
    await page.getByTestId("compiled-excuse-note").fill("Xã đang sáp nhập, báo cáo chung với xã An Lạc.");
    await confirmUntil(page, "compiled-excuse-ok", async () => ((await row("Xã Bình Minh").textContent()) ?? "").includes("Được miễn"));
    await snap(page, "report-compile-01-reviewed");

    await page.getByTestId("compiled-final").click();
    await confirmUntil(page, "compiled-final-ok", async () =>
      /Đã chốt, số 1\/BC-/.test((await page.getByTestId("compiled-status").textContent()) ?? ""),
    );
    await expect.poll(() => page.getByTestId("compiled-final").count()).toBe(0);
    await expect.poll(() => page.getByTestId("compiled-pick").count()).toBe(0);
    await snap(page, "report-compile-02-final");

    const [docx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("compiled-export-docx").click()]);
    const { text } = await readDocx(readFileSync((await docx.path()) as string));
    expect(text).toMatch(/Số: 1\/BC-/);
    expect(text).toContain("Xã An Lạc đã tổ chức 2 hội nghị.");
    expect(text).toContain("Toàn huyện đã tổng kết đúng hạn.");
    expect(text).toContain("Tổng số chi bộ");
    // Xã Bình Minh's report was sent back, then excused: its 7 cells, never sent again, are not in the totals.
    expect(text).toContain("22");

    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("compiled-export-xlsx").click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path()) as string);
    const sheet = workbook.worksheets[0];
    const totals = sheet.getRow(sheet.rowCount);
    expect(totals.getCell(2).value).toBe("Tổng cộng");
    expect(totals.getCell(3).value).toMatchObject({ formula: "SUM(C5:C7)", result: 22 });
    await signOut(page);
  }, 240_000);

  it("the province sends the final report back; the district reopens it, marks it final again; accepted, it is locked", async () => {
    const { page } = suite;
    await openCompiled(PROVINCE_MANAGER, provincePlanId);
    await expect.poll(() => row(DISTRICT).getByTestId("compiled-unit-status").textContent()).toBe("Chờ xem xét");
    await sendBack(DISTRICT, SEND_BACK);
    await signOut(page);

    await openCompiled(MANAGER, planId);
    await expect.poll(() => page.getByTestId("compiled-status").textContent()).toBe("Cấp trên trả lại để sửa");
    await expect.poll(() => page.getByTestId("compiled-upward-returned").textContent()).toContain(SEND_BACK);
    await page.getByTestId("compiled-heading-item").first().click();
    await expect.poll(() => page.getByTestId("compiled-upward-comment").textContent()).toContain(SEND_BACK);
    await expect.poll(() => page.getByTestId("compiled-unit-text").count()).toBe(3);
    await page.getByTestId("compiled-unit-text").filter({ hasText: "Xã Cát Tiên" }).getByTestId("compiled-pick").click();
    await expect.poll(() => page.getByTestId("compiled-draft-text").textContent()).toContain("Xã Cát Tiên:");
    await snap(page, "report-compile-03-reopened");
    await page.getByTestId("compiled-final").click();
    await confirmUntil(page, "compiled-final-ok", async () =>
      /Đã chốt, số 2\/BC-/.test((await page.getByTestId("compiled-status").textContent()) ?? ""),
    );
    await expect.poll(() => page.getByTestId("compiled-pick").count()).toBe(0);
    await signOut(page);

    await openCompiled(PROVINCE_MANAGER, provincePlanId);
    await row(DISTRICT).getByTestId("compiled-accept").click();
    await expect.poll(() => row(DISTRICT).getByTestId("compiled-unit-status").textContent()).toBe("Đã tiếp nhận");
    await signOut(page);

    await openCompiled(MANAGER, planId);
    await expect.poll(() => page.getByTestId("compiled-status").textContent()).toMatch(/Cấp trên đã tiếp nhận, số 2\/BC-/);
    await page.getByTestId("compiled-upward-accepted").waitFor();
    expect(await page.getByTestId("compiled-final").count()).toBe(0);
    expect(await page.getByTestId("compiled-pick").count()).toBe(0);
  }, 240_000);
});
