import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import {
  ArchiveUnitRequest,
  CreateUnitRequest,
  MoveUnitRequest,
  RestoreUnitRequest,
  UnitList,
  UnitListQuery,
  UnitSearchQuery,
  UnitView,
  UpdateUnitRequest,
} from "../../../contracts/organisations";
import { requireActor } from "../../platform/auth";
import { groupRoutes } from "./group-routes";
import { importRoutes } from "./import-routes";
import { archiveUnit, createUnit, getUnit, listUnits, moveUnit, restoreUnit, searchUnits, updateUnit } from "./service";

const tags = ["units"];
const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** /api/units (the org tree), /api/unit-groups and the Excel import/export. */
export async function organisationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.get("/api/units", {
    schema: {
      tags,
      summary: "Danh sách đơn vị được xem (kèm các đơn vị cấp trên để vẽ cây)",
      querystring: UnitListQuery,
      response: { 200: UnitList, 401: ErrorBody, 403: ErrorBody },
    },
    handler: async (request) => {
      const { tree, includeArchived } = request.query;
      return { units: await listUnits(db, { actor: requireActor(request), tree, includeArchived: includeArchived === "true" }) };
    },
  });

  r.get("/api/units/search", {
    schema: {
      tags,
      summary: "Tìm đơn vị theo tên (không phân biệt dấu)",
      querystring: UnitSearchQuery,
      response: { 200: UnitList, 400: ErrorBody, 401: ErrorBody },
    },
    handler: async (request) => ({ units: await searchUnits(db, { actor: requireActor(request), ...request.query }) }),
  });

  r.get("/api/units/:id", {
    schema: { tags, summary: "Chi tiết một đơn vị", params: IdParams, response: { 200: UnitView, ...refusals } },
    handler: async (request) => getUnit(db, { actor: requireActor(request), id: request.params.id }),
  });

  r.post("/api/units", {
    schema: { tags, summary: "Tạo đơn vị", body: CreateUnitRequest, response: { 201: UnitView, ...refusals, 413: ErrorBody } },
    handler: async (request, reply) => reply.status(201).send(await createUnit(db, { actor: requireActor(request), input: request.body })),
  });

  r.patch("/api/units/:id", {
    schema: {
      tags,
      summary: "Sửa tên, tên viết tắt, loại, thứ tự của đơn vị",
      params: IdParams,
      body: UpdateUnitRequest,
      response: { 200: UnitView, ...refusals },
    },
    handler: async (request) => updateUnit(db, { actor: requireActor(request), id: request.params.id, input: request.body }),
  });

  r.post("/api/units/:id/move", {
    schema: {
      tags,
      summary: "Chuyển đơn vị (cả cây con) sang đơn vị cấp trên khác",
      params: IdParams,
      body: MoveUnitRequest,
      response: { 200: UnitView, ...refusals },
    },
    handler: async (request) => moveUnit(db, { actor: requireActor(request), id: request.params.id, ...request.body }),
  });

  r.post("/api/units/:id/archive", {
    schema: {
      tags,
      summary: "Lưu trữ đơn vị (cascade: cả đơn vị cấp dưới)",
      params: IdParams,
      body: ArchiveUnitRequest,
      response: { 200: UnitView, ...refusals },
    },
    handler: async (request) => archiveUnit(db, { actor: requireActor(request), id: request.params.id, ...request.body }),
  });

  r.post("/api/units/:id/restore", {
    schema: {
      tags,
      summary: "Khôi phục đơn vị đã lưu trữ",
      params: IdParams,
      body: RestoreUnitRequest,
      response: { 200: UnitView, ...refusals },
    },
    handler: async (request) => restoreUnit(db, { actor: requireActor(request), id: request.params.id, ...request.body }),
  });

  await groupRoutes(app);
  await importRoutes(app);
}
