import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import {
  AmendmentList,
  AmendPlanRequest,
  CreatePlanRequest,
  CreateTaskRequest,
  DeleteTaskQuery,
  FromImportRequest,
  IssueResponse,
  PlanDetail,
  PlanList,
  PlanListQuery,
  PlanTransitionRequest,
  PlanWithWarnings,
  TaskView,
  TaskWithWarnings,
  UpdatePlanRequest,
  UpdateTaskRequest,
} from "../../../contracts/plans";
import { requireActor } from "../../platform/auth";
import { createPlanFromImport } from "./from-import";
import { amendPlan, closePlan, createPlan, getAmendments, getPlan, issuePlan, listPlans, updatePlan } from "./service";
import { createTask, deleteTask, updateTask } from "./tasks";

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["plans"];

  r.get("/api/plans", {
    schema: { tags, summary: "Danh sách kế hoạch xem được", querystring: PlanListQuery, response: { 200: PlanList, ...errors } },
    handler: async (request) => ({ plans: await listPlans(db(), requireActor(request), request.query) }),
  });

  r.get("/api/plans/:id", {
    schema: {
      tags,
      summary: "Chi tiết kế hoạch: nhiệm vụ, số liệu, kế hoạch cấp trên và cấp dưới",
      params: IdParams,
      response: { 200: PlanDetail, ...errors },
    },
    handler: async (request) => getPlan(db(), requireActor(request), request.params.id),
  });

  r.post("/api/plans", {
    schema: { tags, summary: "Tạo dự thảo kế hoạch", body: CreatePlanRequest, response: { 201: PlanDetail, ...errors } },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const id = await createPlan(db(), { actor, input: request.body });
      return reply.status(201).send(await getPlan(db(), actor, id));
    },
  });

  r.post("/api/plans/from-import", {
    schema: {
      tags,
      summary: "Tạo dự thảo kế hoạch từ kết quả nhập văn bản",
      body: FromImportRequest,
      response: { 201: PlanWithWarnings, ...errors },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { planId, warnings } = await createPlanFromImport(db(), { actor, input: request.body });
      return reply.status(201).send({ plan: await getPlan(db(), actor, planId), warnings });
    },
  });

  r.patch("/api/plans/:id", {
    schema: {
      tags,
      summary: "Sửa dự thảo kế hoạch (cần version)",
      params: IdParams,
      body: UpdatePlanRequest,
      response: { 200: PlanDetail, ...errors },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { version, ...changes } = request.body;
      await updatePlan(db(), { actor, planId: request.params.id, changes, version });
      return getPlan(db(), actor, request.params.id);
    },
  });

  r.post("/api/plans/:id/issue", {
    schema: {
      tags,
      summary: "Ban hành kế hoạch: tạo việc cần làm cho từng đơn vị",
      params: IdParams,
      body: PlanTransitionRequest,
      response: { 200: IssueResponse, ...errors },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const result = await issuePlan(db(), { actor, planId: request.params.id, version: request.body.version });
      return { ...result, plan: await getPlan(db(), actor, request.params.id) };
    },
  });

  r.post("/api/plans/:id/amend", {
    schema: {
      tags,
      summary: "Điều chỉnh kế hoạch đã ban hành (kèm lý do)",
      params: IdParams,
      body: AmendPlanRequest,
      response: { 200: PlanDetail, ...errors },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await amendPlan(db(), { actor, planId: request.params.id, ...request.body });
      return getPlan(db(), actor, request.params.id);
    },
  });

  r.post("/api/plans/:id/close", {
    schema: { tags, summary: "Kết thúc kế hoạch", params: IdParams, body: PlanTransitionRequest, response: { 200: PlanDetail, ...errors } },
    handler: async (request) => {
      const actor = requireActor(request);
      await closePlan(db(), { actor, planId: request.params.id, version: request.body.version });
      return getPlan(db(), actor, request.params.id);
    },
  });

  r.get("/api/plans/:id/amendments", {
    schema: { tags, summary: "Lịch sử điều chỉnh kế hoạch", params: IdParams, response: { 200: AmendmentList, ...errors } },
    handler: async (request) => ({ amendments: await getAmendments(db(), requireActor(request), request.params.id) }),
  });

  r.post("/api/plans/:id/tasks", {
    schema: {
      tags,
      summary: "Thêm nhiệm vụ (kế hoạch đã ban hành: tạo ngay việc cần làm và ghi điều chỉnh)",
      params: IdParams,
      body: CreateTaskRequest,
      response: { 201: TaskWithWarnings, ...errors },
    },
    handler: async (request, reply) => {
      const result = await createTask(db(), { actor: requireActor(request), planId: request.params.id, input: request.body });
      return reply.status(201).send(result);
    },
  });

  r.patch("/api/tasks/:id", {
    schema: {
      tags,
      summary: "Sửa nhiệm vụ của dự thảo (cần version)",
      params: IdParams,
      body: UpdateTaskRequest,
      response: { 200: TaskView, ...errors },
    },
    handler: async (request) => updateTask(db(), { actor: requireActor(request), taskId: request.params.id, input: request.body }),
  });

  r.delete("/api/tasks/:id", {
    schema: {
      tags,
      summary: "Xóa nhiệm vụ của dự thảo",
      params: IdParams,
      querystring: DeleteTaskQuery,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await deleteTask(db(), { actor: requireActor(request), taskId: request.params.id, version: request.query.version });
      return reply.status(204).send(null);
    },
  });
}
