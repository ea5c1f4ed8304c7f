import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import type { FileAnswer } from "../../platform/http";
import { conferenceAccess } from "../conferences/policy";
import { safeName, vietnamDateText } from "../conferences/program-format";
import { conferenceFacts } from "../conferences/queries";
import { seatingChartPdf } from "./chart";
import { loadSeatingPlan } from "./queries";

/** The printable chart (A3 landscape) for any reader of the conference. */
export async function seatingChart(db: Db, { actor, conferenceId }: { actor: Actor; conferenceId: string }): Promise<FileAnswer> {
  await conferenceAccess(db, actor, conferenceId);
  const [plan, facts] = await Promise.all([loadSeatingPlan(db, conferenceId), conferenceFacts(db, conferenceId)]);
  const when = facts.startsAt ? vietnamDateText(facts.startsAt, facts.endsAt) : "";
  const subtitle = [facts.venue, when].filter(Boolean).join(" - ");
  const content = await seatingChartPdf(plan, { title: facts.title, subtitle });
  return { fileName: `so-do-cho-ngoi-${safeName(facts.title) || "hoi-nghi"}.pdf`, content };
}
