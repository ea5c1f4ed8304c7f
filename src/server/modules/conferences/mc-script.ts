import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conferenceAgendaItems, conferenceDelegateGroups } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { buildMcScriptDocx } from "../../platform/documents/index";
import type { ScriptItem } from "../../platform/documents/program";
import { findUnitRefs } from "../organisations/views";
import { assertOrganiser, conferenceAccess } from "./policy";
import { clockRange, type DocxFile, safeName, vietnamDateText } from "./program-format";
import { type AwardRow, findConference, listAwardRows, listSpeechRows, type SpeechRow } from "./program-queries";

/**
 * Kịch bản điều hành: the conference's agenda in order, each item with the words the master of ceremonies reads:
 * the opening and the delegates, each invitation, every speech in running order, every award in stage order with
 * its form and citation read out and who presents it, and the closing.
 */

type AgendaRow = typeof conferenceAgendaItems.$inferSelect;

/** `Đồng chí Bí thư Thành ủy` in mid-sentence: `đồng chí Bí thư Thành ủy`. */
const midSentence = (text: string) => text.trim().replace(/^(Đồng chí|Các đồng chí|Lãnh đạo|Đại diện)/u, (w) => w.toLocaleLowerCase("vi"));
const lcFirst = (text: string) => (/^[A-ZÀ-Ỹ][a-zà-ỹ]/u.test(text) ? text[0].toLocaleLowerCase("vi") + text.slice(1) : text);
const noStop = (text: string) => text.trim().replace(/[.;:\s]+$/u, "");

/** "Xin trân trọng kính mời đồng chí đại diện <unit> trình bày tham luận: <topic>" for each speech, in running order. */
export function speechWords(speeches: Array<Pick<SpeechRow, "topic" | "timeLimitSeconds"> & { unitName: string }>): string[] {
  return speeches.flatMap((s, i) => [
    `${i + 1}. Xin trân trọng kính mời đồng chí đại diện ${s.unitName} trình bày tham luận: ${noStop(s.topic)}.`,
    `- Thời lượng không quá ${Math.round(s.timeLimitSeconds / 60)} phút.`,
  ]);
}

/** Each award read out in stage order: form, recipient, citation, then who is invited to present it. */
export function awardWords(awards: AwardRow[]): string[] {
  if (awards.length === 0) return ["- Chưa có danh sách khen thưởng."];
  return awards.flatMap((a, i) => {
    const who = a.recipientTitle ? `${a.recipient}, ${a.recipientTitle}` : a.recipient;
    return [
      `${i + 1}. ${a.form ? `${noStop(a.form)} tặng` : "Khen thưởng"} ${a.kind === "collective" ? "tập thể" : "cá nhân"} ${who}${a.citation ? `: ${noStop(a.citation)}` : ""}.`,
      a.presenter ? `Xin trân trọng kính mời ${midSentence(a.presenter)} lên trao thưởng.` : "- Chưa phân công người trao thưởng.",
    ];
  });
}

interface ScriptContext {
  title: string;
  hostName: string;
  chair: string;
  groups: Array<{ name: string; members: string }>;
  speeches: Array<SpeechRow & { unitName: string }>;
  awards: AwardRow[];
}

function itemWords(item: AgendaRow, index: number, last: boolean, c: ScriptContext): string[] {
  const invite = item.responsible ? `Xin trân trọng kính mời ${midSentence(item.responsible)} ${lcFirst(noStop(item.content))}.` : "";
  if (item.kind === "speeches") {
    const by = noStop(item.responsible).replace(/\s+điều hành$/u, "");
    return [
      "Kính thưa các đồng chí! Tiếp theo chương trình, Hội nghị nghe các tham luận.",
      ...(by ? [`Xin trân trọng kính mời ${midSentence(by)} điều hành phần tham luận.`] : []),
      ...speechWords(c.speeches),
    ];
  }
  if (item.kind === "awards")
    return [
      "Kính thưa các đồng chí! Tiếp theo chương trình, Hội nghị tiến hành khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
      ...awardWords(c.awards),
    ];
  if (index === 0)
    return [
      "Kính thưa các đồng chí lãnh đạo, thưa các vị đại biểu, thưa toàn thể Hội nghị!",
      `Hôm nay, ${c.hostName} long trọng tổ chức ${noStop(c.title.replace(/\s+/g, " "))}.`,
      ...(c.groups.length
        ? ["Về dự Hội nghị, xin trân trọng giới thiệu:", ...c.groups.map((g) => `- ${g.name}${g.members ? `: ${noStop(g.members)}` : ""}.`)]
        : ["Xin trân trọng giới thiệu các đồng chí lãnh đạo và các vị đại biểu về dự Hội nghị."]),
      ...(c.chair ? [`Chủ trì Hội nghị: ${noStop(c.chair)}.`] : []),
    ];
  if (last)
    return [
      invite,
      `Kính thưa các đồng chí! ${noStop(c.title.replace(/\s+/g, " "))} đến đây đã hoàn thành chương trình. Xin trân trọng cảm ơn các đồng chí lãnh đạo, các vị đại biểu đã về dự Hội nghị.`,
    ].filter(Boolean);
  return [invite].filter(Boolean);
}

/** The script as an official .docx; organisers only (it is the stage's working paper). */
export async function mcScriptDocx(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }): Promise<DocxFile> {
  const access = await conferenceAccess(db, actor, conferenceId);
  assertOrganiser(access);
  const conference = await findConference(db, conferenceId);
  const [agenda, groups, speeches, awards] = await Promise.all([
    db
      .select()
      .from(conferenceAgendaItems)
      .where(eq(conferenceAgendaItems.conferenceId, conferenceId))
      .orderBy(asc(conferenceAgendaItems.sortOrder)),
    db
      .select()
      .from(conferenceDelegateGroups)
      .where(eq(conferenceDelegateGroups.conferenceId, conferenceId))
      .orderBy(asc(conferenceDelegateGroups.sortOrder)),
    listSpeechRows(db, conferenceId),
    listAwardRows(db, conferenceId),
  ]);
  const units = await findUnitRefs(db, [conference.hostUnitId]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const context: ScriptContext = {
    title: conference.title,
    hostName: names.get(conference.hostUnitId) ?? "",
    chair: conference.chair,
    groups,
    // Speakers are read out as the plan names their units.
    speeches,
    awards,
  };
  const items: ScriptItem[] = agenda.map((item, i) => ({
    heading: `${i + 1}. ${clockRange(item.startsAt, item.endsAt)}${item.startsAt ? ": " : ""}${noStop(item.content)}`,
    responsible: item.responsible,
    words: itemWords(item, i, i === agenda.length - 1, context),
  }));
  // Speeches or awards the agenda has no item for are still read, after it.
  if (!agenda.some((a) => a.kind === "speeches") && speeches.length)
    items.push({ heading: `${items.length + 1}. Tham luận`, responsible: "", words: speechWords(context.speeches) });
  if (!agenda.some((a) => a.kind === "awards") && awards.length)
    items.push({ heading: `${items.length + 1}. Khen thưởng`, responsible: "", words: awardWords(awards) });
  const details = [
    ...(conference.startsAt ? [`Thời gian: ${vietnamDateText(conference.startsAt, conference.endsAt)}.`] : []),
    ...(conference.venue ? [`Địa điểm: ${noStop(conference.venue)}.`] : []),
  ];
  const file = await buildMcScriptDocx({ issuer: access.plan.title, conferenceTitle: conference.title, details, items });
  return { file, fileName: `kich-ban-dieu-hanh-${safeName(access.plan.number ?? "") || conferenceId}.docx` };
}
