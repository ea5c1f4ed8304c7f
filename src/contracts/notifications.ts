import { z } from "zod";
import { IdParams } from "./common";
import { empty, endpoint, json } from "./http";

export const NotificationKind = z.enum([
  "reminder.before",
  "reminder.overdue",
  "obligation.assigned",
  "obligation.submitted",
  "obligation.returned",
  "obligation.accepted",
  "obligation.deadline",
  "obligation.urged",
]);

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  unitId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  obligationId: z.uuid().nullable(),
  /** The page to open: the obligation, else the unit's work list for a plan (several obligations), else the plan. */
  link: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationEmailRequest = z.strictObject({
  email: z.email({ error: "Địa chỉ e-mail không hợp lệ." }).max(254).nullable(),
});
export type NotificationEmailRequest = z.infer<typeof NotificationEmailRequest>;
export const NotificationEmail = z.object({ email: z.string().nullable() });

const tags = ["notifications"];

/** The bell: my notifications, and where my e-mails go. */
export const notificationEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/notifications",
    tags,
    summary: "Thông báo của tôi",
    query: NotificationsQuery,
    reply: json(NotificationList),
  }),
  markRead: endpoint({
    method: "POST",
    path: "/api/notifications/:id/read",
    tags,
    summary: "Đánh dấu đã đọc",
    params: IdParams,
    reply: empty,
  }),
  getEmail: endpoint({
    method: "GET",
    path: "/api/notifications/email",
    tags,
    summary: "Địa chỉ nhận e-mail nhắc hạn của tôi",
    reply: json(NotificationEmail),
  }),
  setEmail: endpoint({
    method: "PUT",
    path: "/api/notifications/email",
    tags,
    summary: "Đặt (hoặc bỏ) địa chỉ nhận e-mail nhắc hạn",
    body: NotificationEmailRequest,
    reply: json(NotificationEmail),
  }),
};
