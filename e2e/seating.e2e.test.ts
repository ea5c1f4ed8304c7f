import { existsSync, readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { ConferenceDetail } from "../src/contracts/conferences";
import type { SeatingPlan } from "../src/contracts/seating";
import { firstPageAsPng, openPdf } from "./documents";
import { browserAvailability, callApiFromPage, confirmUntil, findUnit, pickOption, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-cho-ngoi-7k2";
const DEMO_PASSWORD = "kehoach-demo";
/** The demo's organiser (manager of the city People's Committee) and a read-only officer of the same unit (README). */
const ORGANISER = "chuyenvien.ubnd";
const READER = "vanphong.ubnd";
const ISSUER = "Ủy ban nhân dân thành phố Hải Phòng";
const GROUPS = ["Lãnh đạo thành phố", "Đại biểu các phường, xã", "Phóng viên"];
const LATE = "Người Đến Sau";

/** The input of a form control, whether antd put the test id on the input or on its wrapper. */
const inputOf = (scope: Page | Locator, testId: string) => scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`);
const seat = (page: Page, seatId: string) => page.locator(`[data-testid="seat"][data-seat-id="${seatId}"]`);
const message = (page: Page, text: string) => page.locator(".ant-message", { hasText: text }).first();

describe.skipIf(!availability.run)("the seating tab in a real browser (issue 10)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);
  let conferenceId = "";
  let groupIds: string[] = [];

  const plan = async (page: Page) => (await callApiFromPage(page, "GET", `/api/conferences/${conferenceId}/seating`)).body as SeatingPlan;
  const seatOf = async (page: Page, delegateId: string) => (await plan(page)).seats.find((s) => s.delegate?.id === delegateId)?.id;
  /** The delegate on a seat as the page draws it. */
  const drawn = (page: Page, seatId: string) => seat(page, seatId).getAttribute("data-delegate-id");
  /** Free hall seats as the page draws them, in block order. */
  const freeSeats = (page: Page) =>
    page
      .locator('[data-testid="seating-block"] [data-testid="seat"]:not([data-delegate-id])')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.seatId ?? ""));
  const seatedCount = (page: Page) => page.locator('[data-testid="seat"][data-delegate-id]').count();

  it("lets an organiser lay out the hall, seat by protocol, move by drag and drop and click, find, print and clear", async () => {
    const { page, baseUrl } = suite;
    await page.setViewportSize({ width: 1500, height: 1000 });
    const answers: string[] = [];
    page.on("response", (r) => {
      if (/\/seating\/(move|swap)$/.test(r.url())) answers.push(`${r.url().split("/").pop()} ${r.status()}`);
    });

    // 1. A conference with three delegate groups and 30 delegates (10 leaders, 16 ward delegates, 4 reporters).
    await signIn(page, baseUrl, ORGANISER, DEMO_PASSWORD);
    const issuer = await findUnit(page, ISSUER);
    const made = await callApiFromPage(page, "POST", "/api/plans", { issuerUnitId: issuer.id, title: "Tổ chức Hội nghị tổng kết" });
    const planId = (made.body as { id: string }).id;
    const conference = await callApiFromPage(page, "POST", `/api/plans/${planId}/conferences`, {
      title: "Hội nghị tổng kết năm",
      hostUnitId: issuer.id,
      delegateGroups: GROUPS.map((name) => ({ name })),
    });
    expect(conference.status).toBe(201);
    conferenceId = (conference.body as { id: string }).id;
    groupIds = ((await callApiFromPage(page, "GET", `/api/conferences/${conferenceId}`)).body as ConferenceDetail).delegateGroups.map(
      (g) => g.id,
    );
    const addDelegate = async (fullName: string, group: number, rank: number, unitName: string) => {
      const res = await callApiFromPage(page, "POST", `/api/conferences/${conferenceId}/delegates`, {
        fullName,
        title: group === 0 ? "Phó Chủ tịch UBND thành phố" : "Đại biểu",
        unitName,
        groupId: groupIds[group],
        protocolRank: rank,
      });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    for (let i = 1; i <= 30; i++) {
      const group = i <= 10 ? 0 : i <= 26 ? 1 : 2;
      const unit = group === 0 ? "UBND thành phố" : group === 1 ? `Phường số ${Math.ceil(i / 4)}` : "Báo Hải Phòng";
      await addDelegate(`Đại Biểu Thứ ${String(i).padStart(2, "0")}`, group, i, unit);
    }

    // 2. No layout yet; the dialog refuses a block of 0 rows with the server's message, then saves 5 + 4×5 + 10×5 + 10×5.
    await page.goto(`${baseUrl}/conferences/${conferenceId}/seating`);
    await page.getByTestId("seating-empty").waitFor();
    await page.getByTestId("seating-layout").click();
    const dialog = page.locator(".ant-modal", { hasText: "Tạo bố cục hội trường" });
    await inputOf(dialog, "layout-block-name").first().waitFor();
    await dialog.getByTestId("layout-presidium-add").click();
    await expect.poll(() => inputOf(dialog, "layout-presidium-row").count()).toBe(2);
    await dialog.getByTestId("layout-presidium-remove").nth(1).click();
    await expect.poll(() => inputOf(dialog, "layout-presidium-row").count()).toBe(1);
    await dialog.getByTestId("layout-block-add").click();
    await expect.poll(() => inputOf(dialog, "layout-block-name").count()).toBe(4);
    await dialog.getByTestId("layout-block-remove").nth(3).click();
    await expect.poll(() => inputOf(dialog, "layout-block-name").count()).toBe(3);
    await inputOf(dialog, "layout-presidium-row").first().fill("5");
    await inputOf(dialog, "layout-block-rows").first().fill("0");
    for (let b = 0; b < 3; b++) await inputOf(dialog, "layout-block-seats").nth(b).fill("5");
    await dialog.getByTestId("layout-save").click();
    await expect
      .poll(async () => (await dialog.getByTestId("layout-error").textContent()) ?? "")
      .toContain("Số hàng của khối ít nhất là 1");
    await inputOf(dialog, "layout-block-rows").first().fill("4");
    await expect.poll(async () => dialog.getByTestId("layout-capacity").textContent()).toContain("125");
    await dialog.getByTestId("layout-save").click();
    await expect.poll(() => page.locator('[data-testid="seat"]').count()).toBe(125);
    expect(await page.locator('[data-testid="seating-stage"] [data-testid="seat"]').count()).toBe(5);
    expect(await page.getByTestId("unseated-delegate").count()).toBe(30);
    expect((await plan(page)).layout?.blocks.map((b) => [b.name, b.rows, b.seatsPerRow])).toEqual([
      ["Khối A", 4, 5],
      ["Khối B", 10, 5],
      ["Khối C", 10, 5],
    ]);

    // 3. Auto-assign with the ward delegates on the presidium: everyone seated, the stage holds only that group.
    await page.getByTestId("seating-auto").click();
    await pickOption(page, page.getByTestId("seating-presidium-group"), GROUPS[1]);
    await confirmUntil(page, "seating-auto-confirm", async () => (await seatedCount(page)) === 30);
    const afterAuto = await plan(page);
    expect(afterAuto.unseated).toEqual([]);
    expect(new Set(afterAuto.seats.filter((s) => s.section === "presidium").map((s) => s.delegate?.groupName))).toEqual(
      new Set([GROUPS[1]]),
    );
    expect(await page.getByTestId("seating-legend").textContent()).toMatch(new RegExp(GROUPS.join("|")));

    // 4. A late delegate appears in the unseated list and is dragged onto a free seat.
    const late = await addDelegate(LATE, 2, 99, "Đài Phát thanh và Truyền hình");
    await page.reload();
    await page.getByTestId("unseated-delegate").first().waitFor();
    expect(await page.getByTestId("unseated-delegate").count()).toBe(1);
    const [firstFree, secondFree, thirdFree, fourthFree, fifthFree, sixthFree] = await freeSeats(page);
    await page.locator(`[data-testid="unseated-delegate"][data-delegate-id="${late}"]`).dragTo(seat(page, firstFree));
    await expect.poll(() => seatOf(page, late)).toBe(firstFree);
    await expect.poll(() => drawn(page, firstFree)).toBe(late);
    await expect.poll(() => page.getByTestId("unseated-delegate").count()).toBe(0);

    // 5. A seated delegate dragged onto another's seat swaps them; onto a free seat moves them.
    const seatedNow = await plan(page);
    const [x, y] = seatedNow.seats.filter((s) => s.section === "hall" && s.delegate && s.delegate.id !== late);
    const a = x.delegate?.id ?? "";
    const b = y.delegate?.id ?? "";
    await seat(page, x.id).dragTo(seat(page, y.id));
    await expect.poll(() => seatOf(page, a)).toBe(y.id);
    expect(await seatOf(page, b)).toBe(x.id);
    await expect.poll(() => drawn(page, x.id)).toBe(b);
    await seat(page, y.id).dragTo(seat(page, secondFree));
    await expect.poll(() => seatOf(page, a)).toBe(secondFree);
    await expect.poll(() => drawn(page, y.id)).toBe(null);

    // 6. Click, then click: the keyboard and phone way. Picking and un-picking first, then the move.
    await seat(page, secondFree).click();
    await page.getByTestId("seating-unpick").click();
    await page.getByTestId("seating-unpick").waitFor({ state: "detached" });
    await seat(page, secondFree).click();
    await expect.poll(async () => (await page.getByTestId("seating-hint").textContent()) ?? "").toContain("Đã chọn");
    await seat(page, thirdFree).click();
    await expect.poll(() => seatOf(page, a)).toBe(thirdFree);
    await expect.poll(() => drawn(page, thirdFree)).toBe(a);
    // The same with the keyboard: Enter on the delegate's seat, Enter on a free one.
    await seat(page, thirdFree).press("Enter");
    await expect.poll(async () => (await page.getByTestId("seating-hint").textContent()) ?? "").toContain("Đã chọn");
    await seat(page, fifthFree).press("Enter");
    await expect.poll(() => seatOf(page, a)).toBe(fifthFree);
    await expect.poll(() => drawn(page, fifthFree)).toBe(a);

    // 7. Another organiser's move shows here without a reload (the conference's live topic).
    const other = await suite.browser.newPage();
    await signIn(other, baseUrl, ORGANISER, DEMO_PASSWORD);
    const elsewhere = await callApiFromPage(other, "POST", `/api/conferences/${conferenceId}/seating/move`, {
      delegateId: b,
      fromSeatId: x.id,
      toSeatId: sixthFree,
    });
    expect(elsewhere.status).toBe(200);
    await expect.poll(() => drawn(page, sixthFree)).toBe(b);
    expect(await drawn(page, x.id)).toBe(null);

    // 8. With this page's live stream down (the hall's Wi-Fi), the other organiser moves the late delegate first; the
    //    drag from where this page still shows them is refused with the server's message, and the plan is re-read.
    await page.route(/\/api\/events/, (route) => route.abort());
    await page.reload();
    await expect.poll(() => drawn(page, firstFree)).toBe(late);
    const moved = await callApiFromPage(other, "POST", `/api/conferences/${conferenceId}/seating/move`, {
      delegateId: late,
      fromSeatId: firstFree,
      toSeatId: secondFree,
    });
    expect(moved.status).toBe(200);
    await other.close();
    expect(await drawn(page, firstFree)).toBe(late);
    await seat(page, firstFree).dragTo(seat(page, fourthFree));
    await message(page, "vừa được người khác chuyển chỗ").waitFor();
    await expect.poll(() => drawn(page, secondFree)).toBe(late);
    expect(await drawn(page, firstFree)).toBe(null);
    expect(await seatOf(page, late)).toBe(secondFree);

    // Each drop sent one request; only the stale one was refused.
    expect(answers).toEqual(["move 200", "swap 200", "move 200", "move 200", "move 200", "move 409"]);
    await page.unroute(/\/api\/events/);

    // 9. Finding a delegate typed without diacritics outlines their seat.
    await inputOf(page, "seating-search").fill("nguoi den sau");
    await expect.poll(() => page.locator('[data-testid="seat"][data-found="true"]').count()).toBe(1);
    expect(await page.locator('[data-testid="seat"][data-found="true"]').getAttribute("data-seat-id")).toBe(secondFree);
    expect(await page.getByTestId("seating-found").getAttribute("data-value")).toBe("1");
    await inputOf(page, "seating-search").press("Enter");

    // 10. The A3 chart: a PDF, one landscape A3 page or more; its first page as a PNG.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("seating-chart").click()]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const viewport = (await (await openPdf(pdf)).getPage(1)).getViewport({ scale: 1 });
    expect([Math.round(viewport.width), Math.round(viewport.height)]).toEqual([1191, 842]);
    if (existsSync("/usr/bin/pdftoppm"))
      expect(existsSync(firstPageAsPng(pdf, "so-do-cho-ngoi-e2e.pdf", "seating-03-chart", 50))).toBe(true);

    // 11. Screenshots at 1440 px and on a phone, where the hall scrolls sideways inside the page.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await snap(page, "seating-01-hall-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId("seating-hall").evaluate((el) => el.scrollWidth > el.clientWidth + 50)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await snap(page, "seating-02-hall-390");
    await page.setViewportSize({ width: 1500, height: 1000 });

    // 12. Clear all, confirmed: nobody seated, the layout kept.
    await page.getByTestId("seating-clear").click();
    await confirmUntil(page, "seating-clear-confirm", async () => (await seatedCount(page)) === 0);
    await expect.poll(() => page.getByTestId("unseated-delegate").count()).toBe(31);
    const cleared = await plan(page);
    expect(cleared.capacity).toBe(125);
    expect(cleared.seats.every((s) => s.delegate === null)).toBe(true);
  }, 300_000);

  it("shows a reader the plan without changing it, and hides the seating from door-only staff", async () => {
    const { browser, baseUrl } = suite;
    // A reader of the plan: the tab, the chart button, no organiser's buttons, no draggable seat.
    const reader = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "vi-VN" });
    await signIn(reader, baseUrl, READER, DEMO_PASSWORD);
    await reader.goto(`${baseUrl}/conferences/${conferenceId}/seating`);
    await expect.poll(() => reader.locator('[data-testid="seat"]').count()).toBe(125);
    await reader.getByTestId("seating-chart").waitFor();
    expect(await reader.getByTestId("seating-layout").count()).toBe(0);
    expect(await reader.getByTestId("seating-auto").count()).toBe(0);
    expect(await reader.getByTestId("seating-clear").count()).toBe(0);
    expect(await reader.locator('[data-testid="seat"][draggable="true"]').count()).toBe(0);
    await reader.close();

    // An account made for the door only: granted `door` on this conference, no unit role.
    const admin = await browser.newPage();
    await signIn(admin, baseUrl, "admin", ADMIN_PASSWORD);
    const unit = await findUnit(admin, ISSUER);
    const user = await callApiFromPage(admin, "POST", "/api/users", {
      username: "cua.so2",
      fullName: "Nhân viên Cửa Số Hai",
      unitId: unit.id,
      password: "cua-so-hai-123",
    });
    expect(user.status).toBe(201);
    const organiser = await browser.newPage();
    await signIn(organiser, baseUrl, ORGANISER, DEMO_PASSWORD);
    const granted = await callApiFromPage(organiser, "POST", `/api/conferences/${conferenceId}/roles`, {
      userId: (user.body as { id: string }).id,
      role: "door",
    });
    expect(granted.status).toBe(201);
    await admin.close();
    await organiser.close();

    const door = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    await signIn(door, baseUrl, "cua.so2", "cua-so-hai-123");
    expect((await callApiFromPage(door, "GET", `/api/conferences/${conferenceId}/seating`)).status).toBe(403);
    await door.goto(`${baseUrl}/conferences/${conferenceId}/seating`);
    await door.locator(".ant-result", { hasText: "soát vé ở cửa" }).waitFor();
    expect(await door.getByTestId("conference-tab-seating").count()).toBe(0);
    expect(await door.locator('[data-testid="seat"]').count()).toBe(0);
    await door.close();
  }, 120_000);

  it("draws a hall of 1,132 seats with 1,100 delegates quickly enough to work in", async () => {
    const { page, baseUrl } = suite;
    await page.setViewportSize({ width: 1500, height: 1000 });
    // 1,069 more delegates (1,100 in all), made in the page in parallel batches.
    const added = await page.evaluate(
      async ({ id, groups }) => {
        const csrf = decodeURIComponent(/(?:^|;\s*)kh_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? "");
        let ok = 0;
        for (let start = 0; start < 1069; start += 40) {
          const batch = Array.from({ length: Math.min(40, 1069 - start) }, (_, k) => start + k);
          const answers = await Promise.all(
            batch.map((i) =>
              fetch(`/api/conferences/${id}/delegates`, {
                method: "POST",
                credentials: "same-origin",
                headers: { "content-type": "application/json", "x-csrf-token": csrf },
                body: JSON.stringify({
                  fullName: `Đại Biểu Số ${i + 100}`,
                  unitName: `Xã số ${Math.floor(i / 5)}`,
                  groupId: groups[1 + (i % 2)],
                  protocolRank: 100 + i,
                }),
              }),
            ),
          );
          ok += answers.filter((r) => r.status === 201).length;
        }
        return ok;
      },
      { id: conferenceId, groups: groupIds },
    );
    expect(added).toBe(1069);
    // The layout replaced in the dialog (nobody seated since «Bỏ xếp chỗ»): two presidium rows of 20, four blocks of 21 × 13.
    const before = (await plan(page)).version;
    await page.goto(`${baseUrl}/conferences/${conferenceId}/seating`);
    await page.getByTestId("seating-layout").click();
    const dialog = page.locator(".ant-modal", { hasText: "Sửa bố cục hội trường" });
    await expect.poll(() => inputOf(dialog, "layout-block-rows").first().inputValue()).toBe("4");
    await dialog.getByTestId("layout-presidium-add").click();
    await expect.poll(() => inputOf(dialog, "layout-presidium-row").count()).toBe(2);
    await dialog.getByTestId("layout-block-add").click();
    await expect.poll(() => inputOf(dialog, "layout-block-name").count()).toBe(4);
    await inputOf(dialog, "layout-block-name").nth(3).fill("Khối D");
    for (let r = 0; r < 2; r++) await inputOf(dialog, "layout-presidium-row").nth(r).fill("20");
    for (let b = 0; b < 4; b++) {
      await inputOf(dialog, "layout-block-rows").nth(b).fill("21");
      await inputOf(dialog, "layout-block-seats").nth(b).fill("13");
    }
    await expect.poll(async () => dialog.getByTestId("layout-capacity").textContent()).toContain("1132");
    await dialog.getByTestId("layout-save").click();
    await expect.poll(() => page.locator('[data-testid="seat"]').count(), { timeout: 60_000 }).toBe(1132);
    const replaced = await plan(page);
    expect(replaced.version).toBe(before + 1);
    expect(replaced.layout?.blocks.map((b) => `${b.name} ${b.rows}×${b.seatsPerRow}`)).toEqual([
      "Khối A 21×13",
      "Khối B 21×13",
      "Khối C 21×13",
      "Khối D 21×13",
    ]);

    await page.reload();
    await expect.poll(() => page.locator('[data-testid="seat"]').count(), { timeout: 60_000 }).toBe(1132);
    expect(await page.getByTestId("unseated-delegate").count()).toBe(1100);
    await page.getByTestId("seating-auto").click();
    await confirmUntil(page, "seating-auto-confirm", async () => (await seatedCount(page)) === 1100, 120_000);
    // Typing a search re-marks the seats: one delegate found among 1,132 seats.
    await inputOf(page, "seating-search").fill("dai bieu so 777");
    await expect.poll(() => page.locator('[data-testid="seat"][data-found="true"]').count()).toBe(1);
    await snap(page, "seating-04-hall-1132");
  }, 300_000);
});
