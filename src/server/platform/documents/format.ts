/** How dates and lists are written in official documents (Nghị định 30/2020/NĐ-CP, Phụ lục I). */

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The place-and-date line: `placeDate("Hải Phòng", "2026-01-01")` → "Hải Phòng, ngày 01 tháng 01 năm 2026".
 * Days below 10 and months below 3 take a leading zero (so "ngày 05 tháng 3", never "tháng 03").
 */
export function placeDate(place: string, isoDate: string | null): string {
  if (!isoDate) return `${place}, ngày      tháng      năm        `;
  const [y, m, d] = isoDate.split("-").map(Number);
  const month = m < 3 ? pad(m) : String(m);
  return `${place}, ngày ${pad(d)} tháng ${month} năm ${y}`;
}

/** A date as cited in running text: `shortDate("2026-05-31")` → "31/5/2026". */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${pad(d)}/${m}/${y}`;
}

/** A deadline as written in plans: `deadlineText("2026-05-31", "08:00")` → "08 giờ 00 ngày 31/5/2026". */
export function deadlineText(isoDate: string, time: string | null): string {
  if (!time) return `ngày ${shortDate(isoDate)}`;
  const [h, min] = time.split(":");
  return `${h} giờ ${min} ngày ${shortDate(isoDate)}`;
}

/** The number line: state `Số: 03/KH-BCH`, Party `Số 63-KH/TU` (no colon); blank for the records office when null. */
export function numberLine(layout: "state" | "party", number: string | null): string {
  const label = layout === "state" ? "Số:" : "Số";
  return number ? `${label} ${number.replace(/\s+/g, "")}` : `${label}        `;
}

/**
 * Recipient lines as printed: each `- …;`, the last `- Lưu: VT, ….`; adds `Lưu: VT` when the list has none.
 * `recipientLines(["Sở Nội vụ"])` → ["- Sở Nội vụ;", "- Lưu: VT."]
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const clean = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–•+]\s*/, "")
        .replace(/[;.,\s]+$/, ""),
    )
    .filter(Boolean);
  const archive = clean.findIndex((r) => /^lưu\b/i.test(r));
  const others = clean.filter((_, i) => i !== archive);
  const last = archive >= 0 ? clean[archive] : "Lưu: VT";
  return [...others.map((r) => `- ${r};`), `- ${last}.`];
}
