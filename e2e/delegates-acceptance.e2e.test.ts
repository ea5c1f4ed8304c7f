/**
 * Issue 10's acceptance in one browser flow: seed 001's conference of 1,086 delegates imported from an .xlsx, seated
 * by protocol, invited (one .zip of .docx and one merged .pdf, 1,086 invitations each), three personal links answered,
 * then at the door a delegate checked in by the phone camera (Chromium's fake camera playing a video of the
 * delegate's own QR code) and one by name, and the live attendance screen showing 2 present.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Attendance, Roster } from "../src/contracts/checkin";
import { delegateSheetColumns } from "../src/contracts/delegates";
import type { SeatingPlan } from "../src/contracts/seating";
import { searchKey } from "../src/domain/text/vietnamese";
import { delegateQrToken } from "../src/server/modules/checkin/keys";
import { downloaded, firstPageAsPng, openPdf } from "./documents";
import {
  answerPersonalLink,
  DOOR_PASSWORD,
  grantDoor,
  launchCamera,
  makeUser,
  phonePage,
  takePersonalLink,
  writeQrVideo,
} from "./door-support";
import { artifactsDir, browserAvailability, callApiFromPage, confirmUntil, findUnit, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const DEMO_PASSWORD = "kehoach-demo";
const ADMIN_PASSWORD = "e2e-quan-tri-nghiem-thu-10";
const ORGANISER = "chuyenvien.ubnd";
const ISSUER = "Ủy ban nhân dân thành phố Hải Phòng";
const TOTAL = 1_086;

const GROUPS = [
  { name: "Đại biểu Trung ương", count: 12, dressCode: "Comple, cà vạt" },
  { name: "Lãnh đạo thành phố", count: 64, dressCode: "Comple, cà vạt" },
  { name: "Lãnh đạo xã, phường, đặc khu", count: 570, dressCode: "Áo sơ mi trắng, quần sẫm màu" },
  { name: "Sở, ban, ngành", count: 380, dressCode: "Áo sơ mi trắng, quần sẫm màu" },
  { name: "Tập thể, cá nhân được khen thưởng", count: 40, dressCode: "Trang phục lịch sự" },
  { name: "Phóng viên báo chí", count: 20, dressCode: "Trang phục lịch sự" },
];
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Hữu", "Ngọc", "Thanh"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hà",
  "Hải",
  "Hạnh",
  "Khánh",
  "Lan",
  "Long",
  "Nam",
  "Phương",
  "Quỳnh",
  "Sơn",
  "Tâm",
  "Thảo",
  "Tuấn",
  "Yến",
];
const TITLES = ["Bí thư Đảng ủy", "Chủ tịch HĐND", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Chủ tịch UBMTTQ"];

/** The 1,086 delegates as the office's sheet lists them: every one a different name, a valid phone each. */
async function delegateSheet(): Promise<{ xlsx: Buffer; names: string[] }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đại biểu");
  sheet.addRow(Object.values(delegateSheetColumns));
  const names: string[] = [];
  let n = 0;
  for (const [g, group] of GROUPS.entries()) {
    for (let i = 0; i < group.count; i++, n++) {
      const name = `${FAMILY[n % FAMILY.length]} ${MIDDLE[Math.floor(n / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(n / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`;
      const title = g === 2 ? TITLES[i % TITLES.length] : g === 5 ? "Phóng viên" : "Đại biểu";
      const unit = g === 2 ? `Xã số ${Math.floor(i / TITLES.length) + 1}` : g === 3 ? `Sở số ${Math.floor(i / 4) + 1}` : group.name;
      names.push(name);
      sheet.addRow([name, title, unit, group.name, `09${String(10_000_000 + n).slice(-8)}`, "", g * 100 + (i % 100)]);
    }
  }
  return { xlsx: Buffer.from(await workbook.xlsx.writeBuffer()), names };
}

