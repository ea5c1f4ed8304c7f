import { eq, inArray } from "drizzle-orm";
import type { HeldList, HeldReport, HeldReportRequest, ObligationHeld } from "../../../contracts/conference-held";
import { dueInstant, formatDeadline, vietnamClock, vietnamToday } from "../../../domain/deadlines/index";
import { sortVi } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { conferenceHeldReports, conferences } from "../../db/schema/index";
import { type Actor, canRead } from "../../platform/access";
import { recordAudit } from "../../platform/audit";
import { AppError, invalidState, notFound } from "../../platform/errors";
import { DONE_STATUSES } from "../obligations/counts";
import { obligationsOfTasks } from "../obligations/of-tasks";
import { assertCanSubmit, canReadObligation } from "../obligations/policy";
import { loadObligation, type ObligationContext } from "../obligations/queries";
import { conferenceAccess } from "./policy";

/**
 * A conference every unit of a level holds itself: each unit's obligation "conference held" (the conference's
 * `perUnitTaskId` task) is answered with when, how many and where (this module's `conference_held_reports`, by
 * obligation id) and the minutes and photos as the obligation's submission files. Held = done by the one count
 * rule (obligations/counts.ts): submitted or accepted.
 */

type ReportRow = typeof conferenceHeldReports.$inferSelect;

const presentReport = (r: ReportRow | undefined): HeldReport | null =>
  r
    ? {
        heldAt: r.heldAt.toISOString(),
        heldDate: vietnamToday(r.heldAt),
        heldTime: vietnamClock(r.heldAt),
        attendance: r.attendance,
        venue: r.venue,
      }
    : null;

async function conferenceOfTask(db: Db, taskId: string) {
  const [row] = await db
    .select({ id: conferences.id, title: conferences.title, level: conferences.level })
    .from(conferences)
    .where(eq(conferences.perUnitTaskId, taskId));
  return row ?? null;
}

async function readable(db: Db, actor: Actor, obligationId: string): Promise<ObligationContext> {
  const o = await loadObligation(db, obligationId);
  if (!canReadObligation(actor, o)) throw notFound("Không tìm thấy việc cần làm.");
  return o;
}

/** The per-unit conference an obligation answers (or null) and what its unit reported. */
export async function obligationHeld(db: Db, actor: Actor, obligationId: string): Promise<ObligationHeld> {
  const o = await readable(db, actor, obligationId);
  const conference = await conferenceOfTask(db, o.taskId);
  if (!conference) return { conference: null, report: null };
  const [report] = await db.select().from(conferenceHeldReports).where(eq(conferenceHeldReports.obligationId, o.id));
  return { conference, report: presentReport(report) };
}

/**
 * The unit reports its conference held, before submitting the minutes and photos: only the unit's own people (or
 * a manager above it) while the obligation is owed, as for a submission (403 otherwise). A date and time still to
 * come is refused: this reports a conference already held. One held after the deadline is accepted, and the
 * submission that follows is marked late by the obligation's own rule.
 */
export async function reportHeld(
  db: Db,
  { actor, obligationId, input, now = new Date() }: { actor: Actor; obligationId: string; input: HeldReportRequest; now?: Date },
): Promise<ObligationHeld> {
  await db.transaction(async (tx) => {
    // As a submission: another unit's obligation is refused with 403, saying whose it is.
    const o = await loadObligation(tx, obligationId, true);
    assertCanSubmit(actor, o);
    if (!(await conferenceOfTask(tx, o.taskId)))
      throw invalidState("Việc này không phải tổ chức hội nghị tại đơn vị; hãy nộp bài như thường lệ.");
    const heldAt = dueInstant(input.heldDate, input.heldTime);
    if (heldAt.getTime() > now.getTime())
      throw new AppError(
        "VALIDATION",
        `Thời điểm tổ chức (${formatDeadline(input.heldDate, input.heldTime)}) chưa tới. Chỉ báo cáo hội nghị đã tổ chức xong.`,
      );
    const values = { heldAt, attendance: input.attendance, venue: input.venue, reportedBy: actor.userId, updatedAt: now };
    await tx
      .insert(conferenceHeldReports)
      .values({ obligationId: o.id, ...values })
      .onConflictDoUpdate({ target: conferenceHeldReports.obligationId, set: values });
    await recordAudit(tx, { actor, action: "conference.held.report", entityType: "obligation", entityId: o.id, after: input });
  });
  return obligationHeld(db, actor, obligationId);
}

/**
 * Every unit of a per-unit conference: held or not, when, attendance, its evidence (the obligation), with totals.
 * The organisers and readers of the issuer see every unit; a unit sees its own row.
 */
export async function heldList(
  db: Db,
  { actor, conferenceId, now = new Date() }: { actor: Actor; conferenceId: string; now?: Date },
): Promise<HeldList> {
  const access = await conferenceAccess(db, actor, conferenceId);
  const [conference] = await db.select({ taskId: conferences.perUnitTaskId }).from(conferences).where(eq(conferences.id, conferenceId));
  if (!conference?.taskId) throw invalidState("Hội nghị này không do từng đơn vị tự tổ chức.");
  const all = await obligationsOfTasks(db, { taskIds: [conference.taskId], issuerPath: access.plan.issuerPath, actor, now });
  const rows = canRead(actor, access.plan.issuerPath) ? all : all.filter((r) => r.canSubmit);
  const reports = rows.length
    ? await db
        .select()
        .from(conferenceHeldReports)
        .where(
          inArray(
            conferenceHeldReports.obligationId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const byObligation = new Map(reports.map((r) => [r.obligationId, r]));
  const done = new Set<string>(DONE_STATUSES);
  const units = sortVi(rows, (r) => r.unitName).map((r) => {
    const held = done.has(r.status);
    return {
      obligationId: r.id,
      unitId: r.unitId,
      unitName: r.unitName,
      status: r.status,
      held,
      late: r.late,
      overdue: r.overdue,
      dueAt: r.dueAt.toISOString(),
      // Shown once submitted: a report saved before a submission that failed is not yet evidence.
      report: held ? presentReport(byObligation.get(r.id)) : null,
      fileCount: r.files.length,
    };
  });
  const held = units.filter((u) => u.held);
  return {
    units,
    totals: { held: held.length, expected: units.length, attendance: held.reduce((sum, u) => sum + (u.report?.attendance ?? 0), 0) },
  };
}
