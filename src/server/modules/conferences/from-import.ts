import type { ImportedConference, ImportResult } from "../../../contracts/importer";
import { conferenceEnd } from "../../../domain/dates/length";
import { addDays, dueInstant, isClockTime, isIsoDate } from "../../../domain/deadlines/index";
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

/**
 * The conferences an imported plan holds, as records, inside the caller's transaction: each with its banner,
 * delegate groups and agenda; the speeches (each linked to the task that asks its unit for it) and the
 * logistics tasks go to the plan's first conference, made from the plan itself when it lists speeches but no
 * conference. Returns the conference ids in order.
 */
export async function createConferencesFromImport(tx: Db, o: ConferencesFromImportOptions): Promise<string[]> {
  const r = o.result;
  const imported: ImportedConference[] = [...r.conferences];
  if (imported.length === 0 && r.speeches.length > 0)
    imported.push({
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
    });
  const ids: string[] = [];
  for (const [index, c] of imported.entries()) {
    const [row] = await tx
      .insert(conferences)
      .values({
        planId: o.planId,
        hostUnitId: o.issuerUnitId,
        level: c.level?.trim() || null,
        title: c.title?.trim() || r.title.trim() || "Hội nghị",
        bannerText: index === 0 ? bannerOf(r.sections) : "",
        startsAt: instant(c.date, c.start ?? c.agenda[0]?.start ?? null),
        endsAt: endOf(c),
        durationLabel: c.duration?.trim() || null,
        venue: c.venue ?? "",
        chair: c.chair ?? "",
        expectedAttendance: c.expectedAttendance,
        sortOrder: index,
      })
      .returning({ id: conferences.id });
    ids.push(row.id);
    const groups = delegateGroupsOf(c, r.sections);
    if (groups.length)
      await tx.insert(conferenceDelegateGroups).values(groups.map((g, i) => ({ conferenceId: row.id, ...g, sortOrder: i })));
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
  }
  const first = ids[0];
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
  const speechTasks = new Set(o.speechTaskIds.values());
  const logistics = o.tasks.flatMap((t) => {
    const kind = speechTasks.has(t.id) ? null : logisticsKindOf(t.what);
    return kind ? [{ conferenceId: first, kind, taskId: t.id }] : [];
  });
  if (logistics.length) await tx.insert(conferenceLogistics).values(logistics);
  return ids;
}
