import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportForm, UnitReport } from "../src/contracts/reports";
import type { MyWork } from "../src/contracts/tracking";
import { DEMO_PASSWORD } from "../src/server/db/seed/demo";
import { reportDocx } from "../src/server/modules/reports/testing";
import { browserAvailability, callApiFromPage, findUnit, pickOption, signIn, signOut, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-bao-cao-7q2";
const CLERK = "ubnd.donghai";
const TASK = `Báo cáo sơ kết công tác quốc phòng ${Math.random().toString(36).slice(2, 7)}`;

/** A report task for Phường Đông Hải with a form (two headings, two indicators with a `≤` rule), issued; as the admin. */
async function owedReport(page: Page): Promise<{ headings: Record<string, string> }> {
  const ward = await findUnit(page, "Phường Đông Hải");
  const api = async (method: string, url: string, body?: unknown) => {
    const answer = await callApiFromPage(page, method, url, body);
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { id: string; version: number } & Record<string, unknown>;
  };
  const plan = await api("POST", "/api/plans", { issuerUnitId: ward.parentId, title: `Kế hoạch ${TASK}` });
  const { task } = (await api("POST", `/api/plans/${plan.id}/tasks`, {
    what: TASK,
    deliverable: "report",
    target: { unitIds: [ward.id] },
    dueDate: "2026-12-20",
  })) as unknown as { task: { id: string } };
  let form = (await api("POST", `/api/tasks/${task.id}/report-form`, { from: "empty" })) as unknown as ReportForm;
  const heading = async (number: string, text: string, guidance: string) => {
    form = (await api("POST", `/api/report-forms/${form.id}/headings`, {
      version: form.version,
      parentId: null,
      number,
      heading: text,
      guidance,
    })) as unknown as ReportForm;
    return form.headings.find((h) => h.number === number)?.id as string;
  };
  const headings = {
    I: await heading("I", "Tình hình chung", "Nêu khái quát tình hình địa phương."),
    II: await heading("II", "Kết quả thực hiện", "Nêu kết quả và số liệu."),
    III: await heading("III", "Phương hướng năm 2027", ""),
  };
  form = (await api("POST", `/api/report-forms/${form.id}/indicators`, {
    version: form.version,
    headingId: headings.II,
    code: "CB",
    name: "Tổng số chi bộ",
    kind: "integer",
    min: 0,
  })) as unknown as ReportForm;
  const cells = form.indicators[0].id;
  form = (await api("POST", `/api/report-forms/${form.id}/indicators`, {
    version: form.version,
    headingId: headings.II,
    code: "CBD",
    name: "Số chi bộ đạt",
    kind: "integer",
    min: 0,
    notAboveId: cells,
  })) as unknown as ReportForm;
  const draft = await api("GET", `/api/plans/${plan.id}`);
  await api("POST", `/api/plans/${plan.id}/issue`, { version: draft.version });
  return { headings };
}

const editor = (page: Page, headingId: string) => page.getByTestId(`section-${headingId}`);
const status = (page: Page, headingId: string) => page.getByTestId(`section-${headingId}-status`);

async function report(page: Page, obligationId: string): Promise<UnitReport> {
  return (await callApiFromPage(page, "GET", `/api/obligations/${obligationId}/report`)).body as UnitReport;
}
const sectionText = async (page: Page, obligationId: string, headingId: string) =>
  JSON.stringify((await report(page, obligationId)).sections.find((s) => s.headingId === headingId)?.doc ?? {});

describe.skipIf(!availability.run)("a commune writes its report along the outline in a real browser (issue #8)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);
  // The test closes its page and opens others in the same context (a draft kept offline, a second tab): a context of
  // its own, which the suite's page (whose context closes with it) is not.
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "vi-VN" });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });

  it("writes, autosaves, checks numbers, survives a reload, an offline spell and a second tab, and places a .docx", async () => {
    const { baseUrl } = suite;
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const { headings } = await owedReport(page);
    await signOut(page);

    // 1. The commune's clerk finds the report in "Việc của tôi" and opens it from the obligation page.
    await signIn(page, baseUrl, CLERK, DEMO_PASSWORD);
    const work = (await callApiFromPage(page, "GET", "/api/my-work")).body as MyWork;
    const item = work.items.find((i) => i.task.what === TASK);
    expect(item?.task.hasReportForm).toBe(true);
    const obligationId = item?.obligationId as string;
    await page.getByTestId("nav-myWork").click();
    await page.locator(`[data-obligation-id="${obligationId}"]`).getByTestId("my-work-report-link").click();
    await page.waitForURL((url) => url.pathname === `/obligations/${obligationId}/report`);
    await page.goto(`${baseUrl}/obligations/${obligationId}`);
    await page.getByTestId("obligation-report-link").click();
    await page.waitForURL((url) => url.pathname === `/obligations/${obligationId}/report`);
    await expect.poll(() => page.getByTestId("report-heading").count()).toBe(3);
    expect(await page.getByTestId("report-guidance").first().textContent()).toBe("Nêu khái quát tình hình địa phương.");

    // 2. Writing with every toolbar button; the text saves itself.
    await editor(page, headings.I).click();
    await page.keyboard.type("Tình hình an ninh ổn định. ");
    for (const tool of ["bold", "italic", "underline"]) {
      await page.getByTestId(`section-${headings.I}-${tool}`).click();
      await page.keyboard.type(`chữ ${tool} `);
      await page.getByTestId(`section-${headings.I}-${tool}`).click();
    }
    for (const list of ["bulletList", "orderedList"]) {
      await page.keyboard.press("Enter");
      await page.getByTestId(`section-${headings.I}-${list}`).click();
      await page.keyboard.type(`mục ${list}`);
      // Enter on an empty item leaves the list.
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
    }
    await page.getByTestId(`section-${headings.I}-table`).click();
    await page.keyboard.type("Ô bảng");
    await page.getByTestId(`section-${headings.I}-addRow`).click();
    await expect.poll(() => editor(page, headings.I).locator("tr").count()).toBe(4);
    await page.getByTestId(`section-${headings.I}-deleteTable`).click();
    await expect.poll(() => editor(page, headings.I).locator("table").count()).toBe(0);
    await expect.poll(() => status(page, headings.I).textContent()).toMatch(/^Đã lưu lúc \d\d:\d\d$/);
    const saved = await sectionText(page, obligationId, headings.I);
    for (const part of ['"bold"', '"italic"', '"underline"', '"bulletList"', '"orderedList"', "Tình hình an ninh ổn định."])
      expect(saved).toContain(part);
    await snap(page, "report-writing-01-autosaved");

    // 3. After a reload the text is there.
    await page.reload();
    await expect.poll(() => editor(page, headings.I).textContent()).toContain("Tình hình an ninh ổn định.");

    // 4. Numbers checked as typed: the broken rule is named and the save is held back.
    await page.getByTestId("indicator-CB").fill("5");
    await page.getByTestId("indicator-CBD").fill("8");
    await expect
      .poll(() => page.getByTestId("indicator-problems").textContent())
      .toContain("«Số chi bộ đạt» không được lớn hơn «Tổng số chi bộ» (8 > 5)");
    expect(await page.getByTestId("indicators-save").isDisabled()).toBe(true);
    await page.getByTestId("indicator-CBD").fill("3");
    await expect.poll(() => page.getByTestId("indicator-problems").count()).toBe(0);
    await page.getByTestId("indicators-save").click();
    await expect.poll(async () => (await report(page, obligationId)).values.map((v) => v.value)).toEqual([5, 3]);

    // 5. Word's HTML pasted with script, handlers, a javascript: link and foreign tags: only the text survives.
    await editor(page, headings.II).click();
    await editor(page, headings.II).evaluate((el) => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        '<p style="color:red" onclick="alert(1)">Đoạn dán từ Word <a href="javascript:alert(2)">liên kết</a></p><script>alert(3)</script><img src=x onerror="alert(4)"><iframe src="https://evil.example"></iframe><svg onload="alert(5)"><text>vẽ</text></svg><style>p{display:none}</style><table><tr><td onmouseover="alert(6)">ô</td></tr></table>',
      );
      data.setData("text/plain", "Đoạn dán từ Word");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => status(page, headings.II).textContent()).toMatch(/^Đã lưu lúc/);
    const pasted = await sectionText(page, obligationId, headings.II);
    expect(pasted).toContain("Đoạn dán từ Word");
    expect(pasted).not.toMatch(/alert|script|onerror|onclick|javascript|iframe|svg|style|href|src/);

    // 6. Offline: the typing stays on this machine, and comes back (and is saved) when the tab is opened again.
    await context.setOffline(true);
    await editor(page, headings.III).click();
    await page.keyboard.type("Viết khi mất mạng.");
    await expect
      .poll(() => status(page, headings.III).textContent(), { timeout: 30_000 })
      .toContain("Chưa lưu được — bản nháp giữ trên máy");
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`${baseUrl}/obligations/${obligationId}/report`);
    await expect.poll(() => editor(page, headings.III).textContent()).toBe("Viết khi mất mạng.");
    await expect.poll(() => sectionText(page, obligationId, headings.III)).toContain("Viết khi mất mạng.");

    // 7. A second tab saves the same heading: this tab is told, sees both copies, and keeps its own.
    const other = await context.newPage();
    await other.goto(`${baseUrl}/obligations/${obligationId}/report`);
    await editor(other, headings.I).click();
    await other.keyboard.press("Control+End");
    await other.keyboard.type(" Thêm từ thẻ thứ hai.");
    await expect.poll(() => sectionText(other, obligationId, headings.I)).toContain("Thêm từ thẻ thứ hai.");
    await editor(page, headings.I).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Thêm từ thẻ thứ nhất.");
    await page.getByTestId(`section-${headings.I}-conflict`).waitFor();
    expect(await page.getByTestId(`section-${headings.I}-conflict`).textContent()).toContain(
      "Mục này vừa được lưu ở nơi khác (thẻ/máy khác)",
    );
    expect(await page.getByTestId(`section-${headings.I}-server`).textContent()).toContain("Thêm từ thẻ thứ hai.");
    expect(await page.getByTestId(`section-${headings.I}-mine`).textContent()).toContain("Thêm từ thẻ thứ nhất.");
    await snap(page, "report-writing-02-conflict");
    await page.getByTestId(`section-${headings.I}-keep-mine`).click();
    await expect.poll(() => status(page, headings.I).textContent()).toMatch(/^Đã lưu lúc/);
    expect(await sectionText(page, obligationId, headings.I)).toContain("Thêm từ thẻ thứ nhất.");
    // The second tab, now behind, takes the server's copy when it writes again.
    await other.keyboard.type(" Nữa.");
    await other.getByTestId(`section-${headings.I}-take-server`).click();
    await expect.poll(() => editor(other, headings.I).textContent()).toContain("Thêm từ thẻ thứ nhất.");
    await other.close();

    // 8. A .docx of the whole report: matched headings, the unmatched one placed by hand, the empty ones named.
    const file = await reportDocx([
      { text: "I. TINH HINH CHUNG", heading: true },
      "Tình hình từ tệp Word.",
      { text: "IV. Kiến nghị", heading: true },
      "Đề nghị hỗ trợ kinh phí.",
    ]);
    const upload = page.locator('input[type="file"][accept=".docx"]');
    await upload.setInputFiles({
      name: "bao-cao.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: file,
    });
    await page.getByTestId("report-docx-blocks").waitFor();
    await page.getByTestId("report-docx-cancel").click();
    await expect.poll(() => page.getByTestId("report-docx-blocks").isVisible()).toBe(false);
    // This time through the button itself, as a user presses it.
    const chooser = page.waitForEvent("filechooser");
    await page.getByTestId("report-docx-upload").click();
    await (await chooser).setFiles({
      name: "bao-cao.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: file,
    });
    await expect.poll(() => page.getByTestId("docx-block-matched").count()).toBe(1);
    expect(await page.getByTestId("docx-block-unmatched").textContent()).toContain("IV. Kiến nghị");
    expect(await page.getByTestId("report-docx-empty-headings").textContent()).toContain("II. Kết quả thực hiện");
    await page.getByTestId("report-docx-confirm").waitFor({ state: "visible" });
    await snap(page, "report-writing-03-docx-preview");
    await pickOption(page, page.getByTestId("docx-block-unmatched").getByTestId("docx-block-heading"), "III. Phương hướng năm 2027");
    await page.getByTestId("report-docx-confirm").click();
    await expect.poll(() => editor(page, headings.III).textContent()).toBe("Đề nghị hỗ trợ kinh phí.");
    expect(await editor(page, headings.I).textContent()).toBe("Tình hình từ tệp Word.");
    expect(await sectionText(page, obligationId, headings.III)).toContain("Đề nghị hỗ trợ kinh phí.");
  });
});
