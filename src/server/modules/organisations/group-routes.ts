import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import {
  CreateGroupRequest,
  DeleteGroupQuery,
  ResolvedUnits,
  UnitGroupList,
  UnitGroupView,
  UpdateGroupRequest,
} from "../../../contracts/organisations";
import { requireActor } from "../../platform/auth";
import { createGroup, deleteGroup, getGroup, groupUnits, listGroups, updateGroup } from "./groups";
import { presentUnitRef } from "./presenter";

const tags = ["unit-groups"];
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export async function groupRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.get("/api/unit-groups", {
    schema: { tags, summary: "Danh sách nhóm đơn vị", response: { 200: UnitGroupList, 401: ErrorBody } },
    handler: async (request) => ({ groups: await listGroups(db, { actor: requireActor(request) }) }),
  });

  r.post("/api/unit-groups", {
    schema: {
      tags,
      summary: "Tạo nhóm đơn vị (danh sách hoặc quy tắc)",
      body: CreateGroupRequest,
      response: { 201: UnitGroupView, ...refusals },
    },
    handler: async (request, reply) => reply.status(201).send(await createGroup(db, { actor: requireActor(request), input: request.body })),
  });

  r.get("/api/unit-groups/:id", {
    schema: { tags, summary: "Chi tiết nhóm đơn vị", params: IdParams, response: { 200: UnitGroupView, ...refusals } },
    handler: async (request) => getGroup(db, { actor: requireActor(request), id: request.params.id }),
  });

  r.patch("/api/unit-groups/:id", {
    schema: { tags, summary: "Sửa nhóm đơn vị", params: IdParams, body: UpdateGroupRequest, response: { 200: UnitGroupView, ...refusals } },
    handler: async (request) => updateGroup(db, { actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  r.delete("/api/unit-groups/:id", {
    schema: { tags, summary: "Xoá nhóm đơn vị", params: IdParams, querystring: DeleteGroupQuery, response: { 204: z.null(), ...refusals } },
    handler: async (request, reply) => {
      await deleteGroup(db, { actor: requireActor(request), id: request.params.id, version: request.query.version });
      return reply.status(204).send(null);
    },
  });

  r.get("/api/unit-groups/:id/units", {
    schema: {
      tags,
      summary: "Các đơn vị (đang hoạt động) thuộc nhóm, tính tại thời điểm gọi",
      params: IdParams,
      response: { 200: ResolvedUnits, ...refusals },
    },
    handler: async (request) => ({
      units: (await groupUnits(db, { actor: requireActor(request), id: request.params.id })).map(presentUnitRef),
    }),
  });
}
