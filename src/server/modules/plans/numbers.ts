import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import { vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { plans } from "../../db/schema/index";
import { duplicate } from "../../platform/errors";

/**
 * A plan number is used once per issuer and year: "63-KH/TU" of Thành ủy in 2026 belongs to one issued (or closed)
 * plan. Numbers compare with white space dropped and letters upper-cased ("63 - KH/TU" = "63-kh/tu"); the year is
 * the year of the issuing date (of today while a draft has none). Drafts do not hold a number until issued.
 * The unique index `plans_issuer_year_number_uq` (schema/plans.ts) is the database's guarantee; the check here,
 * under a per-issuer transaction lock, names the other plan.
 */
export const numberKey = (number: SQL | string): SQL => sql`upper(regexp_replace(${number}, '[[:space:]]+', '', 'g'))`;

export interface NumberUse {
  issuerUnitId: string;
  number: string | null | undefined;
  issuedOn: string | null | undefined;
  /** The plan being written, left out of the comparison. */
  planId?: string;
  now?: Date;
  /** False for a read-only look (the issue preview): no lock is taken. */
  lock?: boolean;
}

/** The year a plan's number counts in: its issuing date's, else today's in Vietnam. */
export const numberYear = (issuedOn: string | null | undefined, now = new Date()) => Number((issuedOn ?? vietnamToday(now)).slice(0, 4));

/** 409 DUPLICATE naming the other plan when `number` is already used by the issuer that year; call inside the writing transaction. */
export async function assertNumberFree(tx: Db, use: NumberUse): Promise<void> {
  const number = use.number?.trim();
  if (!number) return;
  const year = numberYear(use.issuedOn, use.now);
  // Two writers with the same issuer queue here, so the second sees the first's committed number (PostgreSQL; PGlite has one connection).
  if (use.lock !== false) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan-number:${use.issuerUnitId}`}))`);
  const [other] = await tx
    .select({ id: plans.id, number: plans.number, title: plans.title })
    .from(plans)
    .where(
      and(
        eq(plans.issuerUnitId, use.issuerUnitId),
        ne(plans.status, "draft"),
        use.planId ? ne(plans.id, use.planId) : undefined,
        sql`${numberKey(sql`${plans.number}`)} = ${numberKey(number)}`,
        sql`extract(year from ${plans.issuedOn}) = ${year}`,
      ),
    )
    .limit(1);
  if (other) throw duplicateNumber(other, year);
}

export function duplicateNumber(other: { id: string; number: string | null; title: string }, year: number) {
  return duplicate(
    `Số ${other.number} đã được dùng trong năm ${year} cho kế hoạch «${other.title}» của cùng đơn vị ban hành. Hãy dùng số khác.`,
    {
      planId: other.id,
      number: other.number,
      title: other.title,
    },
  );
}

/** True when a database error is the number index refusing a second plan with the same number. */
export function isNumberClash(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (x.code === "23505" && (x.constraint === "plans_issuer_year_number_uq" || String(x.message).includes("plans_issuer_year_number_uq")))
      return true;
  }
  return false;
}
