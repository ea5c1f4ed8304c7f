import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { makeStageScene, type StageScene } from "../src/server/modules/conferences/stage-fixtures";
import { TEST_PASSWORD } from "../src/server/testing/factories";
import { browserAvailability, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-7s2";

/** The countdown as the screen shows it now, with its phase (normal, warning, over) and the timer's status. */
async function face(page: Page) {
  const el = page.getByTestId("timer-face");
  return {
    phase: await el.getAttribute("data-phase"),
    status: await el.getAttribute("data-status"),
    countdown:
      (await page
        .getByTestId("timer-countdown")
        .textContent()
        .catch(() => null)) ?? "",
  };
}
const seconds = (countdown: string) => {
  const m = /^(\+?)(\d+):(\d\d)$/.exec(countdown);
  return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : Number.NaN;
};

describe.skipIf(!availability.run)("stage timer: operator and hall screen in two browsers (issue #9)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);
  let scene: StageScene;

  beforeAll(async () => {
    // A commune's conference with its agenda and three 7-minute speeches, its organiser and a member who only reads.
    scene = await makeStageScene(suite.app.server.database.db);
  });

  async function pageAs(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await suite.browser.newContext({ viewport, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, suite.baseUrl, username, TEST_PASSWORD);
    return page;
  }

  it("drives a speech from the operator page: pause, resume, ±1 minute, reload, next and reset reach the hall screen", async () => {
    const { baseUrl } = suite;
    const operator = await pageAs(scene.organiser.username);
    const hall = await pageAs(scene.reader.username, { width: 1920, height: 1080 });
    await hall.goto(`${baseUrl}/conferences/${scene.conferenceId}/stage/hall`);
    await hall.getByTestId("stage-hall").waitFor();
    expect(await hall.getByTestId("user-menu").count()).toBe(0);
    await expect.poll(async () => (await face(hall)).phase).toBe("idle");

    // The organiser comes from the conference page's «Sân khấu» tab.
    await operator.goto(`${baseUrl}/conferences/${scene.conferenceId}`);
    await operator.getByTestId("conference-tab-stage").click();
    await operator.getByTestId("stage-open-operator").click();
    await operator.getByTestId("stage-operator").waitFor();
    expect(operator.url()).toBe(`${baseUrl}/conferences/${scene.conferenceId}/stage/operator`);
    expect(await operator.getByTestId("stage-pause").isDisabled()).toBe(true);
    await operator.locator(`[data-testid="stage-part"][data-id="${scene.speeches[0].id}"]`).click();
    await operator.getByTestId("stage-start").click();

    // The hall follows: the speaker's unit large, the topic below, seven minutes counting down.
    await expect.poll(() => hall.getByTestId("timer-subject").textContent()).toBe(scene.speeches[0].unitName);
    await expect.poll(() => hall.getByTestId("timer-subject-detail").textContent()).toBe(scene.speeches[0].topic);
    await snap(operator, "stage-operator");
    const first = seconds((await face(hall)).countdown);
    expect(first).toBeGreaterThan(400);
    expect(first).toBeLessThanOrEqual(420);
    await expect.poll(async () => seconds((await face(hall)).countdown)).toBeLessThan(first);
    expect((await face(hall)).phase).toBe("normal");
    await snap(hall, "stage-hall-running");

    // Pause stops the count on both screens; resume goes on; +1 minute gives a minute more.
    await operator.getByTestId("stage-pause").click();
    await expect.poll(async () => (await face(hall)).status).toBe("paused");
    const held = (await face(hall)).countdown;
    await hall.waitForTimeout(1500);
    expect((await face(hall)).countdown).toBe(held);
    await operator.getByTestId("stage-resume").click();
    await expect.poll(async () => (await face(hall)).status).toBe("running");
    await operator.getByTestId("stage-plus").click();
    await expect.poll(async () => seconds((await face(hall)).countdown)).toBeGreaterThan(420);

    // −1 minute takes a minute off on both screens (down to amber and red counting up: e2e/conference.e2e.test.ts).
    const before = seconds((await face(operator)).countdown);
    await operator.getByTestId("stage-minus").click();
    await expect.poll(async () => seconds((await face(hall)).countdown)).toBeLessThanOrEqual(before - 55);

    // A reload of the hall screen shows the same (the state comes from the server).
    await hall.reload();
    await expect.poll(async () => (await face(hall)).status).toBe("running");
    expect(await hall.getByTestId("timer-subject").textContent()).toBe(scene.speeches[0].unitName);

    // Next speech: fresh seven minutes for the second speaker; reset puts it back to its full time, ready.
    await operator.getByTestId("stage-next").click();
    await expect.poll(() => hall.getByTestId("timer-subject").textContent()).toBe(scene.speeches[1].unitName);
    await expect.poll(async () => (await face(hall)).phase).toBe("normal");
    await operator.getByTestId("stage-reset").click();
    await expect.poll(async () => (await face(hall)).status).toBe("ready");
    expect((await face(hall)).countdown).toBe("07:00");
  });

  it("shows a reader who does not organise the conference no way to the operator page, and refuses it typed in: the refusal, no buttons", async () => {
    const { baseUrl } = suite;
    const reader = await pageAs(scene.reader.username);
    // The conference page's «Sân khấu» tab gives a reader the hall screen only, no link to the operator's page.
    await reader.goto(`${baseUrl}/conferences/${scene.conferenceId}/stage`);
    await reader.getByTestId("stage-tab").waitFor();
    expect(await reader.getByTestId("stage-open-hall-tab").getAttribute("href")).toBe(`/conferences/${scene.conferenceId}/stage/hall`);
    expect(await reader.getByTestId("stage-open-operator").count()).toBe(0);
    // Typed in by hand, the operator's page refuses.
    await reader.goto(`${baseUrl}/conferences/${scene.conferenceId}/stage/operator`);
    await reader.getByTestId("stage-refused").waitFor();
    expect(await reader.getByTestId("stage-refused").textContent()).toContain("cán bộ quản lý");
    expect(await reader.getByTestId("stage-start").count()).toBe(0);
    expect(await reader.getByTestId("stage-minus").count()).toBe(0);
    await snap(reader, "stage-operator-refused");
  });
});
