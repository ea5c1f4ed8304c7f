import type { FastifyInstance } from "fastify";
import { organisationEndpoints as e } from "../../../contracts/organisations";
import { route } from "../../platform/http";
import { createGroup, deleteGroup, getGroup, groupUnits, listGroups, updateGroup } from "./groups";
import { presentUnitRef } from "./presenter";

export async function groupRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.listGroups, async ({ actor }) => ({ groups: await listGroups(db(), { actor }) }));

  route(app, e.createGroup, ({ actor, body }) => createGroup(db(), { actor, input: body }));

  route(app, e.getGroup, ({ actor, params }) => getGroup(db(), { actor, id: params.id }));

  route(app, e.updateGroup, ({ actor, params, body }) => updateGroup(db(), { actor, id: params.id, input: body }));

  route(app, e.deleteGroup, async ({ actor, params, query }) => {
    await deleteGroup(db(), { actor, id: params.id, version: query.version });
  });

  route(app, e.groupUnits, async ({ actor, params }) => ({
    units: (await groupUnits(db(), { actor, id: params.id })).map(presentUnitRef),
  }));
}
