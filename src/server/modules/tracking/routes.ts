import type { FastifyInstance } from "fastify";
import { trackingEndpoints as e } from "../../../contracts/tracking";
import { route } from "../../platform/http";
import { writeBoardWorkbook } from "./excel";
import { listMyWork } from "./my-work";
import { listPlanObligations } from "./plan-obligations";
import { presentBoard, presentMyWork, presentRollup } from "./presenter";
import { getRollup } from "./rollup";
import { DEFAULT_BOARD_LIMIT, loadBoard } from "./service";

export async function trackingRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.board, async ({ actor, params, query }) => {
    const { limit = DEFAULT_BOARD_LIMIT, offset = 0, ...filter } = query;
    const page = { limit, offset };
    const data = await loadBoard(db(), { actor, planId: params.id, now: new Date(), filter, page });
    return presentBoard(data, page);
  });

  route(app, e.boardXlsx, async ({ actor, params, query }) => {
    const data = await loadBoard(db(), { actor, planId: params.id, now: new Date(), filter: query });
    const fileName = `theo-doi-${(data.plan.number ?? data.plan.id).replace(/[^A-Za-z0-9-]+/g, "-")}.xlsx`;
    return { fileName, content: await writeBoardWorkbook(data) };
  });

  route(app, e.rollup, async ({ actor, params, query }) =>
    presentRollup(await getRollup(db(), { actor, planId: params.id, now: new Date(), parentUnitId: query.parentUnitId })),
  );

  route(app, e.planObligations, ({ actor, params, query }) =>
    listPlanObligations(db(), { actor, planId: params.id, unitId: query.unitId, now: new Date() }),
  );

  route(app, e.myWork, async ({ actor, query }) => presentMyWork(await listMyWork(db(), { actor, now: new Date(), ...query })));
}
