import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client";
import type { Job } from "../platform/jobs/scheduler";
import { auditRoutes } from "./audit/routes";
import { authRoutes } from "./auth/routes";
import { calendarRoutes } from "./calendar/routes";
import { checkinRoutes } from "./checkin/routes";
import { heldRoutes } from "./conferences/held-routes";
import { programRoutes } from "./conferences/program-routes";
import { conferenceRoleRoutes } from "./conferences/role-routes";
import { conferenceRoutes } from "./conferences/routes";
import { stageRoutes } from "./conferences/stage-routes";
import { answerRoutes } from "./delegates/answer-routes";
import { invitationJobs } from "./delegates/invitation-job";
import { invitationRoutes } from "./delegates/invitation-routes";
import { delegateRoutes } from "./delegates/routes";
import { documentRoutes } from "./documents/routes";
import { importerRoutes } from "./importer/routes";
import { notificationJobs } from "./notifications/jobs";
import { notificationRoutes } from "./notifications/routes";
import { obligationRoutes } from "./obligations/routes";
import { organisationRoutes } from "./organisations/routes";
import { peopleRoutes } from "./people/routes";
import { planRoutes } from "./plans/routes";
import { reportRoutes } from "./reports/routes";
import { seatingRoutes } from "./seating/routes";
import { trackingRoutes } from "./tracking/routes";

/** Every module's routes, registered in this order by app.ts. */
export const moduleRoutes: Array<(app: FastifyInstance) => Promise<void>> = [
  authRoutes,
  peopleRoutes,
  auditRoutes,
  organisationRoutes,
  trackingRoutes,
  importerRoutes,
  planRoutes,
  conferenceRoutes,
  obligationRoutes,
  notificationRoutes,
  calendarRoutes,
  documentRoutes,
  reportRoutes,
  stageRoutes,
  programRoutes,
  delegateRoutes,
  answerRoutes,
  invitationRoutes,
  conferenceRoleRoutes,
  seatingRoutes,
  checkinRoutes,
  heldRoutes,
];

/** Every module's background jobs, started by main.ts through platform/jobs (which knows no module). */
export function moduleJobs(options: { smtpUrl?: string; database: Database }): Job[] {
  return [...notificationJobs({ smtpUrl: options.smtpUrl }), ...invitationJobs({ database: options.database })];
}
