import type { ImportedTask } from "../../contracts/importer";
import type { Block } from "./blocks";
import { type Section, walk } from "./outline";
import { splitSubject, splitUnits, startsWithUnit, trimItem, unitKey } from "./units";

const IMPLEMENTATION = /TỔ CHỨC THỰC HIỆN|PHÂN CÔNG NHIỆM VỤ|PHÂN CÔNG THỰC HIỆN|TRÁCH NHIỆM THỰC HIỆN|PHÂN CÔNG TRÁCH NHIỆM/iu;

/** The implementation part (`VI. TỔ CHỨC THỰC HIỆN`, `II. PHÂN CÔNG NHIỆM VỤ` …), the last one if several. */
export function findImplementation(roots: Section[]): Section | null {
  const top = roots.filter((s) => IMPLEMENTATION.test(s.heading));
  if (top.length) return top[top.length - 1];
  return walk(roots).find((s) => IMPLEMENTATION.test(s.heading)) ?? null;
}

/** The units a heading names: `Các Ban Chỉ huy PTKV; Ban Chỉ huy BDBP` → 2; `Phân công …` → none. */
export function headingUnits(heading: string): string[] {
  if (!startsWithUnit(heading)) return [];
  const s = splitSubject(heading);
  return splitUnits(s ? s.subject : heading);
}

/** Text lines of a section and of its sub-sections, headings included. */
function itemLines(s: Section): string[] {
  const out: string[] = s.inline ? [s.inline] : [];
  const add = (bs: Block[]) => {
    for (const b of bs) if (b.type === "line") out.push(b.text);
  };
  add(s.blocks);
  for (const c of s.children) {
    out.push(c.inline ? `${c.heading}: ${c.inline}` : c.heading);
    for (const l of itemLines({ ...c, inline: null })) out.push(l);
  }
  return out;
}

/** Who does a sentence: its own subject when it names one, else the heading's: `unitsOf("Sở Y tế tổ chức …", []).units` → `["Sở Y tế"]`. */
export function unitsOf(text: string, fallback: string[]): { units: string[]; predicate: string } {
  const s = splitSubject(text);
  if (s) return { units: splitUnits(s.subject), predicate: s.predicate };
  return { units: fallback, predicate: text };
}

/**
 * Tasks per unit from the implementation part. A sentence that opens with `phối hợp` makes its unit a
 * supporting one for that item; every other item is led by its unit.
 */
export function readTasks(roots: Section[]): ImportedTask[] {
  const impl = findImplementation(roots);
  if (!impl) return [];
  const parts = impl.children.length ? impl.children : [impl];
  const byUnit = new Map<string, { unit: string; lead: string[]; support: string[] }>();
  for (const part of parts) {
    const head = part === impl ? [] : headingUnits(part.heading);
    let lines = part === impl ? impl.blocks.flatMap((b) => (b.type === "line" ? [b.text] : [])) : itemLines(part);
    // A heading that is a whole sentence (`3. Các thôn gửi danh sách …`) is its own task.
    if (!lines.length && part !== impl && splitSubject(part.mark.label)) lines = [part.mark.label];
    for (const line of lines) {
      if (/^Lưu ý/iu.test(line)) continue;
      const { units, predicate } = unitsOf(line, head);
      const item = trimItem(line);
      if (!item) continue;
      const support = /^phối hợp/iu.test(predicate.trim());
      for (const unit of units) {
        const key = unitKey(unit);
        let entry = byUnit.get(key);
        if (!entry) byUnit.set(key, (entry = { unit, lead: [], support: [] }));
        (support ? entry.support : entry.lead).push(item);
      }
    }
  }
  const tasks: ImportedTask[] = [];
  for (const e of byUnit.values()) {
    if (e.lead.length) tasks.push({ unit: e.unit, role: "lead", items: e.lead });
    if (e.support.length) tasks.push({ unit: e.unit, role: "support", items: e.support });
  }
  return tasks;
}
