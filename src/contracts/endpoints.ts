/**
 * Every API endpoint, by domain: the one table that the server registers (platform/http.ts `route`) and
 * the web app calls (web/app/api.ts `call`). A web feature imports its own domain's table from its
 * contract file so its code stays in its own chunk; this aggregate serves the server-side checks (every
 * endpoint registered once, every route declared here, refusals without a session).
 */
import { authEndpoints } from "./auth";
import { calendarEndpoints } from "./calendar";
import { checkinEndpoints } from "./checkin";
import { systemEndpoints } from "./common";
import { heldEndpoints } from "./conference-held";
import { programEndpoints } from "./conference-program";
import { conferenceRoleEndpoints } from "./conference-roles";
import { conferenceEndpoints } from "./conferences";
import { answerEndpoints } from "./delegate-answers";
import { delegateEndpoints } from "./delegates";
import { documentEndpoints } from "./documents";
import type { Endpoint } from "./http";
import { importerEndpoints } from "./importer-preview";
import { liveEndpoints } from "./live";
import { notificationEndpoints } from "./notifications";
import { obligationEndpoints } from "./obligations";
import { organisationEndpoints } from "./organisations";
import { peopleEndpoints } from "./people";
import { planEndpoints } from "./plans";
import { compileEndpoints } from "./report-compile";
import { reportEndpoints } from "./reports";
import { seatingEndpoints } from "./seating";
import { stageEndpoints } from "./stage";
import { trackingEndpoints } from "./tracking";

export const endpoints = {
  system: systemEndpoints,
  auth: authEndpoints,
  people: peopleEndpoints,
  organisations: organisationEndpoints,
  plans: planEndpoints,
  reports: reportEndpoints,
  reportCompile: compileEndpoints,
  obligations: obligationEndpoints,
  tracking: trackingEndpoints,
  documents: documentEndpoints,
  notifications: notificationEndpoints,
  calendar: calendarEndpoints,
  importer: importerEndpoints,
  live: liveEndpoints,
  conferences: conferenceEndpoints,
  stage: stageEndpoints,
  conferenceProgram: programEndpoints,
  delegates: delegateEndpoints,
  delegateAnswers: answerEndpoints,
  conferenceRoles: conferenceRoleEndpoints,
  seating: seatingEndpoints,
  checkin: checkinEndpoints,
  conferenceHeld: heldEndpoints,
} satisfies Record<string, Record<string, Endpoint>>;

/** Every endpoint as a flat list, with its domain and name: `{ domain: "plans", name: "get", endpoint }`. */
export function allEndpoints(): Array<{ domain: string; name: string; endpoint: Endpoint }> {
  return Object.entries(endpoints).flatMap(([domain, table]) =>
    Object.entries(table as Record<string, Endpoint>).map(([name, endpoint]) => ({ domain, name, endpoint })),
  );
}
