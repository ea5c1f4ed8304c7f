import type { Block } from "./blocks";
import { isCaps } from "./regions";

const MOTTO = /^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN|\*|[-_]+)$|^(CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN)/u;
const PLACE_DATE = /^([\p{L}][\p{L} .'-]*?),\s*ngày\s+(\d{1,2}|\.+|…+)?\s*tháng\s+(\d{1,2}|\.+|…+)?\s*năm\s+(\d{4})/u;

/** What the header tells: number, issuing body, place and date. */
export interface HeaderFacts {
  number: string | null;
  issuer: string | null;
  place: string | null;
  issuedOn: string | null;
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
    const num = /^Số\s*:?\s*(\S.*)$/u.exec(t);
    if (num && /\d|\//.test(num[1])) {
      facts.number ??= cleanNumber(num[1]);
      continue;
    }
    const pd = PLACE_DATE.exec(t);
    if (pd) {
      facts.place ??= pd[1].trim();
      if (pd[2] && pd[3] && /^\d+$/.test(pd[2]) && /^\d+$/.test(pd[3])) facts.issuedOn ??= iso(Number(pd[4]), Number(pd[3]), Number(pd[2]));
      continue;
    }
    if (isCaps(t) && !MOTTO.test(t)) bodies.push(t);
  }
  // A name broken over two lines continues with a place (`ỦY BAN NHÂN DÂN` / `THÀNH PHỐ HẢI PHÒNG`);
  // otherwise the issuing body is written under its parent, so the last name is the issuer.
  const names: string[] = [];
  for (const line of bodies) {
    if (names.length && /^(?:THÀNH PHỐ|TỈNH|XÃ|PHƯỜNG|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN)(?![\p{L}])/u.test(line))
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
