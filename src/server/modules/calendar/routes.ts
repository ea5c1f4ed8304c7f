import type { FastifyInstance } from "fastify";
import { calendarEndpoints as e } from "../../../contracts/calendar";
import { notFound } from "../../platform/errors";
import { route } from "../../platform/http";
import { calendarFeed, createCalendarToken, revokeCalendarTokens } from "./service";

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;

  route(app, e.createToken, async ({ actor, params, request }) => {
    const { token, createdAt } = await createCalendarToken(db(), { actor, unitId: params.id });
    const path = `/api/calendar/${token}.ics`;
    return { url: `${request.protocol}://${request.host}${path}`, path, createdAt: createdAt.toISOString() };
  });

  route(app, e.revokeTokens, async ({ actor, params }) => {
    await revokeCalendarTokens(db(), { actor, unitId: params.id });
  });

  route(app, e.feed, async ({ params, reply }) => {
    const match = /^(.+)\.ics$/.exec(params.file);
    if (!match) throw notFound("Không tìm thấy lịch này.");
    const body = await calendarFeed(db(), match[1]);
    void reply.header("cache-control", "private, max-age=300");
    return body;
  });
}
