/**
 * Vietnamese telephone numbers as people write them ("0912 345 678", "+84 912.345.678", "(0225) 3 842 123"),
 * checked against the numbering plan in force since 2018: mobiles are 10 digits starting 03, 05, 07, 08 or 09;
 * landlines are 11 digits starting 02 (a 3- or 4-digit area code 02x/02xx and the subscriber number).
 */

export type PhoneCheck = { ok: true; phone: string } | { ok: false; reason: string };

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * The number in its national form, or why it is not one: `checkPhone("+84 912 345 678")` → `{ ok: true, phone: "0912345678" }`,
 * `checkPhone("091234")` → `{ ok: false, reason: "…" }`. An empty text is fine (no phone given).
 */
export function checkPhone(text: string): PhoneCheck {
  const written = text.trim();
  if (written === "") return { ok: true, phone: "" };
  if (/[^\d\s.+()-]/.test(written)) return { ok: false, reason: `Số điện thoại "${written}" có ký tự không phải chữ số.` };
  let digits = written.replace(/\D/g, "");
  if (written.startsWith("+") || (digits.startsWith("84") && digits.length >= 11)) {
    if (!digits.startsWith("84")) return { ok: false, reason: `Số điện thoại "${written}" không phải số Việt Nam (+84).` };
    digits = `0${digits.slice(2)}`;
  }
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return { ok: true, phone: digits };
  if (digits.startsWith("01") && digits.length === 11)
    return { ok: false, reason: `Số "${written}" là đầu số di động cũ (11 số); hãy đổi sang số 10 chữ số hiện hành.` };
  return {
    ok: false,
    reason: `Số điện thoại "${written}" không hợp lệ: di động gồm 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09; cố định gồm 11 chữ số bắt đầu bằng 02.`,
  };
}
