import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { buildAgendaDocx, deadlineText, shortDate } from "../../platform/documents/index";
import { notFound } from "../../platform/errors";
import { signerOf } from "../documents/compose";
import { issuerNames } from "../documents/queries";
import { defaultPlace } from "../plans/place";
import { getPlan } from "../plans/service";
import { getConference } from "./service";

/**
 * The printable agenda (.docx) of a conference, for whoever may read it: under the plan's header (issuer, number,
 * place and date, in the plan's layout), every item of the agenda in time order with who is responsible.
 */
export async function agendaDocx(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }) {
  const conference = await getConference(db, actor, conferenceId);
  const plan = await getPlan(db, actor, conference.planId);
  const issuer = await issuerNames(db, plan.issuerUnitId);
  if (!issuer) throw notFound("Không tìm thấy đơn vị ban hành kế hoạch.");
  const when = conference.date
    ? `${deadlineText(conference.date, conference.startTime)}${conference.durationLabel ? ` (${conference.durationLabel})` : ""}`
    : null;
  const minutes = conference.agenda.length ? conference.agendaMinutes : 0;
  const file = await buildAgendaDocx({
    layout: plan.layout,
    parentBody: issuer.parentName,
    issuer: issuer.name,
    number: plan.number,
    place: plan.place.trim() || (await defaultPlace(db, plan.issuerUnitId)),
    date: plan.issuedOn,
    recipients: [],
    signer: signerOf(plan, issuer.name),
    title: conference.title,
    reference: plan.number ? `(Kèm theo Kế hoạch số ${plan.number}${plan.issuedOn ? `, ngày ${shortDate(plan.issuedOn)}` : ""})` : null,
    when: when?.replace(" ngày", ", ngày") ?? null,
    venue: conference.venue,
    items: conference.agenda.map((a) => ({ start: a.start, end: a.end, content: a.content, responsible: a.responsible })),
    total: minutes ? `${minutes} phút` : null,
  });
  return { file, fileName: `chuong-trinh-hoi-nghi-${conference.id.slice(0, 8)}.docx` };
}
