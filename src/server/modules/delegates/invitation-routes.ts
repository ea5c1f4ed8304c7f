import type { FastifyInstance } from "fastify";
import { answerEndpoints as e } from "../../../contracts/delegate-answers";
import { fileStoreOf, findStoredFile, openStoredFile } from "../../platform/files/store";
import { route } from "../../platform/http";
import { batchFileId, createInvitationBatch, listInvitationBatches } from "./invitations";

/** Invitation batches: request one, watch its progress, download the .zip and the .pdf. */
export async function invitationRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  route(app, e.invitations, ({ actor, params }) => listInvitationBatches(db(), { actor, conferenceId: params.id }));
  route(app, e.createInvitations, ({ actor, params, body }) =>
    createInvitationBatch(db(), {
      actor,
      conferenceId: params.id,
      unitId: body.unitId,
      sendEmail: body.sendEmail,
      addressedTo: body.addressedTo,
    }),
  );
  const download = async (fileId: string) => {
    const f = await findStoredFile(db(), fileId);
    const content = openStoredFile(db(), await fileStoreOf(app.database), f);
    return { fileName: f.fileName, content, contentType: f.mimeType, size: f.size };
  };
  route(app, e.invitationsZip, async ({ actor, params }) =>
    download(await batchFileId(db(), { actor, conferenceId: params.id, batchId: params.batchId, kind: "zip" })),
  );
  route(app, e.invitationsPdf, async ({ actor, params }) =>
    download(await batchFileId(db(), { actor, conferenceId: params.id, batchId: params.batchId, kind: "pdf" })),
  );
}
