import type { ImportedDeadline } from "../../contracts/importer";
import { readDates } from "../dates";
import { dueOf } from "../deadlines/index";
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
        // A replaced deadline (`hạn cũ là ngày 10.4`) is history: the new one is the deadline.
        if (d.kind !== "deadline" || d.superseded) continue;
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
        // When it falls due is the one rule of domain/deadlines (`trước tháng 10` → 30 September).
        const due = dueOf(d);
        if (!due) continue;
        out.push({ due: due.date, time: due.time, units, what, raw: d.raw });
      }
    }
  }
  return out;
}
