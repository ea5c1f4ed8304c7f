import type { FastifyInstance } from "fastify";
import { delegateEndpoints as e } from "../../../contracts/delegates";
import { readOneFile } from "../../platform/files/one-file";
import { route } from "../../platform/http";
import { IMPORT_MAX_BYTES } from "../organisations/xlsx-file";
import { exportDelegates, importDelegates } from "./import";
import { addNominee, createQuota, listNominees, listQuotas, removeNominee, updateNominee } from "./quotas";
import { asOrganiser, createDelegate, deleteDelegate, listDelegates, updateDelegate } from "./service";

/** The delegate list (organisers), its Excel import/export, and the quotas units fill. */
export async function delegateRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.list, ({ actor, params, query }) => listDelegates(db(), { actor, conferenceId: params.id, filter: query }));
  route(app, e.create, async ({ actor, params, body }) => {
    await asOrganiser(db(), actor, params.id);
    return createDelegate(db(), { actor, conferenceId: params.id, input: body });
  });
  route(app, e.update, async ({ actor, params, body }) => {
    await asOrganiser(db(), actor, params.id);
    return updateDelegate(db(), { actor, conferenceId: params.id, delegateId: params.delegateId, input: body });
  });
  route(app, e.remove, async ({ actor, params, query }) => {
    await asOrganiser(db(), actor, params.id);
    await deleteDelegate(db(), { actor, conferenceId: params.id, delegateId: params.delegateId, version: query.version });
  });
  route(app, e.importSheet, async ({ actor, params, query, request }) => {
    await asOrganiser(db(), actor, params.id);
    const { fileName, content } = await readOneFile(request, { maxBytes: IMPORT_MAX_BYTES, accept: ".xlsx" });
    return importDelegates(db(), { actor, conferenceId: params.id, file: content, filename: fileName, dryRun: query.dryRun === "true" });
  });
  route(app, e.exportSheet, async ({ actor, params }) => {
    await asOrganiser(db(), actor, params.id);
    return { fileName: "dai-bieu.xlsx", content: await exportDelegates(db(), params.id) };
  });

  route(app, e.quotas, ({ actor, params }) => listQuotas(db(), { actor, conferenceId: params.id }));
  route(app, e.createQuota, ({ actor, params, body }) => createQuota(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.nominees, ({ actor, params }) => listNominees(db(), { actor, ...params }));
  route(app, e.addNominee, ({ actor, params, body }) => addNominee(db(), { actor, ...params, input: body }));
  route(app, e.updateNominee, ({ actor, params, body }) => updateNominee(db(), { actor, ...params, input: body }));
  route(app, e.removeNominee, async ({ actor, params, query }) => {
    await removeNominee(db(), { actor, ...params, version: query.version });
  });
}
