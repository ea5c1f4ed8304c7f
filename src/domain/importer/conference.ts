import type { AgendaItem, ImportedConference } from "../../contracts/importer";
import { readDates, readDuration } from "../dates";
import { conferenceEnd } from "../dates/length";
import type { Block } from "./blocks";
import { readPlaceDate } from "./header";
import { type Section, walk } from "./outline";
import { trimItem, unitKey } from "./units";

const LEVEL = /^Hội nghị\s+(?:cấp|tại|ở)\s+(.+)$/iu;
const PARTICIPANT_LABEL = /^(?:Thành phần(?: dự| tham dự| đại biểu)?|Đại biểu mời(?: dự)?|Khách mời|Mời dự)\s*:\s*(.*)$/iu;
const ATTENDANCE = /(?:Tổng số|Tổng cộng|Dự kiến|Số lượng|khoảng)[^.\d]*?([\d.]{1,7})\s+(?:đại biểu|người)/iu;

interface Gathered {
  chair: string | null;
  participants: string[];
  dress: string[];
  attendance: number | null;
}

/** The lines of sections, in reading order, descendants included. */
function linesOf(sections: Section[]): Block[] {
  const out: Block[] = [];
  for (const s of sections) {
    if (s.inline) out.push({ type: "line", text: s.inline, bullet: null, heading: null });
    out.push(...s.blocks);
    out.push(...linesOf(s.children));
  }
  return out;
}

function gather(blocks: Block[]): Gathered {
  const g: Gathered = { chair: null, participants: [], dress: [], attendance: null };
  let mode: "participants" | "dress" = "participants";
  for (const b of blocks) {
    if (b.type !== "line") continue;
    const t = b.text;
    const chair = /^Chủ trì\s*:\s*(.+)$/iu.exec(t);
    if (chair) {
      g.chair ??= trimItem(chair[1]);
      continue;
    }
    const label = PARTICIPANT_LABEL.exec(t);
    if (label) {
      mode = "participants";
      if (label[1].trim()) g.participants.push(trimItem(label[1]));
      continue;
    }
    const dress = /^Trang phục[^:]*:\s*(.*)$/iu.exec(t);
    if (dress) {
      mode = "dress";
      if (dress[1].trim()) g.dress.push(dress[1].trim());
      continue;
    }
    const count = ATTENDANCE.exec(t);
    if (count && /^(?:Tổng|Dự kiến|Số lượng)|khoảng\s+[\d.]+\s+đại biểu/iu.test(t)) {
      g.attendance = Number(count[1].replace(/\./g, ""));
      continue;
    }
    if (mode === "dress") {
      g.dress.push(t);
      continue;
    }
    const item = trimItem(t);
    g.participants.push(item);
    const named = /^(.*?)\s*\(\s*Chủ trì[^)]*\)$/iu.exec(item);
    if (named && !g.chair) g.chair = trimItem(named[1]);
  }
  return g;
}

/** Sections whose heading matches and that hold no deeper match (the most specific ones). */
function specific(all: Section[], re: RegExp): Section[] {
  return all.filter((s) => re.test(s.heading) && !walk(s.children).some((c) => re.test(c.heading)));
}

function readAgenda(all: Section[]): AgendaItem[] {
  const owner = all.find((s) => /CHƯƠNG TRÌNH/iu.test(s.heading) && s.blocks.some((b) => b.type === "table" || b.bullet));
  if (!owner) return [];
  const items: AgendaItem[] = [];
  for (const b of owner.blocks) {
    if (b.type === "table") {
      const [head, ...rows] = b.rows;
      const col = (re: RegExp) => head.findIndex((c) => re.test(c));
      const timeCol = col(/thời gian|giờ/iu);
      const itemCol = col(/nội dung/iu);
      const byCol = col(/phân công|thực hiện|trình bày|phụ trách|người/iu);
      for (const r of rows) {
        const times = timeCol >= 0 ? readDates(r[timeCol] ?? "").find((d) => d.time) : undefined;
        const item = (itemCol >= 0 ? r[itemCol] : r[r.length - 1]) ?? "";
        if (!item) continue;
        items.push({ start: times?.time ?? null, end: times?.endTime ?? null, item, by: byCol >= 0 && r[byCol] ? r[byCol] : null });
      }
    } else if (b.bullet) {
      items.push(agendaLine(b.text));
    }
  }
  return items;
}

/** One programme line: `- 08h00 - 08h05: Khai mạc (Đồng chí Bí thư)` → times, item and who. */
function agendaLine(text: string): AgendaItem {
  const t = readDates(text).find((d) => d.time && d.index <= 4);
  let item = t ? text.slice(t.index + t.raw.length).replace(/^[\s:–-]+/u, "") : text;
  let by: string | null = null;
  const who = /\s*\(((?:Đ\/c|Đồng chí|đồng chí|Lãnh đạo|Chủ tịch|Bí thư|Thủ trưởng)[^()]*)\)[.;]?$/u.exec(item);
  if (who) {
    by = who[1].trim();
    item = item.slice(0, who.index);
  }
  return { start: t?.time ?? null, end: t?.endTime ?? null, item: trimItem(item), by };
}

