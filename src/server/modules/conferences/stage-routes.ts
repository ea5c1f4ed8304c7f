import type { FastifyInstance } from "fastify";
import { stageEndpoints as e } from "../../../contracts/stage";
import { route } from "../../platform/http";
import { conferenceAccess } from "./policy";
import { commandTimer, getStageProgram, getTimerState } from "./stage";

/** The stage timer: its state for every screen, the operator's commands and programme, and the live topic. */
export async function stageRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  // Live topic `conference:<id>` (platform/live): whoever may read the conference hears its stage (and, later, more).
  app.live.authorizeTopic("conference", (actor, id) =>
    conferenceAccess(db(), actor, id).then(
      () => true,
      () => false,
    ),
  );

  route(app, e.timer, ({ actor, params }) => getTimerState(db(), actor, params.id));

  route(app, e.command, ({ actor, params, body }) => commandTimer(db(), { actor, conferenceId: params.id, input: body }));

  route(app, e.program, ({ actor, params }) => getStageProgram(db(), actor, params.id));
}
