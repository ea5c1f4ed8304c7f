import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../platform/passwords";
import type { Db } from "../client";
import { roleGrants, units, users } from "../schema/index";
import { DEMO_PASSWORD, seedDemo } from "./demo";
import { seedDemoPlans } from "./demo-plans";

export interface InitialDataOptions {
  adminPassword?: string;
  print: (line: string) => void;
}

/**
 * On the first start of an empty database: the Hải Phòng demo organisation and the administrator
 * `admin`, whose password is KEHOACH_ADMIN_PASSWORD or a random one printed once.
 */
/** Loads the demo data into an empty database; true when it did. */
export async function ensureInitialData(db: Db, { adminPassword, print }: InitialDataOptions): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(units);
  if (n > 0) return false;
  const { rootUnitId, usernames } = await seedDemo(db);
  await createAdmin(db, rootUnitId, adminPassword, print);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
  await seedDemoPlans(db, { adminUserId: admin.id, print });
  print(`Đã nạp dữ liệu mẫu Hải Phòng. Tài khoản mẫu (mật khẩu "${DEMO_PASSWORD}"): ${usernames.join(", ")}`);
  return true;
}

export async function createAdmin(db: Db, unitId: string, adminPassword: string | undefined, print: (line: string) => void): Promise<void> {
  const [existing] = await db.select().from(users).where(eq(users.username, "admin"));
  if (existing) return;
  const password = adminPassword ?? randomBytes(9).toString("base64url");
  await db.transaction(async (tx) => {
    const [admin] = await tx
      .insert(users)
      .values({ username: "admin", fullName: "Quản trị hệ thống", unitId, passwordHash: await hashPassword(password) })
      .returning();
    await tx.insert(roleGrants).values({ userId: admin.id, unitId, role: "admin" });
  });
  print(
    adminPassword
      ? "Đã tạo tài khoản quản trị: admin (mật khẩu lấy từ KEHOACH_ADMIN_PASSWORD)"
      : `Đã tạo tài khoản quản trị: admin / ${password}  (hãy ghi lại, mật khẩu chỉ hiện một lần)`,
  );
}
