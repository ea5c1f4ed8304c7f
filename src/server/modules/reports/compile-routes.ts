import type { FastifyInstance } from "fastify";
import { compileEndpoints as e } from "../../../contracts/report-compile";
import { fileStoreOf } from "../../platform/files/store";
import { route } from "../../platform/http";
import { getCompiledView, pickPassage, saveCompiledSection } from "./compile";
import { exportCompiledDocx, exportCompiledXlsx } from "./compile-export";
import { markFinal } from "./final";
import { acceptReport, excuseReport, listComments, returnReport } from "./review";

export async function compileRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.view, ({ actor, params, query }) => getCompiledView(db(), { actor, taskId: params.id, ...query }));

  route(app, e.pick, ({ actor, params, body }) => pickPassage(db(), { actor, taskId: params.id, input: body }));

  route(app, e.saveSection, ({ actor, params, body }) =>
    saveCompiledSection(db(), { actor, taskId: params.id, headingId: params.headingId, input: body }),
  );

  route(app, e.final, async ({ actor, params, body }) =>
    markFinal(db(), { actor, taskId: params.id, input: body, store: await fileStoreOf(app.database) }),
  );

  route(app, e.docx, ({ actor, params, query }) => exportCompiledDocx(db(), { actor, taskId: params.id, unitId: query.unitId }));

  route(app, e.xlsx, ({ actor, params, query }) => exportCompiledXlsx(db(), { actor, taskId: params.id, unitId: query.unitId }));

  route(app, e.accept, ({ actor, params, body }) => acceptReport(db(), { actor, obligationId: params.id, version: body.version }));

  route(app, e.return, ({ actor, params, body }) => returnReport(db(), { actor, obligationId: params.id, input: body }));

  route(app, e.excuse, ({ actor, params, body }) => excuseReport(db(), { actor, obligationId: params.id, note: body.note }));

  route(app, e.comments, ({ actor, params }) => listComments(db(), { actor, obligationId: params.id }));
}
