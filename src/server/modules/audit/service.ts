import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema/index";
import { type Actor, assertCan } from "../../platform/access";
import { canReadAudit, messages } from "./policy";

export const AUDIT_PAGE_DEFAULT = 50;

export type AuditRow = typeof auditLog.$inferSelect;

export interface ListAuditOptions {
  actor: Actor;
  entityType?: string;
  entityId?: string;
  limit?: number;
  /** Only entries older than this entry id (ids grow with time, so they page without gaps or repeats). */
  before?: number;
}

/** One page of the audit log, newest first, and the cursor of the next page (null on the last). */
export async function listAudit(
  db: Db,
  { actor, entityType, entityId, limit = AUDIT_PAGE_DEFAULT, before }: ListAuditOptions,
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  assertCan(canReadAudit(actor), messages.read);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        entityType ? eq(auditLog.entityType, entityType) : undefined,
        entityId ? eq(auditLog.entityId, entityId) : undefined,
        before ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    // One extra row tells whether another page exists without a count query.
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
