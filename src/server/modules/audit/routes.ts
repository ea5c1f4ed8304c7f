import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ErrorBody } from "../../../contracts/common";
import { AuditPage, AuditQuery } from "../../../contracts/people";
import { requireActor } from "../../platform/auth";
import { presentAuditEntry } from "./presenter";
import { listAudit } from "./service";

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get("/api/audit", {
    schema: {
      tags: ["audit"],
      summary: "Nhật ký thao tác, mới nhất trước (chỉ quản trị viên)",
      querystring: AuditQuery,
      response: { 200: AuditPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
    },
    handler: async (request) => {
      const { rows, nextBefore } = await listAudit(app.database.db, { actor: requireActor(request), ...request.query });
      return { entries: rows.map(presentAuditEntry), nextBefore };
    },
  });
}
