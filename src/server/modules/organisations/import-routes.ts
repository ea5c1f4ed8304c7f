import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../../../contracts/common";
import { ImportQuery, ImportReport } from "../../../contracts/organisations";
import { type Actor, assertCan, isAdmin } from "../../platform/access";
import { requireActor } from "../../platform/auth";
import { AppError } from "../../platform/errors";
import { exportUnits, importUnits } from "./import-service";
import { IMPORT_MAX_BYTES } from "./xlsx-file";

const tags = ["units"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Only someone who manages some unit (or an admin) can create units from a file. */
const managesSomething = (actor: Actor) => isAdmin(actor) || actor.grants.some((g) => g.role === "manager");

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.post("/api/units/import", {
    schema: {
      tags,
      summary: "Nhập đơn vị từ tệp Excel (.xlsx, tối đa 10 MB, 10.000 dòng); dryRun=true để xem trước",
      description: `Gửi multipart/form-data với đúng một tệp .xlsx. Cột: Tên đơn vị, Tên viết tắt, Loại, Khối, Đơn vị cấp trên, Thứ tự.`,
      consumes: ["multipart/form-data"],
      querystring: ImportQuery,
      response: { 200: ImportReport, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      assertCan(managesSomething(actor), "Chỉ cán bộ quản lý đơn vị hoặc quản trị viên được nhập đơn vị từ tệp.");
      const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 }, throwFileSizeLimit: true });
      if (!part) throw new AppError("INVALID_FILE", "Chưa có tệp nào được gửi lên. Hãy chọn một tệp .xlsx.");
      const file = await part.toBuffer();
      return importUnits(db, { actor, file, filename: part.filename, dryRun: request.query.dryRun === "true" });
    },
  });

  r.get("/api/units/export.xlsx", {
    schema: {
      tags,
      summary: "Xuất danh sách đơn vị được xem ra Excel (cùng cột với tệp nhập)",
      produces: [XLSX_TYPE],
      response: { 200: z.unknown().describe("Tệp .xlsx"), 401: ErrorBody, 403: ErrorBody },
    },
    handler: async (request, reply) => {
      const file = await exportUnits(db, { actor: requireActor(request) });
      return reply.header("content-type", XLSX_TYPE).header("content-disposition", `attachment; filename="don-vi.xlsx"`).send(file);
    },
  });
}
