import type { ImportedConference, ImportResult } from "../../../contracts/importer";
import { conferenceEnd } from "../../../domain/dates/length";
import { addDays, dueInstant, isClockTime, isIsoDate } from "../../../domain/deadlines/index";
import { searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import {
  conferenceAgendaItems,
  conferenceDelegateGroups,
  conferenceLogistics,
  conferenceSpeeches,
  conferences,
} from "../../db/schema/index";
import { agendaKindOf, bannerOf, delegateGroupsOf, logisticsKindOf } from "./imported";

export interface ConferencesFromImportOptions {
  planId: string;
  issuerUnitId: string;
  result: Pick<ImportResult, "title" | "sections" | "conferences" | "speeches">;
  /** The unit a name written in the plan stands for, or null (the plans module's matcher). */
  matchUnit: (name: string) => string | null;
  /** The plan's tasks as created: the ones about hall, decoration, security… become the conference's logistics. */
  tasks: ReadonlyArray<{ id: string; what: string }>;
  /** The task asking each speech's unit to send it, by the speech's number (`no`). */
  speechTaskIds: ReadonlyMap<number, string>;
  /** The deadline tasks asking for a conference to be held (deliverable `conference`). */
  heldTasks?: readonly HeldTask[];
}

/** `("2026-06-02", "08:00")` → the instant 08:00 in Vietnam; null without a real date and time. */
function instant(date: string | null, time: string | null): Date | null {
  return date && time && isIsoDate(date) && isClockTime(time) ? dueInstant(date, time) : null;
}

/** The end the text writes, else the start plus the written length (`1/2 ngày` = 4 hours), never before the agenda ends. */
function endOf(c: ImportedConference): Date | null {
  if (c.end) return instant(c.date, c.end);
  const start = c.start ?? c.agenda[0]?.start ?? null;
  const end = conferenceEnd(start, c.duration, c.agenda.at(-1)?.end ?? null);
  return end && c.date && isIsoDate(c.date) ? instant(addDays(c.date, end.days), end.time) : null;
}

/** The deadline task asking units to hold a conference (deliverable `conference`): the issuer's own, or one per unit. */
export interface HeldTask {
  id: string;
  /** The units as the text names them (`Ban CHQS cấp xã`). */
  units: string[];
  /** The issuer holds it itself (`Bộ CHQS thành phố tổ chức …`): not a per-unit conference. */
  own: boolean;
  /** The length written with it (`½ ngày`). */
  duration: string | null;
}

const levelKey = (text: string) => searchKey(text).replace(/^cac /, "").replace(/\s+/g, " ").trim();

/** The imported conference a per-unit level is read from: the one whose level names one of its units. */
function templateOf(imported: readonly ImportedConference[], held: HeldTask): ImportedConference | undefined {
  const names = held.units.map(levelKey).filter(Boolean);
  return imported.find((c) => c.level && names.some((n) => levelKey(c.level ?? "").includes(n)));
}

const EMPTY: ImportedConference = {
  level: null,
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
};

/**
 * The conferences an imported plan holds, as records, inside the caller's transaction: each with its banner,
 * delegate groups and agenda. A level every unit of a kind holds by a date (`Ban CHQS cấp xã tổ chức: ½ ngày
 * (xong trước ngày 12/01/2026)`, a held task) is a conference of its own whose `perUnitTaskId` is that task: each
 * unit's obligation is "conference held"; the imported conference naming that level gives its agenda, chair and
 * venue. The per-unit levels come first (lower levels first), then the issuer's own. The speeches (each linked to
 * the task that asks its unit for it) and the logistics tasks go to the issuer's first own conference, made from
 * the plan itself when it lists speeches but no conference. Returns the conference ids in order.
 */
export async function createConferencesFromImport(tx: Db, o: ConferencesFromImportOptions): Promise<string[]> {
  const r = o.result;
  const imported: ImportedConference[] = [...r.conferences];
  if (imported.length === 0 && r.speeches.length > 0) imported.push(EMPTY);
  const perUnit = (o.heldTasks ?? []).filter((h) => !h.own).map((h) => ({ held: h, template: templateOf(imported, h) }));
  const templates = new Set(perUnit.map((p) => p.template));
  const own = imported.filter((c) => !templates.has(c));
  const drafts = [
    ...perUnit.map(({ held, template }) => ({
      c: { ...(template ?? EMPTY), date: null, start: null, end: null, duration: template?.duration ?? held.duration },
      level: held.units.join(", "),
      perUnitTaskId: held.id,
    })),
    ...own.map((c) => ({ c, level: c.level, perUnitTaskId: null })),
  ];
  const ids: string[] = [];
  let first: string | undefined;
  for (const [index, { c, level, perUnitTaskId }] of drafts.entries()) {
    const id = await insertConference(tx, c, {
      planId: o.planId,
      hostUnitId: o.issuerUnitId,
      level: level?.trim() || null,
      title: c.title?.trim() || r.title.trim() || "Hội nghị",
      bannerText: !perUnitTaskId && !first ? bannerOf(r.sections) : "",
      perUnitTaskId,
      sortOrder: index,
      sections: r.sections,
    });
    ids.push(id);
    if (!perUnitTaskId) first ??= id;
  }
  first ??= ids[0];
  if (!first) return ids;
  if (r.speeches.length)
    await tx.insert(conferenceSpeeches).values(
      r.speeches.map((s, i) => ({
        conferenceId: first,
        topic: s.topic,
        unitId: s.unit ? o.matchUnit(s.unit) : null,
        unitName: s.unit,
        taskId: o.speechTaskIds.get(s.no) ?? null,
        runningOrder: i + 1,
      })),
    );
  const skip = new Set([...o.speechTaskIds.values(), ...(o.heldTasks ?? []).map((h) => h.id)]);
  const logistics = o.tasks.flatMap((t) => {
    const kind = skip.has(t.id) ? null : logisticsKindOf(t.what);
    return kind ? [{ conferenceId: first, kind, taskId: t.id }] : [];
  });
  if (logistics.length) await tx.insert(conferenceLogistics).values(logistics);
  return ids;
}

interface ConferenceFields {
  planId: string;
  hostUnitId: string;
  level: string | null;
  title: string;
  bannerText: string;
  perUnitTaskId: string | null;
  sortOrder: number;
  sections: ImportResult["sections"];
}

/** One conference with its delegate groups and agenda. */
async function insertConference(tx: Db, c: ImportedConference, f: ConferenceFields): Promise<string> {
  const { sections, ...fields } = f;
  const [row] = await tx
    .insert(conferences)
    .values({
      ...fields,
      startsAt: instant(c.date, c.start ?? c.agenda[0]?.start ?? null),
      endsAt: endOf(c),
      durationLabel: c.duration?.trim() || null,
      venue: c.venue ?? "",
      chair: c.chair ?? "",
      expectedAttendance: c.expectedAttendance,
    })
    .returning({ id: conferences.id });
  const groups = delegateGroupsOf(c, sections);
  if (groups.length) await tx.insert(conferenceDelegateGroups).values(groups.map((g, i) => ({ conferenceId: row.id, ...g, sortOrder: i })));
  if (c.agenda.length)
    await tx.insert(conferenceAgendaItems).values(
      c.agenda.map((a, i) => ({
        conferenceId: row.id,
        startsAt: instant(c.date, a.start),
        endsAt: instant(c.date, a.end),
        content: a.item,
        responsible: a.by ?? "",
        kind: agendaKindOf(a.item),
        sortOrder: i,
      })),
    );
  return row.id;
}
