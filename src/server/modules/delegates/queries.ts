import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { nameKey, searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { delegateAnswers, delegateSettings, delegates } from "../../db/schema/index";
import { containsEveryWord } from "../../platform/access";
import { notFound } from "../../platform/errors";

/** Reads of the delegates module's own tables. */

export type DelegateRow = typeof delegates.$inferSelect;

/** The folded name, unit and title a delegate is found by, typed without diacritics. */
export const delegateSearchKey = (d: { fullName: string; unitName: string; title: string }) =>
  searchKey(`${d.fullName} ${d.unitName} ${d.title}`);

/** Two delegates are the same person when their folded names and units agree ("Nguyễn Văn Hoà, xã A" = "nguyễn văn hòa, Xã A"). */
export const sameDelegateKey = (d: { fullName: string; unitName: string }) => `${nameKey(d.fullName)}|${nameKey(d.unitName)}`;

export interface DelegateFilter {
  groupId?: string;
  unitId?: string;
  q?: string;
  quotaId?: string;
}

/** The conference's delegates in protocol order (rank, then name), filtered. */
export async function delegateRows(db: Db, conferenceId: string, filter: DelegateFilter = {}): Promise<DelegateRow[]> {
  const conditions: Array<SQL | undefined> = [eq(delegates.conferenceId, conferenceId)];
  if (filter.groupId) conditions.push(eq(delegates.groupId, filter.groupId));
  if (filter.unitId) conditions.push(eq(delegates.unitId, filter.unitId));
  if (filter.quotaId) conditions.push(eq(delegates.quotaId, filter.quotaId));
  if (filter.q) conditions.push(containsEveryWord(delegates.searchKey, filter.q));
  return db
    .select()
    .from(delegates)
    .where(and(...conditions))
    .orderBy(asc(delegates.protocolRank), asc(delegates.fullName), asc(delegates.id));
}

export async function lockDelegate(tx: Db, conferenceId: string, delegateId: string): Promise<DelegateRow> {
  const [row] = await tx
    .select()
    .from(delegates)
    .where(and(eq(delegates.id, delegateId), eq(delegates.conferenceId, conferenceId)))
    .for("update");
  if (!row) throw notFound("Không tìm thấy đại biểu.");
  return row;
}

/** When confirmations close: the organiser's deadline, else null (open until the conference starts, see answers.ts). */
export async function confirmBy(db: Db, conferenceId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: delegateSettings.confirmBy })
    .from(delegateSettings)
    .where(eq(delegateSettings.conferenceId, conferenceId));
  return row?.at ?? null;
}

export type StandingAnswer = typeof delegateAnswers.$inferSelect;

/**
 * Each delegate's standing answer: the latest given no later than `deadline` (answers after it are refused, but a
 * deadline moved earlier must not let a late one stand).
 */
export async function standingAnswers(db: Db, conferenceId: string, deadline: Date | null): Promise<Map<string, StandingAnswer>> {
  const rows = await db
    .selectDistinctOn([delegateAnswers.delegateId])
    .from(delegateAnswers)
    .innerJoin(delegates, eq(delegates.id, delegateAnswers.delegateId))
    .where(and(eq(delegates.conferenceId, conferenceId), deadline ? sql`${delegateAnswers.answeredAt} <= ${deadline}` : undefined))
    .orderBy(delegateAnswers.delegateId, desc(delegateAnswers.answeredAt), desc(delegateAnswers.id));
  return new Map(rows.map((r) => [r.delegate_answers.delegateId, r.delegate_answers]));
}
