import { addDays } from "../deadlines/index";
import { scanAtoms } from "./atoms";
import { combineAtoms } from "./combine";

/**
 * The text with every written day moved by `days`, each in the form it was written: `shiftDatesInText("hạn
 * 31/5/2026", 3)` → `"hạn 3/6/2026"`, `"ngày 08 tháng 5"` keeps its words and padding. A day written without its
 * year takes `docYear` (the year is rewritten only where it was written). The date of a cited document
 * (`Nghị quyết số 268/NQ-CP ngày 31/8/2025`) is a reference and stays. Used by the demo, which moves its seed
 * plans to today: what the page says and what the board tracks stay the same dates.
 */
export function shiftDatesInText(text: string, days: number, docYear: number): string {
  if (days === 0) return text;
  const atoms = scanAtoms(text);
  const references = combineAtoms(text, atoms, docYear)
    .filter((e) => e.kind === "reference")
    .map((e) => [e.index, e.index + e.raw.length]);
  const cited = (at: number) => references.some(([from, to]) => at >= from && at < to);
  let out = "";
  let at = 0;
  for (const [i, a] of atoms.entries()) {
    if (a.type !== "date") continue;
    // A lone first day (`từ ngày 29 đến 31/5`) takes the month and year of the day that follows it.
    const next = atoms[i + 1];
    const month = a.month ?? (next?.type === "date" ? next.month : null);
    const year = a.year ?? (next?.type === "date" && a.month === null ? next.year : null) ?? docYear;
    if (month === null || a.start < at || cited(a.start)) continue;
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(a.day).padStart(2, "0")}`;
    if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) continue;
    const [ny, nm, nd] = addDays(iso, days).split("-").map(Number);
    const values = a.month === null ? [nd] : a.year === null ? [nd, nm] : [nd, nm, ny];
    let n = 0;
    const written = text.slice(a.start, a.end).replace(/\d+/g, (digits) => {
      const value = values[n++];
      if (value === undefined) return digits;
      // "08" stays two digits, "8" one.
      return digits.startsWith("0") ? String(value).padStart(digits.length, "0") : String(value);
    });
    out += text.slice(at, a.start) + written;
    at = a.end;
  }
  return out + text.slice(at);
}
