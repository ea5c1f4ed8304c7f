import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import { NotificationEmail, NotificationEmailRequest, NotificationList, NotificationsQuery } from "../../../contracts/notifications";
import { requireActor } from "../../platform/auth";
import { getNotificationEmail, listMyNotifications, markNotificationRead, setNotificationEmail } from "./service";

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.get("/api/notifications", {
    schema: {
      tags: ["notifications"],
      summary: "Thông báo của tôi",
      querystring: NotificationsQuery,
      response: { 200: NotificationList, 401: ErrorBody },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return listMyNotifications(db, { actor, unreadOnly: request.query.unread === "true", limit: request.query.limit });
    },
  });

  r.post("/api/notifications/:id/read", {
    schema: {
      tags: ["notifications"],
      summary: "Đánh dấu đã đọc",
      params: IdParams,
      response: { 204: z.null(), 401: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      await markNotificationRead(db, { actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  r.get("/api/notifications/email", {
    schema: {
      tags: ["notifications"],
      summary: "Địa chỉ nhận e-mail nhắc hạn của tôi",
      response: { 200: NotificationEmail, 401: ErrorBody },
    },
    handler: async (request) => getNotificationEmail(db, requireActor(request)),
  });

  r.put("/api/notifications/email", {
    schema: {
      tags: ["notifications"],
      summary: "Đặt (hoặc bỏ) địa chỉ nhận e-mail nhắc hạn",
      body: NotificationEmailRequest,
      response: { 200: NotificationEmail, 400: ErrorBody, 401: ErrorBody },
    },
    handler: async (request) => setNotificationEmail(db, { actor: requireActor(request), email: request.body.email }),
  });
}
