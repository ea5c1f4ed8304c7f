import { describe, expect, it } from "vitest";
import type { MyWork } from "../src/contracts/tracking";
import { browserAvailability, callApiFromPage, findUnit, signIn, signOut, snap, useBrowserSuite } from "./support";

const availability = browserAvailability();
const ADMIN_PASSWORD = "e2e-quan-tri-5q1";
const MANAGER_PASSWORD = "e2e-dong-hai-8m3";
const MANAGER = `quanly.donghai.${Math.random().toString(36).slice(2, 7)}`;

describe.skipIf(!availability.run)("Lập kế hoạch thực hiện from an obligation, in a real browser (issue #7, item 9)", () => {
  const suite = useBrowserSuite(ADMIN_PASSWORD);

  it("the commune's manager presses the button on an obligation and lands on the new draft, the parent as its legal basis", async () => {
    const { page, baseUrl } = suite;
    await signIn(page, baseUrl, "admin", ADMIN_PASSWORD);
    const ward = await findUnit(page, "Phường Đông Hải");
    const created = await callApiFromPage(page, "POST", "/api/users", {
      username: MANAGER,
      fullName: "Cán bộ quản lý phường Đông Hải",
      unitId: ward.id,
      password: MANAGER_PASSWORD,
      grants: [{ unitId: ward.id, role: "manager" }],
    });
    expect(created.status).toBe(201);
    await signOut(page);

    await signIn(page, baseUrl, MANAGER, MANAGER_PASSWORD);
    const work = await callApiFromPage(page, "GET", "/api/my-work");
    expect(work.status).toBe(200);
    const [item] = (work.body as MyWork).items;
    expect(item).toBeDefined();
    await page.goto(`${baseUrl}/obligations/${item.obligationId}`);
    await page.getByTestId("obligation-create-plan").click();
    await page.waitForURL((url) => /^\/plans\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(item.plan.id));
    await expect.poll(() => page.getByTestId("page-title").textContent()).toContain(`Kế hoạch thực hiện ${item.plan.title}`);
    const childId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const child = await callApiFromPage(page, "GET", `/api/plans/${childId}`);
    expect(child.body).toMatchObject({ status: "draft", issuerUnitId: ward.id, parent: { id: item.plan.id } });
    await snap(page, "implementation-plan-01-new-draft");

    // Back on the obligation, the button became the link to that plan.
    await page.goto(`${baseUrl}/obligations/${item.obligationId}`);
    await page.getByTestId("obligation-child-plan").click();
    await page.waitForURL((url) => url.pathname === `/plans/${childId}`);
  });
});