describe.skipIf(!availability.run)("issue 10's acceptance: 1,086 delegates from the sheet to the door", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);

  it("imports, seats, invites, takes three confirmations, checks two in at the door and shows them present live", async () => {
    const { page, baseUrl, browser } = suite;
    page.setDefaultTimeout(60_000);
    await signIn(page, baseUrl, ORGANISER, DEMO_PASSWORD);
    const issuer = await findUnit(page, ISSUER);
    const plan = (await callApiFromPage(page, "POST", "/api/plans", { issuerUnitId: issuer.id, title: "Tổng kết chính quyền 2 cấp" }))
      .body as { id: string };
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const made = await callApiFromPage(page, "POST", `/api/plans/${plan.id}/conferences`, {
      title: "Hội nghị tổng kết 01 năm thực hiện mô hình chính quyền địa phương 2 cấp",
      hostUnitId: issuer.id,
      date: day,
      startTime: "08:00",
      endTime: "12:00",
      venue: "Nhà hát thành phố",
      delegateGroups: GROUPS.map(({ name, dressCode }) => ({ name, dressCode })),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const conferenceId = (made.body as { id: string }).id;

    // 1. Import the 1,086 rows: all accepted, none dropped.
    const { xlsx, names } = await delegateSheet();
    mkdirSync(artifactsDir, { recursive: true });
    const sheetPath = join(artifactsDir, "dai-bieu-1086.xlsx");
    writeFileSync(sheetPath, xlsx);
    await page.goto(`${baseUrl}/conferences/${conferenceId}/delegates`);
    await page.getByTestId("delegate-import").click();
    await page.locator('.ant-modal input[type="file"]').setInputFiles(sheetPath);
    await page.getByTestId("delegate-import-check").click();
    await page.getByTestId("delegate-import-summary").waitFor({ timeout: 180_000 });
    expect(await page.getByTestId("delegate-import-summary").textContent()).toContain(`${TOTAL} dòng hợp lệ`);
    await page.getByTestId("delegate-import-confirm").click();
    await expect
      .poll(() => page.getByTestId("delegate-import-summary").textContent(), { timeout: 180_000 })
      .toContain(`Đã nhập ${TOTAL} đại biểu`);
    await page.getByTestId("delegate-import-close").click();

    // 2. Seat them by protocol.
    const layout = {
      presidiumRows: [20, 20],
      blocks: ["Khối A", "Khối B", "Khối C", "Khối D"].map((name) => ({ name, rows: 20, seatsPerRow: 14 })),
    };
    const put = await callApiFromPage(page, "PUT", `/api/conferences/${conferenceId}/seating/layout`, { layout });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await page.goto(`${baseUrl}/conferences/${conferenceId}/seating`);
    await page.getByTestId("seating-auto").click();
    await confirmUntil(
      page,
      "seating-auto-confirm",
      async () => (await page.locator('[data-testid="seat"][data-delegate-id]').count()) === TOTAL,
      120_000,
    );
    const seating = (await callApiFromPage(page, "GET", `/api/conferences/${conferenceId}/seating`)).body as SeatingPlan;
    expect(seating.unseated).toHaveLength(0);
    expect(new Set(seating.seats.flatMap((seat) => (seat.delegate ? [seat.delegate.id] : []))).size).toBe(TOTAL);
    await snap(page, "acceptance-10-00-seated");

    // 3. Every invitation at once: the .zip holds 1,086 .docx, the merged .pdf 1,086 pages; page 1 as a PNG.
    await page.goto(`${baseUrl}/conferences/${conferenceId}/delegates`);
    await page.getByTestId("invitations-make").click();
    await page.locator('[data-testid="invitation-batch"][data-state="done"]').waitFor({ timeout: 600_000 });
    const zip = await JSZip.loadAsync(await downloaded(page, "invitations-zip"));
    expect(Object.keys(zip.files).filter((n) => n.endsWith(".docx"))).toHaveLength(TOTAL);
    const pdf = await downloaded(page, "invitations-pdf");
    expect((await openPdf(pdf)).numPages).toBe(TOTAL);
    expect(existsSync(firstPageAsPng(pdf, "giay-moi-1086.pdf", "acceptance-10-giay-moi", 70))).toBe(true);

    // 4. Three personal links answered in a browser without a session.
    const seenLinks = new Set<string>();
    const linkOf = async (name: string) => {
      await page.locator('[data-testid="delegate-search"] input').fill(name);
      await page.locator('[data-testid="delegate-search"] input').press("Enter");
      const found = page.locator('[data-testid="delegates-table"] tr', {
        has: page.locator('[data-testid="delegate-name"]', { hasText: new RegExp(`^${name}$`) }),
      });
      await found.first().waitFor();
      return takePersonalLink(page, found.first(), seenLinks);
    };
    const links = [await linkOf(names[0]), await linkOf(names[100]), await linkOf(names[700])];
    const guest = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "vi-VN" });
    for (const [i, url] of links.entries()) await answerPersonalLink(guest, url, (["attending", "absent", "attending"] as const)[i]);
    await guest.close();
    await page.reload();
    await expect.poll(() => page.getByTestId("tally-attending").getAttribute("data-value")).toBe("2");
    expect(await page.getByTestId("tally-absent").getAttribute("data-value")).toBe("1");
    await snap(page, "acceptance-10-01-confirmed");

    // 5. The door and the live screen.
    // The organiser watches the live attendance screen; a door-only account checks in with a phone.
    // From the «Điểm danh» tab: the door page (organisers may check in too) and the projector screen, each in a new window.
    await page.goto(`${baseUrl}/conferences/${conferenceId}/attendance`);
    const [ownDoor] = await Promise.all([page.waitForEvent("popup"), page.getByTestId("attendance-open-door").click()]);
    await expect.poll(() => ownDoor.getByTestId("door-roster-info").textContent(), { timeout: 60_000 }).toContain(`${TOTAL} đại biểu`);
    await ownDoor.close();
    const [screen] = await Promise.all([page.waitForEvent("popup"), page.getByTestId("attendance-open-screen").click()]);
    await expect.poll(() => screen.getByTestId("attendance-screen").getAttribute("data-live")).toBe("open");
    expect(await screen.getByTestId("attendance-present").getAttribute("data-value")).toBe("0");
    expect(await screen.getByTestId("attendance-expected").getAttribute("data-value")).toBe(String(TOTAL));
    const adminContext = await browser.newContext({ locale: "vi-VN" });
    const admin = await adminContext.newPage();
    await signIn(admin, baseUrl, "admin", ADMIN_PASSWORD);
    const doorUserId = await makeUser(admin, "soatve.nghiemthu");
    await adminContext.close();
    await grantDoor(page, conferenceId, doorUserId);

    // The fake camera shows the entry QR code of the delegate names[5] (the token on their invitation).
    const roster = (await callApiFromPage(page, "GET", `/api/conferences/${conferenceId}/roster`)).body as Roster;
    const byName = (name: string) => roster.delegates.find((d) => d.fullName === name) as Roster["delegates"][number];
    const scanned = byName(names[5]);
    const typed = byName(names[980]);
    const video = join(artifactsDir, "acceptance-10-qr.y4m");
    writeQrVideo(video, await delegateQrToken(suite.app.server.database.db, conferenceId, scanned.id));
    const camera = await launchCamera(video);
    try {
      const phone = await phonePage(camera, 60_000);
      // The door account signs in on the app's first page and lands on its door list (it holds no unit).
      await phone.goto(`${baseUrl}/`);
      await phone.getByTestId("sign-in-username").fill("soatve.nghiemthu");
      await phone.getByTestId("sign-in-password").fill(DOOR_PASSWORD);
      await phone.getByTestId("sign-in-submit").click();
      await phone.waitForURL((url) => url.pathname === "/door");
      await phone.getByTestId("door-conference").click();
      await phone.waitForURL(`**/door/${conferenceId}`);
      await expect.poll(() => phone.getByTestId("door-roster-info").textContent(), { timeout: 60_000 }).toContain(`${TOTAL} đại biểu`);
      await phone.getByTestId("door-name").fill("Cửa 1");
      await phone.getByTestId("door-name-save").click();
      await phone.getByTestId("door-name-saved").waitFor();

      // One by camera: name, unit and seat in large type.
      await phone.getByTestId("door-camera-start").click();
      const result = phone.getByTestId("door-result");
      await expect.poll(() => result.getAttribute("data-delegate-id"), { timeout: 90_000 }).toBe(scanned.id);
      expect(await result.getAttribute("data-status")).toBe("counted");
      expect(await phone.getByTestId("door-result-name").textContent()).toBe(names[5]);
      expect(await phone.getByTestId("door-result-seat").textContent()).toContain(scanned.seatLabel as string);
      await phone.getByTestId("door-camera-stop").click();
      await snap(phone, "acceptance-10-02-door-camera");

      // One by name, typed without diacritics.
      await phone.getByTestId("door-search").fill(searchKey(names[980]));
      const item = phone.locator(`[data-testid="door-search-item"][data-delegate-id="${typed.id}"]`);
      await item.waitFor();
      await item.getByTestId("door-search-checkin").click();
      await expect.poll(() => result.getAttribute("data-delegate-id")).toBe(typed.id);
      expect(await result.getAttribute("data-status")).toBe("counted");
    } finally {
      await camera.close();
    }

    // The live screen shows 2 present without a reload.
    await expect.poll(() => screen.getByTestId("attendance-present").getAttribute("data-value")).toBe("2");
    await snap(screen, "acceptance-10-03-attendance");
    const attendance = (await callApiFromPage(page, "GET", `/api/conferences/${conferenceId}/attendance`)).body as Attendance;
    expect(attendance).toMatchObject({ present: 2, expected: TOTAL });
  }, 1_200_000);
});
