import type { FastifyInstance } from "fastify";
import { planEndpoints as e } from "../../../contracts/plans";
import { route } from "../../platform/http";
import { createPlanFromImport } from "./from-import";
import { amendPlan, closePlan, createPlan, getAmendments, getPlan, issuePlan, listPlans, previewIssue, updatePlan } from "./service";
import { createTask, deleteTask, updateTask } from "./tasks";

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  // Live topic `plan:<id>` (platform/live): whoever may read the plan may hear of its changes.
  app.live.authorizeTopic("plan", (actor, id) =>
    getPlan(db(), actor, id).then(
      () => true,
      () => false,
    ),
  );

  route(app, e.list, async ({ actor, query }) => ({ plans: await listPlans(db(), actor, query) }));

  route(app, e.get, ({ actor, params }) => getPlan(db(), actor, params.id));

  route(app, e.create, async ({ actor, body }) => {
    const id = await createPlan(db(), { actor, input: body });
    return getPlan(db(), actor, id);
  });

  route(app, e.fromImport, async ({ actor, body }) => {
    const { planId, warnings } = await createPlanFromImport(db(), { actor, input: body });
    return { plan: await getPlan(db(), actor, planId), warnings };
  });

  route(app, e.update, async ({ actor, params, body }) => {
    const { version, ...changes } = body;
    await updatePlan(db(), { actor, planId: params.id, changes, version });
    return getPlan(db(), actor, params.id);
  });

  route(app, e.issuePreview, async ({ actor, params }) => previewIssue(db(), { actor, planId: params.id }));

  route(app, e.issue, async ({ actor, params, body }) => {
    const result = await issuePlan(db(), { actor, planId: params.id, version: body.version });
    return { ...result, plan: await getPlan(db(), actor, params.id) };
  });

  route(app, e.amend, async ({ actor, params, body }) => {
    await amendPlan(db(), { actor, planId: params.id, ...body });
    return getPlan(db(), actor, params.id);
  });

  route(app, e.close, async ({ actor, params, body }) => {
    await closePlan(db(), { actor, planId: params.id, version: body.version });
    return getPlan(db(), actor, params.id);
  });

  route(app, e.amendments, async ({ actor, params }) => ({ amendments: await getAmendments(db(), actor, params.id) }));

  route(app, e.createTask, ({ actor, params, body }) => createTask(db(), { actor, planId: params.id, input: body }));

  route(app, e.updateTask, ({ actor, params, body }) => updateTask(db(), { actor, taskId: params.id, input: body }));

  route(app, e.deleteTask, async ({ actor, params, query }) => {
    await deleteTask(db(), { actor, taskId: params.id, version: query.version });
  });
}
