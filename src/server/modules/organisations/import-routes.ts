import type { FastifyInstance } from "fastify";
import { organisationEndpoints as e } from "../../../contracts/organisations";
import { type Actor, assertCan, isAdmin } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { route } from "../../platform/http";
import { exportUnits, importUnits } from "./import-service";
import { IMPORT_MAX_BYTES } from "./xlsx-file";

/** Only someone who manages some unit (or an admin) can create units from a file. */
const managesSomething = (actor: Actor) => isAdmin(actor) || actor.grants.some((g) => g.role === "manager");

export async function importRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.importUnits, async ({ actor, query, request }) => {
    assertCan(managesSomething(actor), "Chỉ cán bộ quản lý đơn vị hoặc quản trị viên được nhập đơn vị từ tệp.");
    const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 }, throwFileSizeLimit: true });
    if (!part) throw new AppError("INVALID_FILE", "Chưa có tệp nào được gửi lên. Hãy chọn một tệp .xlsx.");
    const file = await part.toBuffer();
    return importUnits(db(), { actor, file, filename: part.filename, dryRun: query.dryRun === "true" });
  });

  route(app, e.exportUnits, async ({ actor }) => ({ fileName: "don-vi.xlsx", content: await exportUnits(db(), { actor }) }));
}
