import { eq } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import type { ConfirmationPage, ConfirmationTally, PersonalLink, RemindReport } from "../../../contracts/delegate-answers";
import type { DelegateView } from "../../../contracts/delegates";
import { delegateAnswers, delegateLinks, emailOutbox } from "../../db/schema/index";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";
import { answerConfirmation, confirmationPage } from "./answers";
import { delegatesSetup } from "./fixtures";
import { hashToken } from "./links";

describeOnDatabases("delegate confirmation", (ctx) => {
  afterEach(() => {
    delete process.env.SMTP_URL;
  });

  async function setup() {
    const s = await delegatesSetup(ctx().db, ctx().app);
    const add = async (fullName: string, extra: Record<string, unknown> = {}) =>
      (await s.manager.post(s.base, { fullName, unitName: s.city.communeA.name, groupId: s.communes.id, ...extra })).json<DelegateView>();
    const linkOf = async (d: DelegateView) => {
      const res = await s.manager.post(`${s.base}/${d.id}/link`);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<PersonalLink>().path.replace("/xac-bao/", "");
    };
    const tallyUrl = `/api/conferences/${s.conference.id}/confirmations`;
    return { ...s, add, linkOf, tallyUrl };
  }
  /** A browser without a session: it takes the pre-session CSRF token, as the public page does. */
  const anonymous = async (): Promise<TestClient> => {
    const client = new TestClient(ctx().app);
    client.csrf = (await client.get("/api/auth/csrf")).json<{ csrfToken: string }>().csrfToken;
    return client;
  };

  it("takes each kind of answer through a personal link without sign-in, keeps the history and tallies by group and unit", async () => {
    const { manager, add, linkOf, tallyUrl, communes, city } = await setup();
    const [a, b, c] = [await add("Người Dự"), await add("Người Vắng"), await add("Người Cử Thay", { unitName: city.communeB.name })];
    await add("Người Im Lặng");
    const guest = await anonymous();
    const [ta, tb, tc] = [await linkOf(a), await linkOf(b), await linkOf(c)];
    // Only the hash is stored.
    const stored = await ctx().db.select().from(delegateLinks).where(eq(delegateLinks.delegateId, a.id));
    expect(stored[0].tokenHash).toBe(hashToken(ta));
    expect(stored[0].tokenHash).not.toContain(ta);

    const page = await guest.get(`/api/confirm/${ta}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<ConfirmationPage>()).toMatchObject({ fullName: "Người Dự", answer: null, open: true });
    expect((await guest.post(`/api/confirm/${ta}`, { answer: "attending" })).statusCode).toBe(200);
    expect((await guest.post(`/api/confirm/${tb}`, { answer: "absent" })).statusCode).toBe(400);
    expect((await guest.post(`/api/confirm/${tb}`, { answer: "absent", reason: "Đi công tác" })).statusCode).toBe(200);
    const sub = await guest.post(`/api/confirm/${tc}`, {
      answer: "substitute",
      substituteName: "Phó Chủ tịch Lê B",
      substituteTitle: "Phó Chủ tịch",
    });
    expect(sub.json<ConfirmationPage>().answer).toMatchObject({ answer: "substitute", substituteName: "Phó Chủ tịch Lê B" });
    // A changed answer before the deadline replaces the earlier one; both are kept.
    await guest.post(`/api/confirm/${tb}`, { answer: "attending" });
    await guest.post(`/api/confirm/${tb}`, { answer: "absent", reason: "Ốm" });

    const history = await ctx().db.select().from(delegateAnswers).where(eq(delegateAnswers.delegateId, b.id));
    expect(history.map((h) => h.answer).sort()).toEqual(["absent", "absent", "attending"]);
    const tally = (await manager.get(tallyUrl)).json<ConfirmationTally>();
    expect(tally.totals).toEqual({ attending: 1, absent: 1, substitute: 1, none: 1, total: 4 });
    expect(tally.byGroup.find((g) => g.key === communes.id)).toMatchObject({ total: 4, none: 1 });
    expect(tally.byUnit.find((u) => u.label === city.communeB.name)).toMatchObject({ substitute: 1, total: 1 });
    expect((await guest.get("/api/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).statusCode).toBe(404);
    expect((await guest.get("/api/confirm/short")).statusCode).toBe(400);
  });

  it("lets the last answer before the deadline stand and refuses changes after it with a 409", async () => {
    const { manager, add, linkOf, conference } = await setup();
    const d = await add("Người Đổi Ý");
    const token = await linkOf(d);
    const deadline = new Date("2030-01-01T10:00:00Z");
    expect(
      (await manager.put(`/api/conferences/${conference.id}/confirmations/deadline`, { confirmBy: deadline.toISOString() })).statusCode,
    ).toBe(200);
    const db = ctx().db;
    await answerConfirmation(db, { token, input: { answer: "attending" }, now: new Date("2030-01-01T08:00:00Z") });
    await answerConfirmation(db, { token, input: { answer: "absent", reason: "Họp đột xuất" }, now: new Date("2030-01-01T09:59:00Z") });
    await expect(
      answerConfirmation(db, { token, input: { answer: "attending" }, now: new Date("2030-01-01T10:01:00Z") }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("Đã hết hạn xác báo"),
    });
    const after = await confirmationPage(db, { token, now: new Date("2030-01-02T00:00:00Z") });
    expect(after).toMatchObject({ open: false, answer: { answer: "absent", reason: "Họp đột xuất" } });
    // Through HTTP, with the deadline now in the past: 409 and the answer shown.
    await manager.put(`/api/conferences/${conference.id}/confirmations/deadline`, { confirmBy: "2020-01-01T00:00:00Z" });
    const guest = await anonymous();
    const refused = await guest.post(`/api/confirm/${token}`, { answer: "attending" });
    expect(refused.statusCode).toBe(409);
    expect((await guest.get(`/api/confirm/${token}`)).json<ConfirmationPage>()).toMatchObject({
      open: false,
      answer: { answer: "absent" },
    });
  });

  it("sets, refuses after the opening, and clears the deadline; only organisers may", async () => {
    const { city, manager, conference, tallyUrl } = await setup();
    const url = `${tallyUrl}/deadline`;
    const late = await manager.put(url, { confirmBy: "2099-06-02T02:00:00Z" });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toBe(
      "Hạn xác báo phải trước giờ khai mạc hội nghị (08:00 02/06/2099). Hãy chọn một thời điểm sớm hơn.",
    );
    expect((await manager.put(url, { confirmBy: "01/06/2099" })).statusCode).toBe(400);
    const set = await manager.put(url, { confirmBy: "2099-06-01T10:00:00Z" });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<ConfirmationTally>()).toMatchObject({ confirmBy: "2099-06-01T10:00:00.000Z", open: true });
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.put(url, { confirmBy: null })).statusCode).toBe(404);
    const cleared = await manager.put(url, { confirmBy: null });
    expect(cleared.json<ConfirmationTally>()).toMatchObject({ confirmBy: null, open: true });
    expect((await manager.get(`/api/conferences/${conference.id}/confirmations`)).json<ConfirmationTally>().confirmBy).toBeNull();
  });

  it("reminds by e-mail only those who have not answered and have an address; someone who cannot read the conference gets 404", async () => {
    const { city, manager, add, linkOf, tallyUrl } = await setup();
    const answered = await add("Đã Trả Lời", { email: "da@example.vn" });
    await add("Chưa Trả Lời", { email: "chua@example.vn" });
    await add("Không Có Thư");
    await (await anonymous()).post(`/api/confirm/${await linkOf(answered)}`, { answer: "attending" });
    const off = (await manager.post(`${tallyUrl}/remind`)).json<RemindReport>();
    expect(off).toEqual({ emailed: 0, withoutEmail: 1, emailDisabled: true });
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const on = (await manager.post(`${tallyUrl}/remind`)).json<RemindReport>();
    expect(on).toEqual({ emailed: 1, withoutEmail: 1, emailDisabled: false });
    const mails = await ctx().db.select().from(emailOutbox).where(eq(emailOutbox.to, "chua@example.vn"));
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toMatch(/\/xac-bao\/[A-Za-z0-9_-]{43}/);
    const member = await signedIn(ctx().app, city.memberA);
    expect((await member.post(`${tallyUrl}/remind`)).statusCode).toBe(404);
    const other = await signedIn(ctx().app, city.otherManager);
    expect((await other.get(tallyUrl)).statusCode).toBe(200);
  });
});
