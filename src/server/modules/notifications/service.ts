import { and, eq, isNull } from "drizzle-orm";
import type { NotificationList } from "../../../contracts/notifications";
import type { Db } from "../../db/client";
import { notificationEmails, notifications } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { actingUnitIds } from "./policy";
import { presentNotification } from "./presenter";
import { countUnread, listNotifications, mineCondition } from "./queries";

/** My notifications (to me, or to a unit I act for), newest first, with the unread count. */
export async function listMyNotifications(
  db: Db,
  { actor, unreadOnly, limit }: { actor: Actor; unreadOnly: boolean; limit: number },
): Promise<NotificationList> {
  const where = mineCondition(actor.userId, actingUnitIds(actor));
  const [rows, unread] = await Promise.all([listNotifications(db, where, { unreadOnly, limit }), countUnread(db, where)]);
  return { items: rows.map(presentNotification), unread };
}

/** Marks one of my notifications read; someone else's answers 404 as if it did not exist. */
export async function markNotificationRead(
  db: Db,
  { actor, id, now = new Date() }: { actor: Actor; id: string; now?: Date },
): Promise<void> {
  const where = and(eq(notifications.id, id), mineCondition(actor.userId, actingUnitIds(actor)));
  const [row] = await db.select({ id: notifications.id, readAt: notifications.readAt }).from(notifications).where(where);
  if (!row) throw notFound("Không tìm thấy thông báo này (có thể nó không gửi cho bạn).");
  if (!row.readAt)
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}

/** Sets (or clears, with null) where my reminder e-mails go. */
export async function setNotificationEmail(
  db: Db,
  { actor, email }: { actor: Actor; email: string | null },
): Promise<{ email: string | null }> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(notificationEmails).where(eq(notificationEmails.userId, actor.userId));
    if (email === null) await tx.delete(notificationEmails).where(eq(notificationEmails.userId, actor.userId));
    else
      await tx
        .insert(notificationEmails)
        .values({ userId: actor.userId, email })
        .onConflictDoUpdate({ target: notificationEmails.userId, set: { email, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "notifications.email",
      entityType: "user",
      entityId: actor.userId,
      before: before ?? null,
      after: { email },
    });
  });
  return { email };
}

export async function getNotificationEmail(db: Db, actor: Actor): Promise<{ email: string | null }> {
  const [row] = await db.select().from(notificationEmails).where(eq(notificationEmails.userId, actor.userId));
  return { email: row?.email ?? null };
}
