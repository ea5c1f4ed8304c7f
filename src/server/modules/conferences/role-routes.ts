import type { FastifyInstance } from "fastify";
import { conferenceRoleEndpoints as e } from "../../../contracts/conference-roles";
import { route } from "../../platform/http";
import { grantConferenceRole, listConferenceRoles, revokeConferenceRole } from "./roles";

/** Organisers and door staff granted on one conference. */
export async function conferenceRoleRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  route(app, e.list, ({ actor, params }) => listConferenceRoles(db(), { actor, conferenceId: params.id }));
  route(app, e.grant, ({ actor, params, body }) => grantConferenceRole(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.revoke, ({ actor, params }) =>
    revokeConferenceRole(db(), { actor, conferenceId: params.id, userId: params.userId, role: params.role }),
  );
}
