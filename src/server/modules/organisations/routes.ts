import type { FastifyInstance } from "fastify";
import { organisationEndpoints as e } from "../../../contracts/organisations";
import { route } from "../../platform/http";
import { groupRoutes } from "./group-routes";
import { importRoutes } from "./import-routes";
import { archiveUnit, createUnit, getUnit, listUnits, moveUnit, restoreUnit, searchUnits, updateUnit } from "./service";

/** /api/units (the org tree), /api/unit-groups and the Excel import/export. */
export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.list, async ({ actor, query }) => ({
    units: await listUnits(db(), { actor, tree: query.tree, includeArchived: query.includeArchived === "true" }),
  }));

  route(app, e.search, async ({ actor, query }) => ({ units: await searchUnits(db(), { actor, ...query }) }));

  route(app, e.get, ({ actor, params }) => getUnit(db(), { actor, id: params.id }));

  route(app, e.create, ({ actor, body }) => createUnit(db(), { actor, input: body }));

  route(app, e.update, ({ actor, params, body }) => updateUnit(db(), { actor, id: params.id, input: body }));

  route(app, e.move, ({ actor, params, body }) => moveUnit(db(), { actor, id: params.id, ...body }));

  route(app, e.archive, ({ actor, params, body }) => archiveUnit(db(), { actor, id: params.id, ...body }));

  route(app, e.restore, ({ actor, params, body }) => restoreUnit(db(), { actor, id: params.id, ...body }));

  await groupRoutes(app);
  await importRoutes(app);
}
