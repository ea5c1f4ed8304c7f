import type { FastifyInstance } from "fastify";
import { checkinEndpoints as e } from "../../../contracts/checkin";
import { route } from "../../platform/http";
import { checkInConferences } from "../conferences/policy";
import { attendanceXlsx, getAttendance, getRoster } from "./attendance";
import { recordCheckins } from "./service";

/** Check-in at the door (door staff and organisers) and attendance (readers of the conference). */
export async function checkinRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  route(app, e.doorConferences, async ({ actor }) => ({ conferences: await checkInConferences(db(), actor) }));
  route(app, e.post, ({ actor, params, body }) => recordCheckins(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.roster, ({ actor, params }) => getRoster(db(), { actor, conferenceId: params.id }));
  route(app, e.attendance, ({ actor, params }) => getAttendance(db(), { actor, conferenceId: params.id }));
  route(app, e.attendanceXlsx, ({ actor, params }) => attendanceXlsx(db(), { actor, conferenceId: params.id }));
}
