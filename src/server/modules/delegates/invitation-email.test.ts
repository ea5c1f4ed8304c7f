import { expect, it } from "vitest";
import type { InvitationBatchView } from "../../../contracts/delegate-answers";
import { startJobs } from "../../platform/jobs/scheduler";
import { describeOnDatabases } from "../../testing/harness";
import { withTestSmtp } from "../../testing/smtp";
import { notificationJobs } from "../notifications/jobs";
import { delegatesSetup } from "./fixtures";
import { runInvitationBatches } from "./invitation-job";

const testSmtp = withTestSmtp();

describeOnDatabases("invitations by e-mail", (ctx) => {
  it("sends each delegate with an address the invitation and a personal confirmation link that works, through the outbox", async () => {
    const { city, manager, conference, base, communes } = await delegatesSetup(ctx().db, ctx().app);
    const address = `bithu.${conference.id.slice(0, 8)}@thanhha.haiphong.gov.vn`;
    const made = await manager.post(base, {
      fullName: "Nguyễn Văn Một",
      title: "Bí thư Đảng ủy",
      unitName: city.communeA.name,
      groupId: communes.id,
      email: address,
    });
    expect(made.statusCode, made.body).toBe(201);
    await manager.post(base, { fullName: "Trần Thị Hai", title: "Chủ tịch UBND", unitName: city.communeB.name, groupId: communes.id });
    const batch = await manager.post(`/api/conferences/${conference.id}/invitations`, { sendEmail: true });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json<InvitationBatchView>().total).toBe(2);

    await runInvitationBatches(ctx().database, new Date(), () => undefined);
    const jobs = startJobs({
      db: ctx().db,
      jobs: notificationJobs({ smtpUrl: testSmtp().url }),
      log: () => undefined,
      firstDelayMs: 3_600_000,
    });
    await jobs.runNow("gửi e-mail");
    await jobs.stop();

    // Only the delegate with an address gets one; nobody else's letter reaches them.
    const mine = testSmtp().received.filter((r) => r.envelopeTo.includes(address));
    expect(mine).toHaveLength(1);
    expect(testSmtp().received.filter((r) => r.mail.text?.includes("Trần Thị Hai"))).toHaveLength(0);
    const { mail } = mine[0];
    expect(mail.subject).toContain("Giấy mời dự");
    expect(mail.text).toContain("Kính gửi đồng chí Nguyễn Văn Một");
    const link = /\/xac-bao\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "");
    expect(link).not.toBeNull();
    // The link in the mail opens the delegate's own confirmation page.
    const page = await ctx().app.inject({ method: "GET", url: `/api/confirm/${link?.[1]}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain("Nguyễn Văn Một");
  });
});
