import { and, count, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { signInFailures, users } from "../../db/schema/index";
import type { Actor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { createSession, destroyOtherSessions } from "../../platform/auth";
import { AppError } from "../../platform/errors";
import { decoyHash, hashPassword, verifyPassword } from "../../platform/passwords";

/** Failures of one username from one address that stop that pair (the owner elsewhere still signs in). */
export const SIGN_IN_MAX_FAILURES = 10;
/** Failures from one address, any usernames, that stop the address (a password sprayer); an office behind one NAT has room. */
export const SIGN_IN_MAX_ADDRESS_FAILURES = 30;
/** Failures of one username from anywhere after which every attempt on it waits before the password is checked. */
export const SIGN_IN_SLOW_AFTER = 5;
export const SIGN_IN_MAX_DELAY_MS = 8_000;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * How long an attempt on a username waits, given the failures for it from every address in the window:
 * nothing below 5, then 0.5 s doubling per failure up to 8 s — never a lockout, so a stranger cannot keep the
 * owner out, only make each guess slow. Example: `signInDelayMs(4) === 0`, `signInDelayMs(6) === 1000`.
 */
export function signInDelayMs(usernameFailures: number): number {
  if (usernameFailures < SIGN_IN_SLOW_AFTER) return 0;
  return Math.min(500 * 2 ** (usernameFailures - SIGN_IN_SLOW_AFTER), SIGN_IN_MAX_DELAY_MS);
}

/** The wait itself; an object so that tests can record the delays instead of sleeping through them. */
export const signInThrottle = {
  pause: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface SignInOptions {
  username: string;
  password: string;
  ip: string;
}

/**
 * Checks the password and opens a session. Failures are counted per (username, address) and per address:
 * 10 for one username from one address, or 30 from one address, refuse further attempts there (429) until
 * the window of 15 minutes slides. Failures of a username from everywhere only slow each attempt down
 * (`signInDelayMs`), so an attacker elsewhere cannot lock the owner out. Failures live in the database so
 * the limits hold across server processes.
 */
export async function signIn(db: Db, { username, password, ip }: SignInOptions) {
  const name = username.trim().toLowerCase();
  const pairKey = `user-ip:${name}|${ip}`;
  const addressKey = `ip:${ip}`;
  const userKey = `user:${name}`;
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const rows = await db
    .select({ key: signInFailures.key, n: count() })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, [pairKey, addressKey, userKey]), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  const failures = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  if (failures(pairKey) >= SIGN_IN_MAX_FAILURES || failures(addressKey) >= SIGN_IN_MAX_ADDRESS_FAILURES) {
    await recordAudit(db, { actor: { userId: "", username: name, ip }, action: "auth.sign_in_blocked", entityType: "user" }).catch(
      () => undefined,
    );
    throw new AppError("RATE_LIMITED", "Đăng nhập sai quá nhiều lần từ máy này. Hãy đợi 15 phút rồi thử lại, hoặc liên hệ quản trị viên.");
  }
  const delay = signInDelayMs(failures(userKey));
  if (delay > 0) await signInThrottle.pause(delay);
  const keys = [pairKey, addressKey, userKey];
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
