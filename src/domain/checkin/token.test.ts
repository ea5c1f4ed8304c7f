import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleToken, fromBase64Url, importPublicKey, TOKEN_MESSAGES, toBase64Url, tokenPayload, verifyToken } from "./token";

async function keyPair() {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64Url(raw) };
}

async function sign(privateKey: CryptoKey, claims: Parameters<typeof tokenPayload>[0]) {
  const payload = tokenPayload(claims);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, privateKey, payload));
  return assembleToken(payload, signature);
}

describe("QR token", () => {
  const conferenceId = randomUUID();
  const delegateId = randomUUID();
  const now = Date.parse("2026-06-02T00:30:00Z");
  const expiresAt = Date.parse("2026-06-05T04:00:00Z");
  let own: Awaited<ReturnType<typeof keyPair>>;
  let key: CryptoKey;
  beforeAll(async () => {
    own = await keyPair();
    key = await importPublicKey(own.publicKey);
  });

  it("accepts a token signed with the conference's key and gives back who it is, in 135 characters", async () => {
    const token = await sign(own.privateKey, { conferenceId, delegateId, expiresAt });
    expect(token).toMatch(/^[A-Za-z0-9_-]{135}$/);
    expect(await verifyToken(token, { conferenceId, key, now })).toEqual({ ok: true, conferenceId, delegateId, expiresAt });
  });

  it("refuses a forged token (signed with another key)", async () => {
    const forger = await keyPair();
    const token = await sign(forger.privateKey, { conferenceId, delegateId, expiresAt });
    expect(await verifyToken(token, { conferenceId, key, now })).toEqual({
      ok: false,
      reason: "signature",
      message: TOKEN_MESSAGES.signature,
    });
  });

  it("refuses an altered token (another delegate's id put in a genuine code)", async () => {
    const token = await sign(own.privateKey, { conferenceId, delegateId, expiresAt });
    const bytes = fromBase64Url(token) as Uint8Array;
    bytes[20] ^= 0x01;
    const check = await verifyToken(toBase64Url(bytes), { conferenceId, key, now });
    expect(check).toMatchObject({ ok: false, reason: "signature" });
    expect(!check.ok && check.message).toContain("bị sửa đổi hoặc giả mạo");
  });

  it("refuses an expired token", async () => {
    const token = await sign(own.privateKey, { conferenceId, delegateId, expiresAt: now - 1000 });
    const check = await verifyToken(token, { conferenceId, key, now });
    expect(check).toMatchObject({ ok: false, reason: "expired" });
    expect(!check.ok && check.message).toContain("hết hạn");
  });

  it("refuses another conference's token, even genuinely signed", async () => {
    const token = await sign(own.privateKey, { conferenceId: randomUUID(), delegateId, expiresAt });
    const check = await verifyToken(token, { conferenceId, key, now });
    expect(check).toMatchObject({ ok: false, reason: "other_conference" });
    expect(!check.ok && check.message).toContain("hội nghị khác");
  });

  it("refuses what is not a token: a bare id, a URL, a truncated code", async () => {
    const token = await sign(own.privateKey, { conferenceId, delegateId, expiresAt });
    for (const text of [delegateId, "https://example.com/?x=1", token.slice(0, 100), "", "====", `${token}A`]) {
      const check = await verifyToken(text, { conferenceId, key, now });
      expect(check, text).toMatchObject({ ok: false, reason: "malformed" });
      expect(!check.ok && check.message).toContain("Không đọc được");
    }
  });
});
