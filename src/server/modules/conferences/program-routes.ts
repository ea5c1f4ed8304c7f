import type { FastifyInstance } from "fastify";
import { programEndpoints as e } from "../../../contracts/conference-program";
import { route } from "../../platform/http";
import { createAward, deleteAward, listAwards, reorderAwards, updateAward } from "./awards";
import { createLogistics, listLogistics } from "./logistics";
import { mcScriptDocx } from "./mc-script";
import { awardListDocx, speechListDocx } from "./program-exports";
import { readiness } from "./readiness";
import { createSpeech, deleteSpeech, listSpeeches, reorderSpeeches, updateSpeech } from "./speeches";

/** The program's endpoints: speeches, awards, logistics, their exports, the MC script and readiness. */
export async function programRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.speeches, ({ actor, params }) => listSpeeches(db(), { actor, conferenceId: params.id }));
  route(app, e.createSpeech, ({ actor, params, body }) => createSpeech(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.updateSpeech, ({ actor, params, body }) =>
    updateSpeech(db(), { actor, conferenceId: params.id, speechId: params.speechId, input: body }),
  );
  route(app, e.deleteSpeech, async ({ actor, params, query }) => {
    await deleteSpeech(db(), { actor, conferenceId: params.id, speechId: params.speechId, version: query.version });
  });
  route(app, e.reorderSpeeches, ({ actor, params, body }) => reorderSpeeches(db(), { actor, conferenceId: params.id, input: body }));

  route(app, e.awards, ({ actor, params }) => listAwards(db(), { actor, conferenceId: params.id }));
  route(app, e.createAward, ({ actor, params, body }) => createAward(db(), { actor, conferenceId: params.id, input: body }));
  route(app, e.updateAward, ({ actor, params, body }) =>
    updateAward(db(), { actor, conferenceId: params.id, awardId: params.awardId, input: body }),
  );
  route(app, e.deleteAward, async ({ actor, params, query }) => {
    await deleteAward(db(), { actor, conferenceId: params.id, awardId: params.awardId, version: query.version });
  });
  route(app, e.reorderAwards, ({ actor, params, body }) => reorderAwards(db(), { actor, conferenceId: params.id, input: body }));

  route(app, e.logistics, ({ actor, params }) => listLogistics(db(), { actor, conferenceId: params.id }));
  route(app, e.createLogistics, ({ actor, params, body }) => createLogistics(db(), { actor, conferenceId: params.id, input: body }));

  const download = async (made: Promise<{ file: Buffer; fileName: string }>) => {
    const { file, fileName } = await made;
    return { fileName, content: file };
  };
  route(app, e.speechesDocx, ({ actor, params }) => download(speechListDocx(db(), { actor, conferenceId: params.id })));
  route(app, e.awardsDocx, ({ actor, params }) => download(awardListDocx(db(), { actor, conferenceId: params.id })));
  route(app, e.mcScriptDocx, ({ actor, params }) => download(mcScriptDocx(db(), { actor, conferenceId: params.id })));
  route(app, e.readiness, ({ actor, params }) => readiness(db(), { actor, conferenceId: params.id }));
}
