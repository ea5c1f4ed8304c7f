import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { notificationEmails, tasks } from "../../db/schema/index";
import { startJobs } from "../../platform/jobs/scheduler";
import { makeUnit, makeUser, unique } from "../../testing/factories";
import { describeOnDatabases } from "../../testing/harness";
import { withTestSmtp } from "../../testing/smtp";
import { issuePlan } from "../plans/service";
import { actorFor, makePlan, makeTask, vn } from "../tracking/fixtures";
import { notificationJobs } from "./jobs";

const testSmtp = withTestSmtp();

describeOnDatabases("notification e-mail over SMTP", (ctx) => {
  it("sends an assigned unit's member a Vietnamese e-mail, UTF-8 intact, to the address they gave", async () => {
    const db = ctx().db;
    const issuer = await makeUnit(db, { name: unique("Ủy ban nhân dân thành phố Hải Phòng") });
    const commune = await makeUnit(db, { parent: issuer, name: unique("UBND phường Đông Hải") });
    const author = await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "manager" }] });
    const member = await makeUser(db, { unit: commune, grants: [{ unit: commune, role: "member" }] });
    const silent = await makeUser(db, { unit: commune, grants: [{ unit: commune, role: "member" }] });
    const address = `van.thu.${member.id.slice(0, 8)}@donghai.haiphong.gov.vn`;
    await db.insert(notificationEmails).values({ userId: member.id, email: address });
    const plan = await makePlan(db, {
      issuerUnitId: issuer.id,
      createdBy: author.id,
      status: "draft",
      title: unique("Tổng kết công tác quốc phòng, quân sự địa phương năm 2037"),
    });
    const task = await makeTask(db, { planId: plan.id, dueDate: "2037-11-30", dueTime: "17:00", what: "Gửi báo cáo kết quả thực hiện" });
    await db
      .update(tasks)
      .set({ target: { unitIds: [commune.id] } })
      .where(eq(tasks.id, task.id));
    await issuePlan(db, { actor: await actorFor(db, author), planId: plan.id, version: plan.version, now: vn("2037-11-01 09:00") });

    // The job the notifications module registers, run by the platform's scheduler, sends the outbox.
    const jobs = startJobs({ db, jobs: notificationJobs({ smtpUrl: testSmtp().url }), log: () => undefined, firstDelayMs: 3_600_000 });
    await jobs.runNow("gửi e-mail");
    await jobs.stop();

    const mine = testSmtp().received.filter((r) => r.envelopeTo.includes(address));
    expect(mine).toHaveLength(1);
    const { mail } = mine[0];
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : []).toEqual([address]);
    expect(mail.subject).toBe(`[kehoach] Nhiệm vụ mới: Kế hoạch số ${plan.number} “${plan.title}”`);
    expect(mail.text).toContain(`${issuer.name} giao cho ${commune.name} 1 nhiệm vụ`);
    expect(mail.text).toContain("«Gửi báo cáo kết quả thực hiện» (hạn 17:00 ngày 30/11/2037)");
    expect(
      String(
        mail.headers.get("content-type") && (mail.headers.get("content-type") as { params: { charset: string } }).params.charset,
      ).toLowerCase(),
    ).toBe("utf-8");
    // The other member and the author gave no address: in-app only, so this plan sent exactly one e-mail.
    expect(testSmtp().received.filter((r) => r.mail.subject?.includes(plan.title))).toHaveLength(1);
    expect(silent.id).not.toBe(member.id);
  });
});
