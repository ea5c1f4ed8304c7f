import type { ImportedDeadline, ImportedTask } from "../../contracts/importer";
import { readDates } from "../dates";
import { dueOf } from "../deadlines/index";
import type { TableInContext } from "./speeches";
import { splitUnits, trimItem, unitKey } from "./units";

const LEAD_COL = /chủ trì|đơn vị thực hiện|cơ quan thực hiện|đơn vị|cơ quan|phụ trách/iu;
const SUPPORT_COL = /phối hợp/iu;
const TIME_COL = /thời hạn|thời gian|hoàn thành|tiến độ/iu;
const WHAT_COL = /nội dung|nhiệm vụ|công việc|tên/iu;

/**
 * Tasks and deadlines from a task table (`Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành`),
 * the usual annex of a state plan. In a completion column a month or quarter means "by its end":
 * `Quý III/2026` → due 2026-09-30. Agenda and speech tables have no unit column and are left alone.
 */
export function readTaskTables(tables: TableInContext[], year: number | null): { tasks: ImportedTask[]; deadlines: ImportedDeadline[] } {
  const tasks: ImportedTask[] = [];
  const deadlines: ImportedDeadline[] = [];
  const byKey = new Map<string, ImportedTask>();
  const add = (unit: string, role: "lead" | "support", item: string) => {
    const key = `${unitKey(unit)}|${role}`;
    let t = byKey.get(key);
    if (!t) {
      t = { unit, role, items: [] };
      byKey.set(key, t);
      tasks.push(t);
    }
    if (!t.items.includes(item)) t.items.push(item);
  };
  for (const { rows } of tables) {
    const [head, ...body] = rows;
    if (!head) continue;
    const find = (re: RegExp, not?: RegExp) => head.findIndex((c) => re.test(c) && !not?.test(c));
    const supportCol = find(SUPPORT_COL);
    const leadCol = find(LEAD_COL, SUPPORT_COL);
    const whatCol = find(WHAT_COL);
    const timeCol = find(TIME_COL);
    if (leadCol < 0 || whatCol < 0 || leadCol === whatCol) continue;
    for (const r of body) {
      const what = trimItem(r[whatCol] ?? "");
      if (!what) continue;
      const leads = splitUnits(r[leadCol] ?? "");
      for (const u of leads) add(u, "lead", what);
      if (supportCol >= 0) for (const u of splitUnits(r[supportCol] ?? "")) add(u, "support", what);
      if (timeCol < 0 || !r[timeCol]) continue;
      const d = readDates(r[timeCol], { year }).find((x) => x.date && x.kind !== "reference" && x.kind !== "recurring" && !x.superseded);
      const due = d ? dueOf(d) : null;
      if (!d || !due) continue;
      deadlines.push({ due: due.date, time: due.time, units: leads, what, raw: d.raw });
    }
  }
  return { tasks, deadlines };
}
