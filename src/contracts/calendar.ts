import { z } from "zod";
import { IdParams } from "./common";
import { created, empty, endpoint, MIME, text } from "./http";

/** The secret feed address, shown once: whoever has it can read the unit's deadlines without signing in. */
export const CalendarToken = z.object({
  url: z.string(),
  path: z.string(),
  createdAt: z.iso.datetime(),
});
export type CalendarToken = z.infer<typeof CalendarToken>;

export const CalendarFileParams = z.strictObject({ file: z.string().max(200) });

const tags = ["calendar"];

/** A unit's secret calendar feed. */
export const calendarEndpoints = {
  createToken: endpoint({
    method: "POST",
    path: "/api/units/:id/calendar-token",
    tags,
    summary: "Tạo địa chỉ bí mật của lịch (.ics) của đơn vị; địa chỉ cũ hết hiệu lực",
    params: IdParams,
    reply: created(CalendarToken),
  }),
  revokeTokens: endpoint({
    method: "DELETE",
    path: "/api/units/:id/calendar-token",
    tags,
    summary: "Thu hồi mọi địa chỉ lịch của đơn vị",
    params: IdParams,
    reply: empty,
  }),
  feed: endpoint({
    method: "GET",
    path: "/api/calendar/:file",
    tags,
    summary: "Lịch (.ics) của đơn vị theo địa chỉ bí mật; không cần đăng nhập",
    public: true,
    params: CalendarFileParams,
    reply: text(MIME.ics, "Lịch iCalendar (.ics)"),
  }),
};
