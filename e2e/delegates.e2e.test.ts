import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { delegateSheetColumns } from "../src/contracts/delegates";
import { downloaded, firstPageAsPng, openPdf } from "./documents";
import { answerPersonalLink, type PersonalAnswer, takePersonalLink } from "./door-support";
import {
  artifactsDir,
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
const ADMIN_PASSWORD = "e2e-quan-tri-dai-bieu-4x9";
const DEMO_PASSWORD = "kehoach-demo";
/** The demo's organiser (manager of the city People's Committee) and a ward's officer (README). */
const ORGANISER = "chuyenvien.ubnd";
const ISSUER = "Ủy ban nhân dân thành phố Hải Phòng";
const WARD = { user: "ubnd.donghai", unit: "Phường Đông Hải" };

const row = (page: Page, table: string, text: string) => page.locator(`[data-testid="${table}"] tr`, { hasText: text });

/** Eight valid delegates and three rows the import must refuse (no name, a broken phone, a duplicate of row 2). */
async function delegateSheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đại biểu");
  sheet.addRow(Object.values(delegateSheetColumns));
  const valid = [
    ["Nguyễn Văn An", "Bí thư Đảng ủy", WARD.unit, "", "0912 345 601", "an@example.vn", 10],
    ["Trần Thị Bình", "Chủ tịch UBND", WARD.unit, "", "0912345602", "", 11],
    ["Lê Văn Cường", "Chủ tịch UBND", "Xã Thanh Hà", "", "+84 912 345 603", "", 12],
    ["Phạm Thị Dung", "Phó Chủ tịch", "Xã Thanh Hà", "", "(0225) 3 842 123", "", 13],
    ["Hoàng Văn Em", "Phóng viên", "Báo Hải Phòng", "", "", "", 50],
    ["Võ Thị Phương", "Đại biểu", "Sở Nội vụ", "", "", "", 20],
    ["Đặng Văn Giang", "Đại biểu", "Sở Tài chính", "", "", "", 21],
    ["Bùi Thị Hoa", "Đại biểu", "Sở Y tế", "", "", "", 22],
  ];
  for (const r of valid.slice(0, 2)) sheet.addRow(r);
  sheet.addRow(["", "Chủ tịch UBND", "Xã Thanh Hà", "", "0912000000", "", 30]);
  sheet.addRow(["Đỗ Văn Sai Số", "Đại biểu", "Sở Xây dựng", "", "091234", "", 31]);
  sheet.addRow(["NGUYỄN VĂN AN", "Bí thư", WARD.unit, "", "", "", 32]);
  for (const r of valid.slice(2)) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The input of a form control, whether antd put the test id on the input or on its wrapper. */
const inputOf = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe.skipIf(!availability.run)("delegates from invitation to confirmation in a real browser (issue 10)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD, { viewport: { width: 1500, height: 1000 } });

  it("imports delegates with a row report, asks a ward for nominees, makes the invitations and takes three confirmations", async () => {
    const { page, baseUrl, browser } = suite;
    // 1. The organiser's plan and conference, ten days ahead (confirmations open until it starts).
    await signIn(page, baseUrl, ORGANISER, DEMO_PASSWORD);
    const issuer = await findUnit(page, ISSUER);
    const plan = (await callApiFromPage(page, "POST", "/api/plans", { issuerUnitId: issuer.id, title: "Tổ chức Hội nghị sơ kết" }))
      .body as { id: string };
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const made = await callApiFromPage(page, "POST", `/api/plans/${plan.id}/conferences`, {
      title: "Hội nghị sơ kết chính quyền địa phương 2 cấp",
      hostUnitId: issuer.id,
      date: day,
      startTime: "08:00",
      endTime: "11:00",
    });
    expect(made.status).toBe(201);
    const conference = made.body as { id: string };
    await page.goto(`${baseUrl}/conferences/${conference.id}`);
    await page.getByTestId("conference-tab-delegates").click();
    await page.waitForURL(/\/delegates$/);

    // 2. Import: the check reports 8 accepted and 3 refused with their reasons, nothing written; confirm writes 8.
    const sheetPath = join(artifactsDir, "dai-bieu-e2e.xlsx");
    writeFileSync(sheetPath, await delegateSheet());
    await page.getByTestId("delegate-import").click();
    await page.locator('.ant-modal input[type="file"]').setInputFiles(sheetPath);
    await page.getByTestId("delegate-import-check").click();
    await page.getByTestId("delegate-import-summary").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("delegate-import-summary").textContent()).toContain("8 dòng hợp lệ, 3 dòng bị từ chối");
    const refused = await page.locator('[data-testid="delegate-import-refused"] tbody tr').allTextContents();
    expect(refused.join("\n")).toMatch(/Thiếu họ và tên[\s\S]*091234[\s\S]*Trùng với dòng 2/);
    await snap(page, "delegates-01-import-report");
    await page.getByTestId("delegate-import-confirm").click();
    await expect.poll(async () => page.getByTestId("delegate-import-summary").textContent()).toContain("Đã nhập 8 đại biểu");
    await page.getByTestId("delegate-import-close").click();
    await expect.poll(() => page.getByTestId("delegate-name").count()).toBe(8);

    // 3. Add one, edit it, search it without diacritics, delete it.
    await page.getByTestId("delegate-add").click();
    await page.getByTestId("delegate-form-name").fill("Người Thêm Tay");
    await page.getByTestId("delegate-save").click();
    await expect.poll(() => page.getByTestId("delegate-name").count()).toBe(9);
    await row(page, "delegates-table", "Người Thêm Tay").getByTestId("delegate-edit").click();
    await page.getByTestId("delegate-form-name").fill("Người Đã Sửa");
    await page.getByTestId("delegate-save").click();
    await row(page, "delegates-table", "Người Đã Sửa").waitFor();
    await page.locator('[data-testid="delegate-search"] input').fill("nguoi da sua");
    await page.locator('[data-testid="delegate-search"] input').press("Enter");
    await expect.poll(() => page.getByTestId("delegate-name").count()).toBe(1);
    await row(page, "delegates-table", "Người Đã Sửa").getByTestId("delegate-delete").click();
    await confirmUntil(page, "delegate-delete-confirm", async () => (await page.getByTestId("delegate-name").count()) === 0);
    await page.locator('[data-testid="delegate-search"] input').fill("");
    await page.locator('[data-testid="delegate-search"] input').press("Enter");
    await expect.poll(() => page.getByTestId("delegate-name").count()).toBe(8);

    // 4. Export: the same columns, 8 rows.
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(
      (await downloaded(page, "delegate-export")) as unknown as ArrayBuffer as Parameters<typeof exported.xlsx.load>[0],
    );
    expect(exported.worksheets[0].actualRowCount).toBe(9);
    expect(exported.worksheets[0].getRow(1).getCell(1).text).toBe("Họ và tên");

    // 5. A nomination request to the ward (2 delegates, two titles), then the plan is issued.
    await page.getByTestId("quota-add").click();
    await pickOption(page, page.getByTestId("quota-unit"), WARD.unit, "dong hai");
    await inputOf(page, "quota-count").fill("2");
    const due = inputOf(page, "quota-due");
    await due.click();
    await due.fill("29/05/2099");
    await due.press("Enter");
    await inputOf(page, "quota-titles").click();
    await page.keyboard.type("Bí thư Đảng ủy");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Chủ tịch UBND");
    await page.keyboard.press("Enter");
    // Clicking the dialog's title closes the tags' dropdown.
    await page.locator(".ant-modal-title", { hasText: "Đề nghị đơn vị cử đại biểu" }).click();
    await page.getByTestId("quota-save").click();
    await row(page, "quota-units", WARD.unit).waitFor();
    const current = await callApiFromPage(page, "GET", `/api/plans/${plan.id}`);
    expect(
      (await callApiFromPage(page, "POST", `/api/plans/${plan.id}/issue`, { version: (current.body as { version: number }).version }))
        .status,
    ).toBe(200);

    // 6. Invitations: the batch's bar fills in the background; the .zip holds 8 .docx, the .pdf 8 A4 pages.
    await page.reload();
    await page.getByTestId("invitations-make").click();
    await page.locator('[data-testid="invitation-batch"][data-state="done"]').waitFor({ timeout: 60_000 });
    await snap(page, "delegates-02-invitations");
    const zip = await JSZip.loadAsync(await downloaded(page, "invitations-zip"));
    expect(Object.keys(zip.files).filter((n) => n.endsWith(".docx"))).toHaveLength(8);
    const pdf = await downloaded(page, "invitations-pdf");
    expect((await openPdf(pdf)).numPages).toBe(8);
    if (existsSync("/usr/bin/pdftoppm"))
      expect(existsSync(firstPageAsPng(pdf, "giay-moi-e2e.pdf", "delegates-03-giay-moi", 70))).toBe(true);

    // 6a. One unit's delegates only: the ward's two letters in a batch of their own, its bar moved by live events.
    await pickOption(page, page.getByTestId("invitations-unit"), WARD.unit, "dong hai");
    await page.getByTestId("invitations-make").click();
    await expect.poll(() => page.locator('[data-testid="invitation-batch"][data-state="done"]').count(), { timeout: 60_000 }).toBe(2);
    const wardBatch = page.getByTestId("invitation-batch").first();
    expect(await wardBatch.getByTestId("invitation-batch-scope").textContent()).toBe(WARD.unit);
    const wardZip = await JSZip.loadAsync(await downloaded(page, "invitations-zip", wardBatch));
    expect(Object.keys(wardZip.files).filter((n) => n.endsWith(".docx"))).toHaveLength(2);

    // 6a'. The same ward invited as a unit: one letter listing its two delegates, then a card with their codes each.
    const addressee = page.getByTestId("invitations-addressee");
    await addressee.getByText("Mỗi đơn vị một giấy mời (kèm thẻ đại biểu)").click();
    await expect.poll(() => addressee.getAttribute("data-value")).toBe("unit");
    await expect.poll(() => page.getByTestId("invitations-unit").textContent()).toContain(WARD.unit);
    await page.getByTestId("invitations-make").click();
    await expect.poll(() => page.locator('[data-testid="invitation-batch"][data-state="done"]').count(), { timeout: 60_000 }).toBe(3);
    const unitBatch = page.getByTestId("invitation-batch").first();
    await unitBatch.getByTestId("invitation-batch-per-unit").waitFor();
    expect(await unitBatch.getByTestId("invitation-batch-scope").textContent()).toBe(WARD.unit);
    await snap(page, "delegates-02b-invitations-per-unit");
    const unitZip = await JSZip.loadAsync(await downloaded(page, "invitations-zip", unitBatch));
    const unitDocs = Object.keys(unitZip.files).filter((n) => n.endsWith(".docx"));
    expect(unitDocs).toHaveLength(1);
    const unitLetter = await JSZip.loadAsync(await unitZip.files[unitDocs[0]].async("uint8array"));
    const unitXml = (await unitLetter.file("word/document.xml")?.async("string")) ?? "";
    expect(unitXml).toContain(`Kính gửi: ${WARD.unit}`);
    for (const name of ["Nguyễn Văn An", "Trần Thị Bình"]) expect(unitXml.split(name).length - 1).toBe(2); // the table and the card
    // A reload reads the batches back from the server.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="invitation-batch"][data-state="done"]').count()).toBe(3);
    await expect.poll(() => page.getByTestId("invitation-batches").getAttribute("data-live")).toBe("open");

    // 6b. The confirmation deadline: a date is needed and it must come before the opening; set, cleared, set again.
    const deadline = inputOf(page, "delegate-deadline-input");
    const pickDeadline = async (text: string) => {
      await deadline.click();
      await deadline.fill(text);
      await deadline.press("Enter");
      await expect.poll(() => deadline.inputValue()).toBe(text);
    };
    const ddmmyyyy = (iso: string) => iso.split("-").reverse().join("/");
    await page.getByTestId("delegate-deadline-save").click();
    await expect.poll(() => page.getByTestId("delegate-deadline-error").textContent()).toBe("Hãy chọn ngày và giờ của hạn xác báo.");
    await pickDeadline(`${ddmmyyyy(day)} 23:00`);
    await page.getByTestId("delegate-deadline-save").click();
    await expect.poll(() => page.getByTestId("delegate-deadline-error").textContent()).toContain("phải trước giờ khai mạc hội nghị");
    expect(await page.getByTestId("delegate-deadline").getAttribute("data-value")).toBe("");
    const dayBefore = new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    await pickDeadline(`${ddmmyyyy(dayBefore)} 17:00`);
    await page.getByTestId("delegate-deadline-save").click();
    await expect.poll(() => page.getByTestId("delegate-deadline").getAttribute("data-value")).not.toBe("");
    expect(await page.getByTestId("delegate-deadline").textContent()).toBe(`17:00 ${ddmmyyyy(dayBefore)}`);
    await page.getByTestId("delegate-deadline-clear").click();
    await expect.poll(() => page.getByTestId("delegate-deadline").getAttribute("data-value")).toBe("");
    expect(await page.getByTestId("delegate-deadline").textContent()).toBe("đến giờ khai mạc");
    await pickDeadline(`${ddmmyyyy(dayBefore)} 17:00`);
    await page.getByTestId("delegate-deadline-save").click();
    await expect.poll(() => page.getByTestId("delegate-deadline").getAttribute("data-value")).not.toBe("");
    const tally = await callApiFromPage(page, "GET", `/api/conferences/${conference.id}/confirmations`);
    expect((tally.body as { confirmBy: string; open: boolean }).open).toBe(true);
    expect(new Date((tally.body as { confirmBy: string }).confirmBy).getTime()).toBeLessThan(Date.parse(`${day}T01:00:00Z`));

    // 7. Three personal links, each answered once in a browser without a session: attending, absent, substitute.
    const seenLinks = new Set<string>();
    const linkOf = (name: string) => takePersonalLink(page, row(page, "delegates-table", name), seenLinks);
    const links = [await linkOf("Nguyễn Văn An"), await linkOf("Trần Thị Bình"), await linkOf("Lê Văn Cường")];
    const guest = await browser?.newPage({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
    if (!guest) throw new Error("no browser");
    const answer = (url: string, kind: PersonalAnswer) => answerPersonalLink(guest, url, kind);
    await answer(links[0], "attending");
    await answer(links[1], "absent");
    await answer(links[2], "substitute");
    await snap(guest, "delegates-04-confirm-page");
    await guest.close();

    // 8. The tally counts them; «Nhắc» answers (no SMTP on this server: it says so, with who has no e-mail).
    await page.reload();
    await expect.poll(() => page.getByTestId("tally-attending").getAttribute("data-value")).toBe("1");
    expect(await page.getByTestId("tally-absent").getAttribute("data-value")).toBe("1");
    expect(await page.getByTestId("tally-substitute").getAttribute("data-value")).toBe("1");
    expect(await page.getByTestId("tally-none").getAttribute("data-value")).toBe("5");
    await page.getByTestId("delegate-remind").click();
    await page.locator(".ant-message, .ant-notification", { hasText: "không có e-mail" }).first().waitFor();
    await snap(page, "delegates-05-tally");
    await signOut(page);

    // 9. The ward's officer fills its list (a wrong one removed), sees nothing missing, and submits.
    await signIn(page, baseUrl, WARD.user, DEMO_PASSWORD);
    await page.goto(`${baseUrl}/conferences/${conference.id}/delegates`);
    await row(page, "quota-units", WARD.unit).getByTestId("quota-open").click();
    const addNominee = async (name: string, title: string) => {
      await page.getByTestId("nominee-name").fill(name);
      await page.getByTestId("nominee-title").fill(title);
      await page.getByTestId("nominee-add").click();
      await row(page, "nominees-table", name).waitFor();
    };
    await addNominee("Người Nhầm", "Cán bộ");
    await row(page, "nominees-table", "Người Nhầm").getByTestId("nominee-remove").click();
    await expect.poll(() => page.locator('[data-testid="nominees-table"] tbody tr', { hasText: "Người Nhầm" }).count()).toBe(0);
    await addNominee("Ngô Văn Ích", "Bí thư Đảng ủy");
    await addNominee("Mai Thị Kim", "Chủ tịch UBND");
    expect(await page.getByTestId("nominees-count").textContent()).toBe("2");
    await page.getByTestId("nominees-submit").click();
    await expect.poll(() => row(page, "quota-units", WARD.unit).textContent()).toContain("2/2");
    await snap(page, "delegates-06-nominees");
  }, 240_000);
});
