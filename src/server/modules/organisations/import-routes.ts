import type { FastifyInstance } from "fastify";
import { organisationEndpoints as e } from "../../../contracts/organisations";
import { type Actor, assertCan, isAdmin } from "../../platform/access";
import { readOneFile } from "../../platform/files/one-file";
import { route } from "../../platform/http";
import { exportUnits, importUnits } from "./import-service";
import { IMPORT_MAX_BYTES } from "./xlsx-file";

/** Only someone who manages some unit (or an admin) can create units from a file. */
const managesSomething = (actor: Actor) => isAdmin(actor) || actor.grants.some((g) => g.role === "manager");

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.importUnits, async ({ actor, query, request }) => {
    assertCan(managesSomething(actor), "Chỉ cán bộ quản lý đơn vị hoặc quản trị viên được nhập đơn vị từ tệp.");
    const { fileName, content } = await readOneFile(request, { maxBytes: IMPORT_MAX_BYTES, accept: ".xlsx" });
    return importUnits(db(), { actor, file: content, filename: fileName, dryRun: query.dryRun === "true" });
  });

  route(app, e.exportUnits, async ({ actor }) => ({ fileName: "don-vi.xlsx", content: await exportUnits(db(), { actor }) }));
}
