import type { Db } from "../db/client";
import { auditLog } from "../db/schema/index";
import type { Actor } from "./access";

export interface AuditEntry {
  actor: Pick<Actor, "userId" | "username" | "ip"> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row inside the caller's transaction: `await recordAudit(tx, { actor, action: "unit.rename", … })`. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    // A failed sign-in on an unknown username has a name and an address but no user id ("").
    actorId: entry.actor?.userId || null,
    actorName: entry.actor?.username ?? null,
    ip: entry.actor?.ip ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : stripSecrets(entry.before),
    after: entry.after === undefined ? null : stripSecrets(entry.after),
  });
}

/** Never let a password hash reach the audit log. */
function stripSecrets(value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const { passwordHash: _hidden, ...rest } = value as Record<string, unknown>;
    return JSON.parse(JSON.stringify(rest)) as unknown;
  }
  return value;
}
