import { describe, expect, it } from "vitest";
import type { PlanSummary } from "../src/contracts/plans";
import { browserAvailability, callApiFromPage, pickOption, signIn, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-7n2";

describe.skipIf(!availability.run)("a plan number used twice by one issuer in a year, in a real browser (issue #7, item 8)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);

  it("refuses a new plan with the number of the Thành ủy's issued plan, the message under the number naming that plan", async () => {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const list = await callApiFromPage(page, "GET", "/api/plans?status=issued");
    expect(list.status).toBe(200);
    const year = new Date().toISOString().slice(0, 4);
    const used = (list.body as { plans: PlanSummary[] }).plans.find(
      (p) => p.issuerName === "Thành ủy Hải Phòng" && p.number && p.issuedOn?.startsWith(year),
    );
    if (!used?.number) throw new Error("the demo has no plan of Thành ủy Hải Phòng issued this year with a number");
    const before = (list.body as { plans: PlanSummary[] }).plans.length;

    await page.getByTestId("nav-plans").click();
    await page.getByTestId("plan-create").click();
    await pickOption(page, page.getByTestId("plan-form-issuer"), "Thành ủy Hải Phòng", "hai phong thanh uy");
    await page.getByTestId("plan-form-title").fill("Kế hoạch thử trùng số");
    // Written another way (lower case, spaces around): still the same number.
    await page.getByTestId("plan-form-number").fill(` ${used.number.toLowerCase()} `);
    await page.getByTestId("plan-form-submit").click();
    const fieldError = page.locator(".ant-form-item-explain-error").filter({ hasText: used.number });
    await fieldError.first().waitFor();
    const shown = ((await fieldError.first().textContent()) ?? "").replace(/\s+/g, " ");
    expect(shown).toContain(used.title.replace(/\s+/g, " ").slice(0, 30));
    await snap(page, "plan-number-duplicate");

    // Nothing was created.
    const after = await callApiFromPage(page, "GET", "/api/plans");
    expect((after.body as { plans: PlanSummary[] }).plans.filter((p) => p.title === "Kế hoạch thử trùng số")).toEqual([]);
    expect(before).toBeGreaterThan(0);
  });
});
