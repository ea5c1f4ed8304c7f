import { type AnyColumn, and, like, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type RoleName, roles } from "../../contracts/roles";
import { searchWords } from "../../domain/text/vietnamese";
import { AppError, forbidden } from "./errors";

export { roles };
export type Role = RoleName;

/** A role held on a unit; it reaches every unit whose path starts with `unitPath`. */
export interface Grant {
  unitId: string;
  unitPath: string;
  role: Role;
}

/** The signed-in user as every service sees it. Built per request from the session. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  grants: Grant[];
  ip?: string;
}

/** True when the actor holds `admin` anywhere: admins act on everything. */
export function isAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "admin");
}

/** True when one of `allowed` is granted on the unit at `unitPath` or an ancestor: `covers(a, "r/x/", ["manager"])`. */
export function covers(actor: Actor, unitPath: string, allowed: readonly Role[]): boolean {
  if (isAdmin(actor)) return true;
  return actor.grants.some((g) => allowed.includes(g.role) && unitPath.startsWith(g.unitPath));
}

/** Any role on the unit or above lets one read it. */
export const canRead = (actor: Actor, unitPath: string) => covers(actor, unitPath, roles);
/** Managers (and admins) change units, users and plans in their subtree. */
export const canManage = (actor: Actor, unitPath: string) => covers(actor, unitPath, ["manager"]);
/** Members act for their own unit (submit, confirm); managers for their subtree. */
export function canActFor(actor: Actor, unitId: string, unitPath: string): boolean {
  if (covers(actor, unitPath, ["manager"])) return true;
  return actor.grants.some((g) => g.role === "member" && g.unitId === unitId);
}

export function assertCan(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}

/**
 * The SQL condition restricting rows to the actor's readable subtrees, or undefined for admins.
 * `where(scopeToActor(actor, units.path))`
 */
export function scopeToActor(actor: Actor, pathColumn: AnyColumn, allowed: readonly Role[] = roles): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const prefixes = actor.grants.filter((g) => allowed.includes(g.role)).map((g) => g.unitPath);
  if (prefixes.length === 0) throw new AppError("FORBIDDEN", "Tài khoản của bạn chưa được cấp quyền trên đơn vị nào.");
  return or(...prefixes.map((p) => like(pathColumn, `${escapeLike(p)}%`)));
}

/**
 * A column of folded search keys (see `searchKey`) containing every word of the query, in any order, each
 * word an escaped LIKE parameter; undefined for a query with no word: `containsEveryWord(units.searchKey, "dong hai ubnd")`.
 */
export function containsEveryWord(column: AnyColumn | SQLWrapper, query: string): SQL | undefined {
  const words = searchWords(query);
  return words.length === 0 ? undefined : and(...words.map((w) => sql`${column} like ${`%${escapeLike(w)}%`} escape '\\'`));
}

/** Escapes LIKE wildcards so user text never widens a pattern: `escapeLike("50%_")` → `"50\\%\\_"`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
