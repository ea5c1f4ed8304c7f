import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { vietnamClock, vietnamToday } from "../../../domain/deadlines/index";
import type { Db } from "../../db/client";
import { calendarTokens } from "../../db/schema/index";
import { type Actor, assertCan, canActFor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { type CalendarEvent, writeCalendar } from "./ics";
import { conferencesOfPlans, findUnit, issuedPlansOfUnit, unitDeadlines, unitOfToken } from "./queries";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const STATUS = {
  open: "chưa gửi",
  submitted: "đã gửi, chờ xem xét",
  returned: "bị trả lại, cần gửi lại",
  accepted: "đã được chấp nhận",
} as const;

async function requireActingUnit(db: Db, actor: Actor, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound("Không tìm thấy đơn vị.");
  assertCan(canActFor(actor, unit.id, unit.path), "Chỉ người dùng của đơn vị (hoặc cấp quản lý) mới tạo được lịch của đơn vị này.");
  return unit;
}

/**
 * A new secret feed address for the unit; earlier addresses of the unit stop working (a leaked link is
 * killed by making a new one). Only the token's SHA-256 is stored; the token itself is returned once.
 */
export async function createCalendarToken(db: Db, { actor, unitId, now = new Date() }: { actor: Actor; unitId: string; now?: Date }) {
  const unit = await requireActingUnit(db, actor, unitId);
  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await tx
      .update(calendarTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarTokens.unitId, unit.id), isNull(calendarTokens.revokedAt)));
    await tx.insert(calendarTokens).values({ tokenHash: sha256(token), unitId: unit.id, createdBy: actor.userId, createdAt: now });
    await recordAudit(tx, { actor, action: "calendar.token_create", entityType: "unit", entityId: unit.id });
  });
  return { token, createdAt: now };
}

/** Revokes every feed address of the unit. */
export async function revokeCalendarTokens(db: Db, { actor, unitId, now = new Date() }: { actor: Actor; unitId: string; now?: Date }) {
  const unit = await requireActingUnit(db, actor, unitId);
  await db.transaction(async (tx) => {
    await tx
      .update(calendarTokens)
      .set({ revokedAt: now })
      .where(and(eq(calendarTokens.unitId, unit.id), isNull(calendarTokens.revokedAt)));
    await recordAudit(tx, { actor, action: "calendar.token_revoke", entityType: "unit", entityId: unit.id });
  });
}

/** The .ics text behind a token; a malformed, unknown or revoked token is 404 (nothing says which). */
export async function calendarFeed(db: Db, token: string): Promise<string> {
  const unit = TOKEN.test(token) ? await unitOfToken(db, sha256(token)) : undefined;
  if (!unit)
    throw notFound("Không tìm thấy lịch này. Địa chỉ có thể đã bị thay bằng địa chỉ mới; hãy lấy lại địa chỉ lịch trong trang của đơn vị.");
  const [deadlines, planRows] = await Promise.all([unitDeadlines(db, unit.id), issuedPlansOfUnit(db, unit.id)]);
  const events: CalendarEvent[] = deadlines.map((o) => ({
    uid: `obligation-${o.id}@kehoach`,
    summary: `Hạn: ${o.what}`,
    description: `${o.planNumber ? `Kế hoạch số ${o.planNumber}` : "Kế hoạch"}: ${o.planTitle}\nTình trạng: ${STATUS[o.status]}`,
    location: null,
    date: o.dueDate,
    time: o.dueTime,
    endTime: null,
    stamp: o.updatedAt,
  }));
  const planOf = new Map(planRows.map((p) => [p.id, p]));
  for (const c of await conferencesOfPlans(db, [...planOf.keys()])) {
    const plan = planOf.get(c.planId);
    if (!plan || !c.startsAt) continue;
    const date = vietnamToday(c.startsAt);
    const endTime = c.endsAt && c.endsAt > c.startsAt && vietnamToday(c.endsAt) === date ? vietnamClock(c.endsAt) : null;
    events.push({
      // The conference's own id: the entry survives edits and reordering of the plan's conferences.
      uid: `conference-${c.id}@kehoach`,
      summary: `Hội nghị: ${c.title}`,
      description:
        [
          plan.number ? `Theo Kế hoạch số ${plan.number}` : null,
          c.chair ? `Chủ trì: ${c.chair}` : null,
          c.durationLabel ? `Thời lượng: ${c.durationLabel}` : null,
        ]
          .filter(Boolean)
          .join("\n") || null,
      location: c.venue || null,
      date,
      time: vietnamClock(c.startsAt),
      endTime,
      stamp: new Date(Math.max(c.updatedAt.getTime(), plan.updatedAt.getTime())),
    });
  }
  return writeCalendar(`Lịch hạn và hội nghị: ${unit.name}`, events);
}
