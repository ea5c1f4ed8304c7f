import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { CalendarFileParams, CalendarToken } from "../../../contracts/calendar";
import { ErrorBody, IdParams } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import { notFound } from "../../platform/errors";
import { calendarFeed, createCalendarToken, revokeCalendarTokens } from "./service";

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.post("/api/units/:id/calendar-token", {
    schema: {
      tags: ["calendar"],
      summary: "Tạo địa chỉ bí mật của lịch (.ics) của đơn vị; địa chỉ cũ hết hiệu lực",
      params: IdParams,
      response: { 201: CalendarToken, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      const { token, createdAt } = await createCalendarToken(db, { actor: requireActor(request), unitId: request.params.id });
      const path = `/api/calendar/${token}.ics`;
      return reply.status(201).send({ url: `${request.protocol}://${request.host}${path}`, path, createdAt: createdAt.toISOString() });
    },
  });

  r.delete("/api/units/:id/calendar-token", {
    schema: {
      tags: ["calendar"],
      summary: "Thu hồi mọi địa chỉ lịch của đơn vị",
      params: IdParams,
      response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
    handler: async (request, reply) => {
      await revokeCalendarTokens(db, { actor: requireActor(request), unitId: request.params.id });
      return reply.status(204).send(null);
    },
  });

  r.get("/api/calendar/:file", {
    schema: {
      tags: ["calendar"],
      summary: "Lịch (.ics) của đơn vị theo địa chỉ bí mật; không cần đăng nhập",
      params: CalendarFileParams,
      response: { 200: z.string(), 404: ErrorBody },
    },
    handler: async (request, reply) => {
      const match = /^(.+)\.ics$/.exec(request.params.file);
      if (!match) throw notFound("Không tìm thấy lịch này.");
      const body = await calendarFeed(db, match[1]);
      return reply.header("content-type", "text/calendar; charset=utf-8").header("cache-control", "private, max-age=300").send(body);
    },
  });
}
