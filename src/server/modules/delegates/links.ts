import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { delegateLinks, delegates } from "../../db/schema/index";
import { notFound } from "../../platform/errors";

/**
 * Personal confirmation links: 32 random bytes (base64url, 43 characters), of which only the SHA-256 is stored,
 * so a copy of the database opens no one's page. A delegate may hold several links; each stays valid.
 */

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The page a link opens, relative to the site: `/xac-bao/<token>`. */
export const confirmationPath = (token: string) => `/xac-bao/${token}`;

/** The absolute link for a letter or an e-mail, on the site's public address (`KEHOACH_PUBLIC_URL`). */
export const confirmationUrl = (token: string) =>
  `${(process.env.KEHOACH_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "")}${confirmationPath(token)}`;

/** Makes new links for these delegates inside the caller's transaction; the tokens are returned once, never stored. */
export async function issueLinks(tx: Db, delegateIds: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map(delegateIds.map((id) => [id, randomBytes(32).toString("base64url")]));
  const rows = [...tokens].map(([delegateId, token]) => ({ delegateId, tokenHash: hashToken(token) }));
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(delegateLinks).values(rows.slice(i, i + 2000));
  return tokens;
}

/** The delegate a token opens, or 404 with what to do. */
export async function delegateOfToken(db: Db, token: string) {
  const [row] = await db
    .select({ delegate: delegates })
    .from(delegateLinks)
    .innerJoin(delegates, eq(delegates.id, delegateLinks.delegateId))
    .where(eq(delegateLinks.tokenHash, hashToken(token)));
  if (!row) throw notFound("Liên kết xác báo không đúng hoặc đã bị thu hồi. Hãy liên hệ ban tổ chức hội nghị để nhận liên kết mới.");
  return row.delegate;
}
