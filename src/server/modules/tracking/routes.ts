import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import {
  Board,
  BoardFilter,
  BoardQuery,
  MyWork,
  MyWorkQuery,
  PlanObligations,
  PlanObligationsQuery,
  Rollup,
  RollupQuery,
} from "../../../contracts/tracking";
import { requireActor } from "../../platform/auth";
import { writeBoardWorkbook } from "./excel";
import { listMyWork } from "./my-work";
import { listPlanObligations } from "./plan-obligations";
import { presentBoard, presentMyWork, presentRollup } from "./presenter";
import { getRollup } from "./rollup";
import { DEFAULT_BOARD_LIMIT, loadBoard } from "./service";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function trackingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get("/api/plans/:id/board", {
    schema: {
      tags: ["tracking"],
      summary: "Bảng theo dõi kế hoạch: tổng hợp và từng đơn vị (lọc, sắp xếp, phân trang)",
      params: IdParams,
      querystring: BoardQuery,
      response: { 200: Board, ...refusals },
    },
    handler: async (request) => {
      const { limit = DEFAULT_BOARD_LIMIT, offset = 0, ...filter } = request.query;
      const page = { limit, offset };
      const data = await loadBoard(db(), { actor: requireActor(request), planId: request.params.id, now: new Date(), filter, page });
      return presentBoard(data, page);
    },
  });

  r.get("/api/plans/:id/board.xlsx", {
    schema: {
      tags: ["tracking"],
      summary: "Xuất bảng theo dõi ra tệp Excel (cùng bộ lọc và thứ tự như trên màn hình, không phân trang)",
      params: IdParams,
      querystring: BoardFilter,
      produces: [XLSX],
      response: { 200: z.unknown().describe("Tệp Excel (.xlsx)"), ...refusals },
    },
    handler: async (request, reply) => {
      const data = await loadBoard(db(), {
        actor: requireActor(request),
        planId: request.params.id,
        now: new Date(),
        filter: request.query,
      });
      const file = await writeBoardWorkbook(data);
      const name = `theo-doi-${(data.plan.number ?? data.plan.id).replace(/[^A-Za-z0-9-]+/g, "-")}.xlsx`;
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "no-store")
        .send(file);
    },
  });

  r.get("/api/plans/:id/rollup", {
    schema: {
      tags: ["tracking"],
      summary: "Tổng hợp theo cấp: mỗi đơn vị con với số liệu của cả cây bên dưới",
      params: IdParams,
      querystring: RollupQuery,
      response: { 200: Rollup, ...refusals },
    },
    handler: async (request) =>
      presentRollup(
        await getRollup(db(), {
          actor: requireActor(request),
          planId: request.params.id,
          now: new Date(),
          parentUnitId: request.query.parentUnitId,
        }),
      ),
  });

  r.get("/api/plans/:id/obligations", {
    schema: {
      tags: ["tracking"],
      summary: "Các nghĩa vụ của kế hoạch mà người dùng được xem (lọc theo một đơn vị), hạn gần nhất trước",
      params: IdParams,
      querystring: PlanObligationsQuery,
      response: { 200: PlanObligations, ...refusals },
    },
    handler: async (request) =>
      listPlanObligations(db(), { actor: requireActor(request), planId: request.params.id, unitId: request.query.unitId, now: new Date() }),
  });

  r.get("/api/my-work", {
    schema: {
      tags: ["tracking"],
      summary: "Việc của tôi: nhiệm vụ đơn vị mình còn phải nộp, hạn gần nhất trước",
      querystring: MyWorkQuery,
      response: { 200: MyWork, ...refusals },
    },
    handler: async (request) => presentMyWork(await listMyWork(db(), { actor: requireActor(request), now: new Date(), ...request.query })),
  });
}
