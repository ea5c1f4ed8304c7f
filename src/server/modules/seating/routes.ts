import type { FastifyInstance } from "fastify";
import { seatingEndpoints as e } from "../../../contracts/seating";
import { route } from "../../platform/http";
import { seatingChart } from "./exports";
import { autoAssign, clearSeating, getSeatingPlan, moveDelegate, putLayout, swapDelegates } from "./service";

/** The seating of a conference: readers see it, organisers change it. */
export async function seatingRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  route(app, e.get, ({ actor, params }) => getSeatingPlan(db(), { actor, conferenceId: params.id }));
  route(app, e.putLayout, ({ actor, params, body }) => putLayout(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.autoAssign, ({ actor, params, body }) => autoAssign(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.clear, ({ actor, params, body }) => clearSeating(db(), { actor, conferenceId: params.id, version: body.version }));
  route(app, e.move, ({ actor, params, body }) => moveDelegate(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.swap, ({ actor, params, body }) => swapDelegates(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.chart, ({ actor, params }) => seatingChart(db(), { actor, conferenceId: params.id }));
}
