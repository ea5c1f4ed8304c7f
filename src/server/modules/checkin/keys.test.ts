import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { readClaims, verifyToken } from "../../../domain/checkin/token";
import { describeOnDatabases } from "../../testing/harness";
import { type DelegateScene, makeDelegateScene } from "./fixtures";
import { conferenceKey, conferenceVerifyKey, delegateQrToken, delegateQrTokens, TOKEN_MARGIN_MS } from "./keys";

describeOnDatabases("conference keys and QR tokens", (ctx) => {
  let scene: DelegateScene;
  let other: DelegateScene;
  beforeAll(async () => {
    scene = await makeDelegateScene(ctx().db, 6);
    other = await makeDelegateScene(ctx().db, 2);
  });

  it("signs a delegate's token that the conference's public key verifies, valid until the end plus the margin", async () => {
    const token = await delegateQrToken(ctx().db, scene.conferenceId, scene.delegates[0].id);
    const key = await conferenceVerifyKey(ctx().db, scene.conferenceId);
    const check = await verifyToken(token, { conferenceId: scene.conferenceId, key, now: Date.now() });
    expect(check).toMatchObject({ ok: true, delegateId: scene.delegates[0].id });
    // The stage scene's conference ends at 09:30 on 20 March 2099, Vietnam time.
    expect(readClaims(token)?.expiresAt).toBe(Date.parse("2099-03-20T09:30:00+07:00") + TOKEN_MARGIN_MS);
  });

  it("keeps one key pair per conference, and a different one for each conference", async () => {
    const a = await conferenceKey(ctx().db, scene.conferenceId);
    const b = await conferenceKey(ctx().db, scene.conferenceId);
    const c = await conferenceKey(ctx().db, other.conferenceId);
    expect(a.publicKey).toBe(b.publicKey);
    expect(a.publicKey).not.toBe(c.publicKey);
  });

  it("refuses the other conference's genuine token, and makes none for a delegate of another conference", async () => {
    const foreign = await delegateQrToken(ctx().db, other.conferenceId, other.delegates[0].id);
    const key = await conferenceVerifyKey(ctx().db, scene.conferenceId);
    expect(await verifyToken(foreign, { conferenceId: scene.conferenceId, key, now: Date.now() })).toMatchObject({
      ok: false,
      reason: "other_conference",
    });
    await expect(delegateQrToken(ctx().db, scene.conferenceId, other.delegates[0].id)).rejects.toThrow("Không tìm thấy đại biểu");
    await expect(delegateQrToken(ctx().db, scene.conferenceId, randomUUID())).rejects.toThrow("Không tìm thấy đại biểu");
  });

  it("makes every delegate's token in one call for bulk invitations", async () => {
    const tokens = await delegateQrTokens(ctx().db, scene.conferenceId);
    expect([...tokens.keys()].sort()).toEqual(scene.delegates.map((d) => d.id).sort());
    expect(new Set(tokens.values()).size).toBe(6);
  });
});
