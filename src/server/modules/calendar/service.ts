import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { ZImportedConference } from "../../../contracts/importer";
import type { Db } from "../../db/client";
import { calendarTokens } from "../../db/schema/index";
import { type Actor, assertCan, canActFor } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { type CalendarEvent, writeCalendar } from "./ics";
import { findUnit, unitDeadlines, unitOfToken, unitPlansWithConferences } from "./queries";

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
  const [deadlines, planRows] = await Promise.all([unitDeadlines(db, unit.id), unitPlansWithConferences(db, unit.id)]);
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
  for (const plan of planRows) {
    plan.conferences.forEach((raw, index) => {
      const conference = ZImportedConference.safeParse(raw);
      if (!conference.success || !conference.data.date) return;
      const c = conference.data;
      events.push({
        uid: `conference-${plan.id}-${index}@kehoach`,
        summary: `Hội nghị: ${c.title ?? plan.title}`,
        description:
          [
            plan.number ? `Theo Kế hoạch số ${plan.number}` : null,
            c.chair ? `Chủ trì: ${c.chair}` : null,
            c.duration ? `Thời lượng: ${c.duration}` : null,
          ]
            .filter(Boolean)
            .join("\n") || null,
        location: c.venue,
        date: c.date as string,
        time: c.start,
        endTime: c.start && c.end && c.end > c.start ? c.end : null,
        stamp: plan.updatedAt,
      });
    });
  }
  return writeCalendar(`Lịch hạn và hội nghị: ${unit.name}`, events);
}
