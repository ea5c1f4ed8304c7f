import type { AgendaItemView, ConferenceDetail, ConferenceSummary } from "../../../contracts/conferences";
import { vietnamClock, vietnamToday } from "../../../domain/deadlines/index";
import type { conferenceAgendaItems, conferenceDelegateGroups, conferences } from "../../db/schema/index";

type ConferenceRow = typeof conferences.$inferSelect;
type AgendaRow = typeof conferenceAgendaItems.$inferSelect;
type GroupRow = typeof conferenceDelegateGroups.$inferSelect;

export interface PlanOfConference {
  title: string;
  number: string | null;
  status: "draft" | "issued" | "closed";
}

const clock = (at: Date | null) => (at ? vietnamClock(at) : null);
const minutesBetween = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 60_000) : null);

export function presentConferenceSummary(c: ConferenceRow, plan: PlanOfConference, hostUnitName: string): ConferenceSummary {
  return {
    id: c.id,
    planId: c.planId,
    planTitle: plan.title,
    planNumber: plan.number,
    hostUnitId: c.hostUnitId,
    hostUnitName,
    level: c.level,
    title: c.title,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
    date: c.startsAt ? vietnamToday(c.startsAt) : null,
    startTime: clock(c.startsAt),
    endTime: clock(c.endsAt),
    durationLabel: c.durationLabel,
    venue: c.venue,
    format: c.format,
    perUnitTaskId: c.perUnitTaskId,
  };
}

export function presentAgendaItem(a: AgendaRow): AgendaItemView {
  return {
    id: a.id,
    start: clock(a.startsAt),
    end: clock(a.endsAt),
    minutes: minutesBetween(a.startsAt, a.endsAt),
    content: a.content,
    responsible: a.responsible,
    responsibleUnitId: a.responsibleUnitId,
    kind: a.kind,
  };
}

/** Minutes from the first timed item's start to the last one's end (the total the agenda page shows). */
export function agendaMinutes(agenda: readonly AgendaRow[]): number {
  const timed = agenda.filter((a) => a.startsAt && a.endsAt);
  if (timed.length === 0) return 0;
  const first = Math.min(...timed.map((a) => a.startsAt?.getTime() ?? 0));
  const last = Math.max(...timed.map((a) => a.endsAt?.getTime() ?? 0));
  return Math.round((last - first) / 60_000);
}

export interface ConferenceDetailParts {
  conference: ConferenceRow;
  plan: PlanOfConference;
  hostUnitName: string;
  groups: GroupRow[];
  agenda: AgendaRow[];
  canOrganise: boolean;
}

export function presentConferenceDetail(p: ConferenceDetailParts): ConferenceDetail {
  return {
    ...presentConferenceSummary(p.conference, p.plan, p.hostUnitName),
    planStatus: p.plan.status,
    bannerText: p.conference.bannerText,
    chair: p.conference.chair,
    expectedAttendance: p.conference.expectedAttendance,
    delegateGroups: p.groups.map((g) => ({ id: g.id, name: g.name, members: g.members, dressCode: g.dressCode })),
    agenda: p.agenda.map(presentAgendaItem),
    agendaMinutes: agendaMinutes(p.agenda),
    version: p.conference.version,
    canOrganise: p.canOrganise,
  };
}
