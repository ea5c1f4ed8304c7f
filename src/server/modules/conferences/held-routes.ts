import type { FastifyInstance } from "fastify";
import { heldEndpoints as e } from "../../../contracts/conference-held";
import { route } from "../../platform/http";
import { heldList, obligationHeld, reportHeld } from "./held";

/** A conference each unit holds: the unit's report on its obligation, and the organiser's list of every unit. */
export async function heldRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  route(app, e.obligationHeld, ({ actor, params }) => obligationHeld(db(), actor, params.id));
  route(app, e.reportHeld, ({ actor, params, body }) => reportHeld(db(), { actor, obligationId: params.id, input: body }));
  route(app, e.heldList, ({ actor, params }) => heldList(db(), { actor, conferenceId: params.id }));
}
