import type { FastifyInstance } from "fastify";
import { peopleEndpoints as e } from "../../../contracts/people";
import { route } from "../../platform/http";
import { addGrant, removeGrant } from "./grants";
import { presentUser } from "./presenter";
import { createUser, getUser, listUsers, setUserPassword, updateUser } from "./service";

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.list, async ({ actor, query }) => ({ users: (await listUsers(db(), { actor, ...query })).map(presentUser) }));

  route(app, e.get, async ({ actor, params }) => presentUser(await getUser(db(), { actor, userId: params.id })));

  route(app, e.create, async ({ actor, body }) => presentUser(await createUser(db(), { actor, input: body })));

  route(app, e.update, async ({ actor, params, body }) => presentUser(await updateUser(db(), { actor, userId: params.id, changes: body })));

  route(app, e.setPassword, async ({ actor, params, body }) => {
    await setUserPassword(db(), { actor, userId: params.id, newPassword: body.newPassword });
  });

  route(app, e.addGrant, async ({ actor, params, body }) => presentUser(await addGrant(db(), { actor, userId: params.id, ...body })));

  route(app, e.removeGrant, async ({ actor, params }) =>
    presentUser(await removeGrant(db(), { actor, userId: params.id, grantId: params.grantId })),
  );
}
