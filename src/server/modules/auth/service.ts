import { and, count, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { signInFailures, users } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { createSession, destroyOtherSessions } from "../../platform/auth";
import { AppError } from "../../platform/errors";
import { decoyHash, hashPassword, verifyPassword } from "../../platform/passwords";

export const SIGN_IN_MAX_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export interface SignInOptions {
  username: string;
  password: string;
  ip: string;
}

/**
 * Checks the password and opens a session. Ten failures in fifteen minutes for one username, or from
 * one address, lock further attempts (429) until the window slides; failures live in the database so
 * the limit holds across server processes.
 */
export async function signIn(db: Db, { username, password, ip }: SignInOptions) {
  const name = username.trim().toLowerCase();
  const keys = [`user:${name}`, `ip:${ip}`];
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const counts = await db
    .select({ key: signInFailures.key, n: count() })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  if (counts.some((c) => c.n >= SIGN_IN_MAX_FAILURES)) {
    await recordAudit(db, { actor: { userId: "", username: name, ip }, action: "auth.sign_in_blocked", entityType: "user" }).catch(
      () => undefined,
    );
    throw new AppError("RATE_LIMITED", "Đăng nhập sai quá nhiều lần. Hãy đợi 15 phút rồi thử lại, hoặc liên hệ quản trị viên.");
  }
  const [user] = await db.select().from(users).where(eq(users.username, name));
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await decoyHash(), password);
  if (!user || !ok || !user.active) {
    await db.transaction(async (tx) => {
      await tx.insert(signInFailures).values(keys.map((key) => ({ key })));
      await recordAudit(tx, {
        actor: user ? { userId: user.id, username: user.username, ip } : { userId: "", username: name, ip },
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        after: { username: name, reason: !user ? "unknown_user" : !ok ? "wrong_password" : "inactive" },
      });
    });
    throw new AppError("UNAUTHENTICATED", "Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  const session = await createSession(db, user.id);
  await recordAudit(db, {
    actor: { userId: user.id, username: user.username, ip },
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
  });
  return { user, ...session };
}

export interface ChangePasswordOptions {
  actor: Actor;
  /** The session making the change: it stays open, every other one of the user's sessions ends. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}

/** The signed-in user changes their own password after proving they know the current one. */
export async function changePassword(db: Db, { actor, sessionId, currentPassword, newPassword }: ChangePasswordOptions): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "Bạn cần đăng nhập để tiếp tục.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(db, { actor, action: "auth.password_change_failed", entityType: "user", entityId: user.id });
    throw new AppError("VALIDATION", "Mật khẩu hiện tại không đúng. Hãy nhập lại mật khẩu bạn đang dùng để đăng nhập.");
  }
  if (currentPassword === newPassword) {
    throw new AppError("VALIDATION", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const changedAt = new Date();
    await tx.update(users).set({ passwordHash, passwordChangedAt: changedAt, updatedAt: changedAt }).where(eq(users.id, user.id));
    await destroyOtherSessions(tx, user.id, sessionId);
    await recordAudit(tx, {
      actor,
      action: "auth.password_change",
      entityType: "user",
      entityId: user.id,
      before: { passwordChangedAt: user.passwordChangedAt.toISOString() },
      after: { passwordChangedAt: changedAt.toISOString() },
    });
  });
}
