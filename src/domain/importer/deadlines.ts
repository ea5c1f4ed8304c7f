import type { ImportedDeadline } from "../../contracts/importer";
import { readDates } from "../dates";
import type { Budget } from "./blocks";
import { type Section, walk } from "./outline";
import { headingUnits, unitsOf } from "./tasks";
import { trimItem, unitKey } from "./units";

/** The units a section's sentences answer to: the nearest heading that names units. */
function contextUnits(s: Section | null): string[] {
  for (let c = s; c; c = c.parent) {
    const units = headingUnits(c.heading);
    if (units.length) return units;
  }
  return [];
}

/**
 * Every deadline of the plan body, once per obligation: the same sentence twice is one deadline,
 * two sentences with the same date are two. Dates of cited documents are never deadlines.
 * `- Sở Y tế báo cáo trước 11 giờ, ngày 29/5/2026.` → `{ due: "2026-05-29", time: "11:00", units: ["Sở Y tế"], … }`.
 */
export function readDeadlines(roots: Section[], year: number | null, warnings: string[], budget?: Budget): ImportedDeadline[] {
  const out: ImportedDeadline[] = [];
  const seen = new Set<string>();
  for (const s of walk(roots)) {
    if (budget && performance.now() > budget.until + 300) {
      if (!budget.cut) warnings.push("Văn bản quá lớn; chỉ đọc thời hạn ở phần đầu.");
      budget.cut = true;
      break;
    }
    // A heading can itself be the sentence that sets a deadline (`3. Các thôn gửi … chậm nhất ngày 18/3`).
    const lines: string[] = [s.inline ?? s.mark.label];
    for (const b of s.blocks) if (b.type === "line") lines.push(b.text);
    for (const line of lines) {
      for (const d of readDates(line, { year })) {
        if (d.kind !== "deadline") continue;
        if (!d.date) {
          warnings.push(`Không xác định được năm của thời hạn "${d.raw}".`);
          continue;
        }
        const { units } = unitsOf(line, contextUnits(line === s.mark.label ? s.parent : s));
        const what = trimItem(line);
        const key = [d.date, d.end, d.time, units.map(unitKey).join(";"), unitKey(what)].join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        if (!units.length) warnings.push(`Không rõ đơn vị chịu trách nhiệm thời hạn "${d.raw}".`);
        // A month-wide deadline: `đến hết tháng 12` ends with the month, `trước tháng 10` when it begins.
        const due = d.end && /đến\s+hết/iu.test(d.raw) ? d.end : d.date;
        out.push({ due, time: d.time, units, what, raw: d.raw });
      }
    }
  }
  return out;
}
