import type { Block } from "./blocks";
import { isCaps } from "./regions";

const MOTTO =
  /^(CỘNG HÒA|CỘNG HOÀ|CỘNG|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN|\*+|[-_]+)$|^(CỘNG HÒA|CỘNG HOÀ|HÒA XÃ HỘI|HOÀ XÃ HỘI|ĐẢNG CỘNG SẢN|CHỦ NGHĨA VIỆT NAM|VIỆT NAM$)/u;
/** `57/KH-UBND`, `112 KH/TU`, `45 KH-BCĐ`, `03 /KH-BCH`: the number, a separator, the symbol. */
const NUMBER = /^(\d+[\p{L}\p{N}.]*)(\s*[/-]\s*|\s+)((?:[\p{Lu}\d][\p{L}\p{N}&.]*)(?:[-/][\p{L}\p{N}&.]+)*)(.*)$/u;
const PLACE_DATE = /^([\p{L}][\p{L} .'-]*?),\s*ngày\s+(\d{1,2}|\.+|…+)?\s*tháng\s+(\d{1,2}|\.+|…+)?\s*năm\s+(\d{4})/u;

/** What the header tells: number, issuing body, place and date. */
export interface HeaderFacts {
  number: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
}

/**
 * Splits `Số: …` into the number and what follows it on the line (often the place and date):
 * `splitNumber("57/KH-UBND Quảng Trị, ngày 2 tháng 3 năm 2025")` → `{ number: "57/KH-UBND", rest: "Quảng Trị, ngày …" }`;
 * a space for a separator becomes `-` before a Party symbol (`112 KH/TU` → `112-KH/TU`), `/` otherwise.
 */
export function splitNumber(s: string): { number: string; rest: string } {
  const m = NUMBER.exec(s.trim());
  if (!m || (!m[2].trim() && !/^\p{Lu}/u.test(m[3]))) return { number: cleanNumber(s), rest: "" };
  const sep = m[2].trim() || (m[3].includes("/") ? "-" : "/");
  return { number: cleanNumber(`${m[1]}${sep}${m[3]}`), rest: m[4].trim() };
}

/** Normalises a number and symbol for spacing: `cleanNumber("03 /KH-BCH") === "03/KH-BCH"`. */
export function cleanNumber(s: string): string {
  return s
    .replace(/\s*([/-])\s*/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/[.,;]+$/u, "")
    .trim();
}

/** Reads the header lines above the type name: `readHeader(blocks).number`. */
export function readHeader(header: Block[]): HeaderFacts {
  const facts: HeaderFacts = { number: null, issuer: null, place: null, issuedOn: null };
  const bodies: string[] = [];
  for (const b of header) {
    if (b.type !== "line") continue;
    const t = b.text;
    const num = /^Số(?!\s*hiệu)\s*:?\s*(\S.*)$/u.exec(t);
    let line = t;
    if (num && /\d|\//.test(num[1])) {
      // `Số:      /KH-UBND` is a plan not numbered yet: no number.
      const { number, rest } = /^\d/u.test(num[1]) ? splitNumber(num[1]) : { number: null, rest: "" };
      facts.number ??= number;
      if (!rest) continue;
      line = rest;
    }
    const pd = PLACE_DATE.exec(line);
    if (pd) {
      facts.place ??= pd[1].trim();
      if (pd[2] && pd[3] && /^\d+$/.test(pd[2]) && /^\d+$/.test(pd[3])) facts.issuedOn ??= iso(Number(pd[4]), Number(pd[3]), Number(pd[2]));
      continue;
    }
    // Once number and date are read, the header is over: what follows (a decision that issues the plan,
    // its title, its signer) names no issuing body.
    if (facts.number && facts.issuedOn) break;
    if (isCaps(t) && !MOTTO.test(t)) bodies.push(t);
  }
  // A name broken over two lines continues with a place (`ỦY BAN NHÂN DÂN` / `THÀNH PHỐ HẢI PHÒNG`);
  // otherwise the issuing body is written under its parent, so the last name is the issuer.
  const names: string[] = [];
  for (const line of bodies) {
    // A lone word (`THỦ TƯỚNG CHÍNH` ⏎ `PHỦ`) is the rest of a name cut by a narrow table cell.
    const last = names[names.length - 1];
    if (
      last !== undefined &&
      (/^(?:THÀNH PHỐ|TỈNH|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN)(?![\p{L}])/u.test(line) || !/\s/u.test(line) || !/\s/u.test(last))
    )
      names[names.length - 1] += ` ${line}`;
    else names.push(line);
  }
  if (names.length) facts.issuer = names[names.length - 1];
  return facts;
}

/** A place-and-date line anywhere: `readPlaceDate("Hải Phòng, ngày 02 tháng 6 năm 2026")?.date === "2026-06-02"`. */
export function readPlaceDate(t: string): { place: string; date: string | null } | null {
  const pd = PLACE_DATE.exec(t);
  if (!pd) return null;
  const ok = pd[2] && pd[3] && /^\d+$/.test(pd[2]) && /^\d+$/.test(pd[3]);
  return { place: pd[1].trim(), date: ok ? iso(Number(pd[4]), Number(pd[3]), Number(pd[2])) : null };
}

const pad = (n: number) => String(n).padStart(2, "0");
function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}
