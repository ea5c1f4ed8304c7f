import type { Notification } from "../../../contracts/notifications";
import type { notifications } from "../../db/schema/index";

export function presentNotification(row: typeof notifications.$inferSelect): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    unitId: row.unitId,
    planId: row.planId,
    obligationId: row.obligationId,
    link: row.obligationId
      ? `/obligations/${row.obligationId}`
      : row.planId && row.kind.startsWith("obligation.")
        ? "/my-work"
        : row.planId
          ? `/plans/${row.planId}`
          : "/my-work",
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
