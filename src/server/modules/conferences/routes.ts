import type { FastifyInstance } from "fastify";
import { conferenceEndpoints as e } from "../../../contracts/conferences";
import { route } from "../../platform/http";
import { addAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "./agenda";
import { agendaDocx } from "./agenda-docx";
import { createConference, deleteConference, getConference, listConferences, listPlanConferences, updateConference } from "./service";

export async function conferenceRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.list, async ({ actor }) => ({ conferences: await listConferences(db(), actor) }));

  route(app, e.ofPlan, async ({ actor, params }) => ({ conferences: await listPlanConferences(db(), actor, params.id) }));

  route(app, e.create, async ({ actor, params, body }) => {
    const id = await createConference(db(), { actor, planId: params.id, input: body });
    return getConference(db(), actor, id);
  });

  route(app, e.get, ({ actor, params }) => getConference(db(), actor, params.id));

  route(app, e.update, async ({ actor, params, body }) => {
    await updateConference(db(), { actor, conferenceId: params.id, input: body });
    return getConference(db(), actor, params.id);
  });

  route(app, e.remove, async ({ actor, params, query }) => {
    await deleteConference(db(), { actor, conferenceId: params.id, version: query.version });
  });

  route(app, e.addAgendaItem, async ({ actor, params, body }) => {
    await addAgendaItem(db(), { actor, conferenceId: params.id, input: body });
    return getConference(db(), actor, params.id);
  });

  route(app, e.updateAgendaItem, async ({ actor, params, body }) => {
    await updateAgendaItem(db(), { actor, conferenceId: params.id, itemId: params.itemId, input: body });
    return getConference(db(), actor, params.id);
  });

  route(app, e.deleteAgendaItem, async ({ actor, params, query }) => {
    await deleteAgendaItem(db(), { actor, conferenceId: params.id, itemId: params.itemId, version: query.version });
    return getConference(db(), actor, params.id);
  });

  route(app, e.moveAgendaItem, async ({ actor, params, body }) => {
    await moveAgendaItem(db(), { actor, conferenceId: params.id, itemId: params.itemId, input: body });
    return getConference(db(), actor, params.id);
  });

  route(app, e.agendaDocx, async ({ actor, params }) => {
    const { file, fileName } = await agendaDocx(db(), { actor, conferenceId: params.id });
    return { fileName, content: file };
  });
}
