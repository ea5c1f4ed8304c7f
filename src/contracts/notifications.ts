import { z } from "zod";

export const NotificationKind = z.enum(["reminder.before", "reminder.overdue"]);

export const Notification = z.object({
  id: z.uuid(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  unitId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  obligationId: z.uuid().nullable(),
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