function readTitle(all: Section[]): string | null {
  const s = all.find((x) => /^Tiêu đề/iu.test(x.heading));
  if (!s) return null;
  let lines = s.blocks.flatMap((b) => (b.type === "line" ? [b.text] : []));
  // The banner opens with the body's name (and its star) before `HỘI NGHỊ …`.
  const start = lines.findIndex((l) => /^HỘI NGHỊ/u.test(l));
  const star = lines.indexOf("*");
  if (start >= 0) lines = lines.slice(start);
  else if (star >= 0) lines = lines.slice(star + 1);
  lines = lines.filter((l) => !readPlaceDate(l));
  return lines.join(" ").trim() || null;
}

const emptyConference = (level: string | null): ImportedConference => ({
  level,
  title: null,
  date: null,
  start: null,
  end: null,
  duration: null,
  venue: null,
  chair: null,
  expectedAttendance: null,
  participants: [],
  dressCode: null,
  agenda: [],
});

const matches = (label: string, level: string | null) => {
  if (!level) return false;
  const a = unitKey(label).replace(/^(?:cấp|tại)\s+/u, "");
  const b = unitKey(level);
  return a.length > 2 && (b.includes(a) || a.includes(b));
};

/**
 * Conferences of the plan: one per level when headings say `Hội nghị cấp …` / `Hội nghị tại …`, else one.
 * Several levels share the programme written once for all. `readConferences(roots, preamble, 2026)`.
 */
export function readConferences(roots: Section[], preambleText: string, year: number | null): ImportedConference[] {
  const all = walk(roots);
  const conferenceParts = all.filter((s) => /THÀNH PHẦN|CHƯƠNG TRÌNH HỘI NGHỊ|^Hội nghị/iu.test(s.heading));
  // `Thành phần Ban Chỉ đạo` alone is not a conference: the plan must speak of one.
  const speaksOfConference = /hội nghị/iu.test(preambleText) || all.some((s) => /hội nghị/iu.test(s.heading));
  if (!conferenceParts.length || !speaksOfConference) return [];
  const levelSections = all.filter((s) => LEVEL.test(s.heading));
  const list: Array<{ conf: ImportedConference; source: Section[] }> = levelSections.length
    ? levelSections.map((s) => ({ conf: emptyConference(LEVEL.exec(s.heading)![1].trim()), source: [s] }))
    : [{ conf: emptyConference(levelFrom(preambleText)), source: specific(all, /THÀNH PHẦN/iu) }];
  const agenda = readAgenda(all);
  const title = readTitle(all);
  const timeLines = linesOf(specific(all, /^Thời gian/iu)).flatMap((b) => (b.type === "line" ? [b.text] : []));
  const venueLines = linesOf(specific(all, /^Địa điểm/iu)).flatMap((b) => (b.type === "line" ? [b.text] : []));
  const durations = [...new Set(timeLines.map(readDuration).filter((d): d is string => d !== null))];
  for (const { conf, source } of list) {
    const g = gather(linesOf(source));
    conf.chair = g.chair;
    conf.participants = g.participants;
    conf.dressCode = g.dress.length ? g.dress.join(" ") : null;
    conf.expectedAttendance = g.attendance;
    conf.title = title;
    conf.agenda = agenda.map((a) => ({ ...a }));
    if (durations.length === 1) conf.duration = durations[0];
  }
  if (list.length === 1) {
    const conf = list[0].conf;
    const when = timeLines.flatMap((l) => readDates(l, { year })).find((d) => (d.kind === "event" || d.kind === "range") && d.date);
    if (when) {
      conf.date = when.date;
      conf.start = when.time;
      conf.end = when.endTime;
    }
    if (venueLines.length) conf.venue = trimItem(venueLines[0]);
  } else {
    for (const line of venueLines) {
      const [label, ...rest] = line.split(/:\s*/u);
      if (!rest.length) continue;
      const venue = trimItem(rest.join(": "));
      const hit = list.find((x) => matches(label, x.conf.level));
      if (hit) hit.conf.venue ??= venue;
      else for (const x of list) if (!x.conf.venue && !venueLines.some((l) => matches(l.split(":")[0], x.conf.level))) x.conf.venue = venue;
    }
  }
  for (const { conf } of list) {
    conf.start ??= conf.agenda.find((a) => a.start)?.start ?? null;
    // No end written: the start plus the written length (`1/2 ngày` = 4 hours), never before the agenda's last end.
    const lastEnd = [...conf.agenda].reverse().find((a) => a.end)?.end ?? null;
    const end = conferenceEnd(conf.start, conf.duration, lastEnd);
    // A conference of several days ends on a later day than its date: left to `conferenceEnd` where instants are made.
    conf.end ??= end ? (end.days === 0 ? end.time : null) : lastEnd;
  }
  return list.map((x) => x.conf);
}

function levelFrom(text: string): string | null {
  const m = /[Hh]ội nghị(?:\s+[^,.;:()]*?)?\s+cấp\s+(.+?)(?=\s+(?:với|về|như|nhằm|để|vào)\s|[,.;:(]|$)/u.exec(text);
  return m ? m[1].trim() : null;
}
