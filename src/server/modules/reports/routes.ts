import type { FastifyInstance } from "fastify";
import { reportEndpoints as e, SECTION_BODY_LIMIT } from "../../../contracts/reports";
import { MAX_IMPORT_BYTES } from "../../../domain/importer/index";
import { AppError } from "../../platform/errors";
import { readOneFile } from "../../platform/files/one-file";
import { route } from "../../platform/http";
import { compileRoutes } from "./compile-routes";
import { previewDocx } from "./docx-upload";
import { addHeading, addIndicator, deleteHeading, deleteIndicator, updateHeading, updateIndicator } from "./form-edits";
import { createForm, getForm } from "./forms";
import { getTotals } from "./rollup";
import { saveSection, saveSections } from "./sections";
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

  // A 50 MB paste is refused before it is read, with a message for the writer rather than the generic 413.
  app.addHook("preParsing", async (request) => {
    if (request.routeOptions.url !== e.saveSection.path) return;
    const length = Number(request.headers["content-length"] ?? 0);
    if (length > SECTION_BODY_LIMIT)
      throw new AppError(
        "TOO_LARGE",
        `Nội dung gửi lên quá lớn (${Math.ceil(length / 1024 / 1024)} MB); mỗi mục báo cáo tối đa 1 MB. Nếu vừa dán một văn bản rất dài, hãy dán từng phần vào đúng mục của nó hoặc tải lên cả báo cáo dưới dạng tệp .docx.`,
      );
  });

  route(app, e.saveSection, ({ actor, params, body }) =>
    saveSection(db(), { actor, obligationId: params.id, headingId: params.headingId, input: body }),
  );

  route(app, e.saveSections, ({ actor, params, body }) => saveSections(db(), { actor, obligationId: params.id, input: body }));

  route(app, e.previewDocx, async ({ actor, params, request }) => {
    const { fileName, content } = await readOneFile(request, { maxBytes: MAX_IMPORT_BYTES, accept: ".docx" });
    return previewDocx(db(), { actor, obligationId: params.id, fileName, content });
  });

  route(app, e.totals, ({ actor, params, query }) => getTotals(db(), { actor, taskId: params.id, unitId: query.unitId }));

  await compileRoutes(app);
}
