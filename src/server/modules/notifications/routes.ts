import type { FastifyInstance } from "fastify";
import { notificationEndpoints as e } from "../../../contracts/notifications";
import { route } from "../../platform/http";
import { getNotificationEmail, listMyNotifications, markNotificationRead, setNotificationEmail } from "./service";

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.list, ({ actor, query }) => listMyNotifications(db(), { actor, unreadOnly: query.unread === "true", limit: query.limit }));

  route(app, e.markRead, async ({ actor, params }) => {
    await markNotificationRead(db(), { actor, id: params.id });
  });

  route(app, e.getEmail, ({ actor }) => getNotificationEmail(db(), actor));

  route(app, e.setEmail, ({ actor, body }) => setNotificationEmail(db(), { actor, email: body.email }));
}
