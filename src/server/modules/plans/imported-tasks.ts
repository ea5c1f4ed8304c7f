import type { ImportResult } from "../../../contracts/importer";
import { nameKey, searchKey } from "../../../domain/text/vietnamese";

/** One task of the draft made from an import: what, which units (as written), and when. */
export interface DraftTask {
  what: string;
  units: string[];
  due: string | null;
  time: string | null;
  /** The deadline was proposed (or is missing), not read from the text: the clerk must check it. */
  dueToCheck: boolean;
  /** The speech (its `no`) this task asks the unit to send: one task per speech. */
  speechNo?: number;
}

/** A deadline or item that calls for the speeches as a whole ("… chuẩn bị tham luận gửi …"): one task per speech replaces it. */
export function isSpeechCall(what: string): boolean {
  return /\b(chuan bi|gui|nop|viet) (bai )?tham luan/.test(searchKey(what));
}

/** The first words of a sentence, without diacritics, to tell whether a deadline and a task item say the same. */
const head = (text: string) => searchKey(text).replace(/\s+/g, " ").trim().slice(0, 40);

/**
 * Every task of an imported plan, none dropped: each deadline the text gives, then every task item (per unit
 * and role, `Phân công nhiệm vụ`) that no deadline already covers. Items of one unit and role without a deadline
 * are one task; its deadline is proposed as the start of the conference the plan serves (the earliest dated one)
 * and marked to be checked, or left empty when the plan has no dated conference. When the plan lists speeches,
 * the call for speeches becomes one task per speech ("Gửi tham luận: <topic>", to its unit, by the call's deadline).
 * `importedTasks(seed001)` → 4 tasks with deadlines from the text + 9 with the conference's opening, to be
 * checked + 24 speeches due 11:00 on 29/5/2026.
 */
export function importedTasks(r: Pick<ImportResult, "deadlines" | "tasks" | "conferences" | "speeches">): DraftTask[] {
  const bySpeech = r.speeches.length > 0;
  const call = bySpeech ? r.deadlines.find((d) => isSpeechCall(d.what || d.raw)) : undefined;
  const out: DraftTask[] = r.deadlines
    .filter((d) => !(bySpeech && isSpeechCall(d.what || d.raw)))
    .map((d) => ({ what: d.what || d.raw, units: d.units, due: d.due, time: d.time, dueToCheck: false }));
  const conference = r.conferences
    .filter((c) => c.date)
    .sort((a, b) => `${a.date} ${a.start ?? ""}`.localeCompare(`${b.date} ${b.start ?? ""}`))[0];
  for (const task of r.tasks) {
    const unit = nameKey(task.unit);
    const open = task.items.filter(
      (item) =>
        !(bySpeech && isSpeechCall(item)) &&
        !r.deadlines.some((d) => {
          const a = head(item);
          const b = head(d.what || d.raw);
          const sameUnit = d.units.some((u) => nameKey(u) === unit) || d.units.length === 0;
          return sameUnit && a.length > 0 && (a.startsWith(b) || b.startsWith(a));
        }),
    );
    if (open.length === 0) continue;
    const what = open.map((i) => i.trim().replace(/[;.]+$/, "")).join("; ");
    out.push({
      what: task.role === "support" && !/^phối hợp/i.test(what) ? `Phối hợp: ${what}` : what,
      units: [task.unit],
      due: conference?.date ?? null,
      time: conference?.date ? (conference.start ?? null) : null,
      dueToCheck: true,
    });
  }
  for (const speech of r.speeches)
    out.push({
      what: `Gửi tham luận: ${speech.topic.trim().replace(/[;.]+$/, "")}`,
      units: speech.unit ? [speech.unit] : [],
      due: call?.due ?? conference?.date ?? null,
      time: call ? call.time : conference?.date ? (conference.start ?? null) : null,
      dueToCheck: !call,
      speechNo: speech.no,
    });
  return out;
}
