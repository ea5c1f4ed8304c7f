import type { FastifyInstance } from "fastify";
import { documentEndpoints as e } from "../../../contracts/documents";
import { route } from "../../platform/http";
import { exportPlanDocx, urgingLetterDocx, urgingLetterPreview } from "./service";

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.planDocx, async ({ actor, params }) => {
    const { file, fileName } = await exportPlanDocx(db(), { actor, planId: params.id });
    return { fileName, content: file };
  });

  route(app, e.urgingLetterPreview, async ({ actor, params }) => urgingLetterPreview(db(), { actor, planId: params.id }));

  route(app, e.urgingLetter, async ({ actor, params, body }) => {
    const { file, fileName } = await urgingLetterDocx(db(), { actor, planId: params.id, request: body });
    return { fileName, content: file };
  });
}
