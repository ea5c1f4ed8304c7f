/**
 * Each conference's Ed25519 key pair (made on first use, one per conference whatever the race: the insert's
 * conflict keeps the first) and the QR tokens it signs. The private key never leaves the server; the public key
 * goes to door devices in the roster.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { assembleToken, type SignatureCheck, tokenPayload } from "../../../domain/checkin/token";
import type { Db } from "../../db/client";
import { conferenceKeys } from "../../db/schema/index";
import { notFound } from "../../platform/errors";
import { conferenceFacts } from "../conferences/queries";
import { delegateView } from "../delegates/views";

/** A code stays valid this long after the conference ends (a delegate who comes back the next day is still known). */
export const TOKEN_MARGIN_MS = 2 * 24 * 3600_000;
/** A conference with no hours yet: codes last a year from when they are made. */
const UNDATED_MS = 365 * 24 * 3600_000;

interface ConferenceKey {
  publicKey: string;
  privateKey: KeyObject;
}

/** Keys do not change once made: a process keeps them rather than reading a row per scan. */
const cache = new Map<string, ConferenceKey>();
const verifyKeys = new Map<string, Promise<SignatureCheck>>();

export async function conferenceKey(db: Db, conferenceId: string): Promise<ConferenceKey> {
  const cached = cache.get(conferenceId);
  if (cached) return cached;
  let [row] = await db.select().from(conferenceKeys).where(eq(conferenceKeys.conferenceId, conferenceId));
  if (!row) {
    const pair = generateKeyPairSync("ed25519");
    const publicKey = pair.publicKey.export({ format: "jwk" }).x as string;
    const privateKey = pair.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    await db.insert(conferenceKeys).values({ conferenceId, publicKey, privateKey }).onConflictDoNothing();
    [row] = await db.select().from(conferenceKeys).where(eq(conferenceKeys.conferenceId, conferenceId));
  }
  const key = {
    publicKey: row.publicKey,
    privateKey: createPrivateKey({ key: Buffer.from(row.privateKey, "base64"), format: "der", type: "pkcs8" }),
  };
  if (cache.size > 1000) cache.clear();
  cache.set(conferenceId, key);
  return key;
}

/** What `verifyToken` checks this conference's codes with: its Ed25519 public key through node:crypto. */
export async function conferenceVerifyKey(db: Db, conferenceId: string): Promise<SignatureCheck> {
  let key = verifyKeys.get(conferenceId);
  if (!key) {
    key = conferenceKey(db, conferenceId).then((k) => {
      const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.publicKey }, format: "jwk" });
      return (signature: Uint8Array, payload: Uint8Array) => verify(null, payload, publicKey, signature);
    });
    if (verifyKeys.size > 1000) verifyKeys.clear();
    verifyKeys.set(conferenceId, key);
    key.catch(() => verifyKeys.delete(conferenceId));
  }
  return key;
}

/** When a conference's codes expire: its end (or start) plus the margin. */
async function expiryOf(db: Db, conferenceId: string, now: Date): Promise<number> {
  const facts = await conferenceFacts(db, conferenceId);
  if (!facts) throw notFound("Không tìm thấy hội nghị.");
  const end = facts.endsAt ?? facts.startsAt;
  return end ? end.getTime() + TOKEN_MARGIN_MS : now.getTime() + UNDATED_MS;
}

/**
 * The QR tokens of these delegates of the conference (all of them when `delegateIds` is omitted), by delegate id;
 * for bulk invitations. A delegate of another conference is left out.
 */
export async function delegateQrTokens(
  db: Db,
  conferenceId: string,
  delegateIds?: readonly string[],
  now = new Date(),
): Promise<Map<string, string>> {
  const key = await conferenceKey(db, conferenceId);
  const expiresAt = await expiryOf(db, conferenceId, now);
  const d = delegateView("d");
  const rows = await db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.conferenceId, conferenceId), delegateIds ? inArray(d.id, [...delegateIds]) : undefined));
  const tokens = new Map<string, string>();
  for (const { id } of rows) {
    const payload = tokenPayload({ conferenceId, delegateId: id, expiresAt });
    tokens.set(id, assembleToken(payload, new Uint8Array(sign(null, payload, key.privateKey))));
  }
  return tokens;
}

/** The QR token of one delegate of the conference (404 when the delegate is not one of it). */
export async function delegateQrToken(db: Db, conferenceId: string, delegateId: string): Promise<string> {
  const token = (await delegateQrTokens(db, conferenceId, [delegateId])).get(delegateId);
  if (!token) throw notFound("Không tìm thấy đại biểu này trong hội nghị.");
  return token;
}
