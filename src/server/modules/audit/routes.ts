import type { FastifyInstance } from "fastify";
import { peopleEndpoints } from "../../../contracts/people";
import { route } from "../../platform/http";
import { presentAuditEntry } from "./presenter";
import { listAudit } from "./service";

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  route(app, peopleEndpoints.audit, async ({ actor, query }) => {
    const { rows, nextBefore } = await listAudit(app.database.db, { actor, ...query });
    return { entries: rows.map(presentAuditEntry), nextBefore };
  });
}
