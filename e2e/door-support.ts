/**
 * What the door check-in browser tests share: a conference with delegates seated in a hall (made through the API by
 * the demo's organiser), accounts made for the door only, signing in at the door page, a fake camera's video of
 * a delegate's entry QR code and the Chromium that films it, and delegates' personal confirmation links.
 */
import { writeFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import QRCode from "qrcode";
import { expect } from "vitest";
import { callApiFromPage, findUnit, launchBrowser } from "./support";

export const DEMO_PASSWORD = "kehoach-demo";
/** The demo's organiser: a manager of the city People's Committee (README). */
export const ORGANISER = "chuyenvien.ubnd";
export const ISSUER = "Ủy ban nhân dân thành phố Hải Phòng";
export const DOOR_PASSWORD = "cua-soat-ve-2026";

export interface DoorConference {
  id: string;
  delegates: Array<{ id: string; fullName: string; unitName: string; title: string }>;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const GIVEN = ["Văn An", "Thị Bình", "Đức Cường", "Thu Dung", "Quốc Hùng", "Minh Khôi", "Thị Lụa", "Hữu Phước"];

/** A conference tomorrow with `count` delegates, seated by protocol in a hall of one block; signed in as the organiser. */
export async function makeDoorConference(page: Page, count: number, title = "Hội nghị sơ kết điểm danh"): Promise<DoorConference> {
  const issuer = await findUnit(page, ISSUER);
  const plan = await callApiFromPage(page, "POST", "/api/plans", { issuerUnitId: issuer.id, title: `Kế hoạch ${title}` });
  expect(plan.status).toBe(201);
  const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const made = await callApiFromPage(page, "POST", `/api/plans/${(plan.body as { id: string }).id}/conferences`, {
    title,
    hostUnitId: issuer.id,
    date: day,
    startTime: "07:30",
    endTime: "11:30",
  });
  expect(made.status).toBe(201);
  const id = (made.body as { id: string }).id;
  const delegates: DoorConference["delegates"] = [];
  for (let i = 0; i < count; i++) {
    const body = {
      fullName: `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]} ${i + 1}`,
      title: i % 5 === 0 ? "Bí thư Đảng ủy" : "Chủ tịch UBND",
      unitName: `Phường Số ${Math.floor(i / 5) + 1}`,
      protocolRank: i + 1,
    };
    const res = await callApiFromPage(page, "POST", `/api/conferences/${id}/delegates`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    delegates.push({ id: (res.body as { id: string }).id, ...body });
  }
  const layout = await callApiFromPage(page, "PUT", `/api/conferences/${id}/seating/layout`, {
    layout: { presidiumRows: [], blocks: [{ name: "Khối A", rows: 10, seatsPerRow: 10 }] },
  });
  expect(layout.status, JSON.stringify(layout.body)).toBe(200);
  const seated = await callApiFromPage(page, "POST", `/api/conferences/${id}/seating/auto-assign`, {
    version: (layout.body as { version: number }).version,
  });
  expect(seated.status, JSON.stringify(seated.body)).toBe(200);
  return { id, delegates };
}

/** A user made by the admin (signed in on `adminPage`) in the issuer unit, with these unit grants (none: door only). */
export async function makeUser(adminPage: Page, username: string, grants: Array<{ unitId: string; role: string }> = []): Promise<string> {
  const issuer = await findUnit(adminPage, ISSUER);
  const res = await callApiFromPage(adminPage, "POST", "/api/users", {
    username,
    fullName: `Cán bộ ${username}`,
    unitId: issuer.id,
    password: DOOR_PASSWORD,
    grants,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

/** The organiser (signed in on `page`) grants `door` on the conference. */
export async function grantDoor(page: Page, conferenceId: string, userId: string): Promise<void> {
  const res = await callApiFromPage(page, "POST", `/api/conferences/${conferenceId}/roles`, { userId, role: "door" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** Opens `path` (a door page), signs in on the sign-in page it leads to, and comes back to it. */
export async function signInAtDoor(page: Page, baseUrl: string, path: string, username: string, password = DOOR_PASSWORD) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId("sign-in-username").fill(username);
  await page.getByTestId("sign-in-password").fill(password);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => url.pathname === path);
}

/**
 * A YUV4MPEG2 video (4:2:0, `frames` identical frames) of `text`'s QR code, black on a white 640 × 480 frame, large
 * and centred: Chromium plays it in a loop as the fake camera (`--use-file-for-fake-video-capture`). The code is made
 * by the `qrcode` package (as a PNG would be) and each module drawn as a square of pixels, so no video tool is needed.
 */
export function writeQrVideo(path: string, text: string, frames = 10): void {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const scale = Math.floor((height - 40) / (size + 8));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++)
        luma.fill(16, (top + row * scale + y) * width + left + col * scale, (top + row * scale + y) * width + left + (col + 1) * scale);
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** A Chromium whose camera (permission granted) is a fake one playing `video`, as made by `writeQrVideo`. */
export function launchCamera(video: string): Promise<Browser> {
  return launchBrowser([
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`,
  ]);
}

/** A phone-sized page (412 × 915, Vietnamese, touch) in `browser`, waiting up to `timeout` ms for each step. */
export async function phonePage(browser: Browser, timeout: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 412, height: 915 }, locale: "vi-VN", isMobile: true })).newPage();
  page.setDefaultTimeout(timeout);
  return page;
}

/**
 * The personal confirmation link of the delegate in `row` of the delegates table: opens its dialog, waits for a link
 * not in `seen` (the dialog may first show the previous delegate's), notes it there and closes the dialog.
 */
export async function takePersonalLink(page: Page, row: Locator, seen: Set<string>): Promise<string> {
  await row.getByTestId("delegate-link").click();
  const shown = page.getByTestId("delegate-link-url");
  const fresh = async () => {
    const text = ((await shown.textContent()) ?? "").trim();
    return /\/xac-bao\/[A-Za-z0-9_-]{43}/.test(text) && !seen.has(text) ? text : "";
  };
  await expect.poll(fresh).not.toBe("");
  const url = await fresh();
  seen.add(url);
  await page.locator(".delegate-link-modal .ant-modal-close").click();
  // The dialog closes with an animation: wait until it no longer covers the table.
  await page.locator(".delegate-link-modal").waitFor({ state: "hidden" });
  return url;
}

export type PersonalAnswer = "attending" | "absent" | "substitute";

/** Answers a personal link in `guest` (a page without a session) as the delegate would, and waits for it to stand. */
export async function answerPersonalLink(guest: Page, url: string, kind: PersonalAnswer): Promise<void> {
  await guest.goto(url);
  await guest.getByTestId("confirm-conference").waitFor();
  await guest.getByTestId(`confirm-${kind}`).click();
  if (kind === "absent") await guest.getByTestId("confirm-reason").fill("Đi công tác nước ngoài");
  if (kind === "substitute") {
    await guest.getByTestId("confirm-sub-name").fill("Phạm Văn Thay");
    await guest.getByTestId("confirm-sub-title").fill("Phó Bí thư");
  }
  await guest.getByTestId("confirm-send").click();
  await guest.locator(`[data-testid="confirm-current"][data-answer="${kind}"]`).waitFor();
}
