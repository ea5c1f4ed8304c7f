/**
 * The QR code of a delegate: a compact Ed25519-signed token, verified the same way on the server and, offline, in
 * the door page (WebCrypto Ed25519, which Node and Chromium both have). Never a bare id: a forged, altered, expired
 * or other-conference code is refused with a Vietnamese message the door shows.
 *
 * Layout (101 bytes, 135 base64url characters: a QR code of version 7 that phones read at arm's length):
 * `[1: format 0x01][16: conference id][16: delegate id][4: expiry, seconds since 1970, big-endian][64: signature]`.
 */

export const TOKEN_FORMAT = 1;
const PAYLOAD_BYTES = 37;
const SIGNATURE_BYTES = 64;

export interface TokenClaims {
  conferenceId: string;
  delegateId: string;
  /** Epoch milliseconds (stored to the second). */
  expiresAt: number;
}

export type TokenRefusal = "malformed" | "other_conference" | "signature" | "expired";

export type TokenCheck = ({ ok: true } & TokenClaims) | { ok: false; reason: TokenRefusal; message: string };

/** What the door shows for each refusal: what happened, then what to do. */
export const TOKEN_MESSAGES: Record<TokenRefusal, string> = {
  malformed: "Không đọc được mã QR này: đây không phải mã giấy mời của hội nghị. Hãy tìm đại biểu theo tên.",
  other_conference: "Mã QR này là của một hội nghị khác. Hãy kiểm tra giấy mời hoặc tìm đại biểu theo tên.",
  signature: "Mã QR không hợp lệ: mã bị sửa đổi hoặc giả mạo. Hãy đối chiếu giấy tờ và tìm đại biểu theo tên.",
  expired: "Mã QR đã hết hạn (hội nghị đã kết thúc). Hãy tìm đại biểu theo tên nếu cần điểm danh.",
};

/** base64url without padding: `toBase64Url(new Uint8Array([251, 255]))` → `"-_8"`. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of a base64url text, or null when it is not one: `fromBase64Url("-_8")` → `Uint8Array [251, 255]`. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const uuidBytes = (id: string, into: Uint8Array, at: number) => {
  const hex = id.replace(/-/g, "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a uuid: ${id}`);
  for (let i = 0; i < 16; i++) into[at + i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
};
const uuidOf = (bytes: Uint8Array, at: number) => {
  const hex = [...bytes.subarray(at, at + 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The 37 signed bytes of a token: `tokenPayload({ conferenceId, delegateId, expiresAt: Date.parse("2026-06-04") })`. */
export function tokenPayload(claims: TokenClaims): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(PAYLOAD_BYTES);
  bytes[0] = TOKEN_FORMAT;
  uuidBytes(claims.conferenceId, bytes, 1);
  uuidBytes(claims.delegateId, bytes, 17);
  new DataView(bytes.buffer).setUint32(33, Math.floor(claims.expiresAt / 1000));
  return bytes;
}

/** The token text from the payload and its Ed25519 signature: `assembleToken(payload, sig)` → 135 characters. */
export function assembleToken(payload: Uint8Array, signature: Uint8Array): string {
  const bytes = new Uint8Array(PAYLOAD_BYTES + SIGNATURE_BYTES);
  bytes.set(payload, 0);
  bytes.set(signature, PAYLOAD_BYTES);
  return toBase64Url(bytes);
}

/** Reads the claims without checking anything, or null when the text is not a token of this format. */
export function readClaims(token: string): (TokenClaims & { payload: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> }) | null {
  const bytes = fromBase64Url(token.trim());
  if (!bytes || bytes.length !== PAYLOAD_BYTES + SIGNATURE_BYTES || bytes[0] !== TOKEN_FORMAT) return null;
  return {
    conferenceId: uuidOf(bytes, 1),
    delegateId: uuidOf(bytes, 17),
    expiresAt: new DataView(bytes.buffer, bytes.byteOffset).getUint32(33) * 1000,
    payload: bytes.slice(0, PAYLOAD_BYTES),
    signature: bytes.slice(PAYLOAD_BYTES),
  };
}

/** Imports a conference's public key (raw 32 bytes, base64url, as the roster gives it) for `verifyToken`. */
export async function importPublicKey(publicKey: string): Promise<CryptoKey> {
  const raw = fromBase64Url(publicKey);
  if (raw === null || raw.length !== 32) throw new Error("khóa công khai không hợp lệ");
  return crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
}

const refuse = (reason: TokenRefusal): TokenCheck => ({ ok: false, reason, message: TOKEN_MESSAGES[reason] });

/**
 * Checks an Ed25519 signature of `payload` with the conference's public key, where WebCrypto is not the fastest way
 * (the server: node:crypto checks one synchronously in half the time of WebCrypto's job).
 */
export type SignatureCheck = (signature: Uint8Array, payload: Uint8Array) => boolean | Promise<boolean>;

/**
 * Checks a scanned token for a conference at `now` (epoch ms): format, conference, signature, then expiry.
 * @example await verifyToken(scanned, { conferenceId, key: await importPublicKey(roster.publicKey), now: Date.now() })
 */
export async function verifyToken(
  token: string,
  o: { conferenceId: string; key: CryptoKey | SignatureCheck; now: number },
): Promise<TokenCheck> {
  const claims = readClaims(token);
  if (!claims) return refuse("malformed");
  if (claims.conferenceId !== o.conferenceId.toLowerCase()) return refuse("other_conference");
  const valid =
    typeof o.key === "function"
      ? await o.key(claims.signature, claims.payload)
      : await crypto.subtle.verify({ name: "Ed25519" }, o.key, claims.signature, claims.payload);
  if (!valid) return refuse("signature");
  if (claims.expiresAt <= o.now) return refuse("expired");
  return { ok: true, conferenceId: claims.conferenceId, delegateId: claims.delegateId, expiresAt: claims.expiresAt };
}
