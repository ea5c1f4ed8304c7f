import type { FastifyInstance } from "fastify";
import { reportEndpoints as e } from "../../../contracts/reports";
import { route } from "../../platform/http";
import { compileRoutes } from "./compile-routes";
import { addHeading, addIndicator, deleteHeading, deleteIndicator, updateHeading, updateIndicator } from "./form-edits";
import { createForm, getForm } from "./forms";
import { getTotals } from "./rollup";
import { getUnitReport, saveValues } from "./values";

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.getForm, ({ actor, params }) => getForm(db(), actor, params.id));

  route(app, e.createForm, ({ actor, params, body }) => createForm(db(), { actor, taskId: params.id, input: body }));

  route(app, e.addHeading, ({ actor, params, body }) => addHeading(db(), { actor, formId: params.id, input: body }));

  route(app, e.updateHeading, ({ actor, params, body }) =>
    updateHeading(db(), { actor, formId: params.id, headingId: params.partId, input: body }),
  );

  route(app, e.deleteHeading, ({ actor, params, query }) =>
    deleteHeading(db(), { actor, formId: params.id, headingId: params.partId, version: query.version }),
  );

  route(app, e.addIndicator, ({ actor, params, body }) => addIndicator(db(), { actor, formId: params.id, input: body }));

  route(app, e.updateIndicator, ({ actor, params, body }) =>
    updateIndicator(db(), { actor, formId: params.id, indicatorId: params.partId, input: body }),
  );

  route(app, e.deleteIndicator, ({ actor, params, query }) =>
    deleteIndicator(db(), { actor, formId: params.id, indicatorId: params.partId, version: query.version }),
  );

  route(app, e.getUnitReport, ({ actor, params }) => getUnitReport(db(), actor, params.id));

  route(app, e.saveValues, ({ actor, params, body }) => saveValues(db(), { actor, obligationId: params.id, input: body }));

  route(app, e.totals, ({ actor, params, query }) => getTotals(db(), { actor, taskId: params.id, unitId: query.unitId }));

  await compileRoutes(app);
}
