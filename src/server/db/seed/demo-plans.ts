import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { and, asc, eq, ne } from "drizzle-orm";
import type { UnitKind, UnitSelector } from "../../../contracts/organisations";
import type { UpdateTaskRequest } from "../../../contracts/plans";
import { shiftDatesInText } from "../../../domain/dates/shift";
import { addDays, vietnamToday } from "../../../domain/deadlines/index";
import { readPlanText } from "../../../domain/importer/index";
import { nameKey } from "../../../domain/text/vietnamese";
import { createPerUnitConference } from "../../modules/conferences/per-unit";
import { acceptObligation, returnObligation, submit } from "../../modules/obligations/service";
import { createPlanFromImport } from "../../modules/plans/from-import";
import { createPlan, getPlan, issuePlan } from "../../modules/plans/service";
import { resolveTarget } from "../../modules/plans/targets";
import { createTask, deleteTask, updateTask } from "../../modules/plans/tasks";
import type { Actor } from "../../platform/access";
import { canManage } from "../../platform/access";
import { loadGrants } from "../../platform/auth";
import type { Db } from "../client";
import { obligations, roleGrants, units, users } from "../schema/index";

const seedDir = fileURLToPath(new URL("../../../../test/fixtures/seeds/", import.meta.url));
const DAY = 86_400_000;

/**
 * The three seed plans and who issues them. `anchor` places the plan in time RELATIVE TO NOW so the board
 * looks alive on any day: "earliest" puts its first deadline `days` from today (negative = already past,
 * so those units are overdue); "latest" puts its last deadline `days` from today (upcoming). `cascade` is
 * who gets the extra "report on the plan" task, and the target for deadlines whose units matched nothing.
 * Seed 001's first deadline is its last one less three days, at 11:00: its last is put four days ahead, so that the
 * first lands tomorrow and nothing of it is overdue on a first start at any hour (at three days, a start after 11:00
 * found the Party ward's work overdue, against the README).
 */
type SeedTree = "military" | "party" | "state";
const seeds: Array<{
  file: string;
  tree: SeedTree;
  issuer: string;
  anchor: "earliest" | "latest";
  days: number;
  cascade: { kinds?: UnitKind[] };
}> = [
  {
    file: "000_558bad5328212af2.txt",
    tree: "military",
    issuer: "Bộ CHQS thành phố Hải Phòng",
    anchor: "earliest",
    days: -6,
    cascade: { kinds: ["ban-chqs"] },
  },
  {
    file: "001_f9655c538364916e.txt",
    tree: "party",
    issuer: "Thành ủy Hải Phòng",
    anchor: "latest",
    days: 4,
    cascade: { kinds: ["dang-uy"] },
  },
  { file: "002_7b647e67f44d3843.txt", tree: "state", issuer: "Ủy ban nhân dân xã Thanh Hà", anchor: "earliest", days: -2, cascade: {} },
];

async function actorFor(db: Db, userId: string): Promise<Actor> {
  const [row] = await db
    .select({ user: users, path: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  return {
    userId,
    username: row.user.username,
    fullName: row.user.fullName,
    unitId: row.user.unitId,
    unitPath: row.path,
    grants: await loadGrants(db, userId),
  };
}

/** A manager other than the admin over the issuer: reviews what the admin submitted (nobody reviews their own work). */
async function reviewerFor(db: Db, adminUserId: string, issuerPath: string): Promise<Actor | null> {
  const rows = await db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "manager"), ne(roleGrants.userId, adminUserId)));
  for (const { userId } of rows) {
    const actor = await actorFor(db, userId);
    if (canManage(actor, issuerPath)) return actor;
  }
  return null;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

export interface DemoPlansOptions {
  adminUserId: string;
  /** Issuing units to use instead of the demo ones found by name (tests build their own). */
  issuerIds?: Partial<Record<SeedTree | "city", string>>;
  now?: Date;
  print?: (line: string) => void;
}

/**
 * Imports, issues and partly works through the three seed plans so a newcomer sees a living board: some
 * obligations submitted on time, some late, one returned, some overdue, some still upcoming.
 * Skips quietly when the seed files or the demo units are missing (an installed package without test/).
 */
export async function seedDemoPlans(
  db: Db,
  { adminUserId, issuerIds = {}, now = new Date(), print = () => undefined }: DemoPlansOptions,
): Promise<number> {
  const admin = await actorFor(db, adminUserId);
  const today = vietnamToday(now);
  let made = 0;
  let returnedOne = false;
  for (const seed of seeds) {
    const path = `${seedDir}${seed.file}`;
    const given = issuerIds[seed.tree];
    const [issuer] = await db
      .select()
      .from(units)
      .where(and(given ? eq(units.id, given) : eq(units.nameKey, nameKey(seed.issuer)), eq(units.archived, false)));
    if (!existsSync(path) || !issuer) continue;
    const text = readFileSync(path, "utf8");
    const raw = readPlanText(text);
    const dues = raw.deadlines.map((d) => dayNumber(d.due));
    const pivot = dues.length ? (seed.anchor === "earliest" ? Math.min(...dues) : Math.max(...dues)) : dayNumber(today);
    // The dates written in the text move with the deadlines, so the page says what the board tracks.
    const docYear = Number((raw.issuedOn ?? raw.deadlines[0]?.due ?? today).slice(0, 4));
    const result = readPlanText(shiftDatesInText(text, dayNumber(today) + seed.days - pivot, docYear));
    const { planId } = await createPlanFromImport(db, { actor: admin, input: { result, issuerUnitId: issuer.id } });
    const cascade: UnitSelector = { rule: { ...seed.cascade, underUnitId: issuer.id } };
    // As a clerk would: a target for unmatched names, a deadline (the plan's last one) where the text gives none.
    const lastDue =
      result.deadlines
        .map((d) => d.due)
        .sort()
        .at(-1) ?? addDays(today, 5);
    for (const task of (await getPlan(db, admin, planId)).tasks) {
      // A speech whose unit is not in the demo directory stays on the conference, without a task: not every commune's.
      if (task.unmatchedNames.length && task.what.startsWith("Gửi tham luận: ")) {
        await deleteTask(db, { actor: admin, taskId: task.id, version: task.version });
        continue;
      }
      const input: UpdateTaskRequest = { version: task.version };
      // A kind the text names ("Ban CHQS cấp xã") stays a rule when the directory has such units.
      const nobody = !task.target.unitIds?.length && (!task.target.rule || (await resolveTarget(db, task.target)).length === 0);
      if (task.unmatchedNames.length || nobody) input.target = cascade;
      if (!task.dueDate) Object.assign(input, { dueDate: lastDue, dueTime: null });
      if (input.target || input.dueDate) await updateTask(db, { actor: admin, taskId: task.id, input });
    }
    await createTask(db, {
      actor: admin,
      planId,
      input: {
        what: "Báo cáo kết quả thực hiện Kế hoạch",
        deliverable: "report",
        target: cascade,
        dueDate: addDays(today, 7),
        dueTime: "17:00",
      },
    });
    const plan = await getPlan(db, admin, planId);
    await issuePlan(db, { actor: admin, planId, version: plan.version, now });
    const reviewer = await reviewerFor(db, adminUserId, issuer.path);
    const rows = await db
      .select()
      .from(obligations)
      .where(eq(obligations.planId, planId))
      .orderBy(asc(obligations.dueAt), asc(obligations.unitId));
    // Rows with one deadline come in the order of their random unit ids, so which of them the pattern below submits
    // changes from one start to the next: every unit keeps its first upcoming obligation open, so every demo account
    // always has something to do.
    const keptOpen = new Set<string>();
    for (const [i, o] of rows.entries()) {
      const past = o.dueAt.getTime() < now.getTime();
      if (!past && !keptOpen.has(o.unitId)) {
        keptOpen.add(o.unitId);
        continue;
      }
      if (!past && i % 3 !== 0) continue;
      if (past && i % 4 >= 2) continue; // left open: overdue on the board
      const lateAt = new Date(Math.min(now.getTime() - 60_000, o.dueAt.getTime() + 26 * 3_600_000));
      const at = past && i % 4 === 1 ? lateAt : new Date(Math.min(now.getTime() - 60_000, o.dueAt.getTime() - 3 * 3_600_000));
      const sent = await submit(db, { actor: admin, obligationId: o.id, text: "Báo cáo của đơn vị (dữ liệu mẫu).", files: [], now: at });
      if (!reviewer) continue;
      if (!returnedOne && past) {
        await returnObligation(db, {
          actor: reviewer,
          obligationId: o.id,
          version: sent.version,
          reason: "Thiếu số liệu biểu mẫu kèm theo, đề nghị bổ sung.",
          now,
        });
        returnedOne = true;
      } else if (i % 2 === 0) await acceptObligation(db, { actor: reviewer, obligationId: o.id, version: sent.version, now });
    }
    made += 1;
  }
  if (await seedCityPlan(db, { admin, issuerId: issuerIds.city, now, today })) made += 1;
  if (made) print(`Đã nạp ${made} kế hoạch mẫu đã ban hành, có việc đúng hạn, trễ hạn, bị trả lại và quá hạn.`);
  return made;
}

const CITY = "Ủy ban nhân dân thành phố Hải Phòng";

/**
 * The state tree's own plan, written by hand by the city's clerk (a manager of the UBND, not the admin): every
 * commune owes a report due in two days, a list already overdue, a half-year report (one returned with a
 * reason, the others accepted) and a conference in two weeks. So `ubnd.donghai` has work on first start.
 */
async function seedCityPlan(db: Db, o: { admin: Actor; issuerId?: string; now: Date; today: string }): Promise<boolean> {
  const [issuer] = await db
    .select()
    .from(units)
    .where(and(o.issuerId ? eq(units.id, o.issuerId) : eq(units.nameKey, nameKey(CITY)), eq(units.archived, false)));
  if (!issuer) return false;
  const communes = (
    await db
      .select()
      .from(units)
      .where(and(eq(units.kind, "xa"), ne(units.id, issuer.id), eq(units.archived, false)))
  ).filter((u) => u.path.startsWith(issuer.path));
  if (communes.length === 0) return false;
  const clerk = (await reviewerFor(db, o.admin.userId, issuer.path)) ?? o.admin;
  const unitIds = communes.map((u) => u.id);
  const { today, now } = o;
  const plan = await createPlan(db, {
    actor: clerk,
    input: {
      issuerUnitId: issuer.id,
      title: "Sơ kết 6 tháng vận hành chính quyền địa phương 2 cấp tại các xã, phường, đặc khu",
      typeCode: "KH",
      purpose: "Đánh giá kết quả 6 tháng vận hành chính quyền địa phương 2 cấp; chỉ ra khó khăn, vướng mắc và kiến nghị.",
      signer: { authority: "TM.", title: "CHỦ TỊCH", rank: null, name: "Nguyễn Văn A" },
      recipients: ["UBND các xã, phường, đặc khu", "Lưu: VT"],
    },
  });
  const tasks: Array<{ what: string; deliverable: "report" | "delegates" | "conference"; dueDate: string; dueTime: string | null }> = [
    { what: "Báo cáo sơ kết 6 tháng (theo đề cương kèm theo)", deliverable: "report", dueDate: addDays(today, -6), dueTime: "17:00" },
    {
      what: "Gửi danh sách đại biểu dự hội nghị sơ kết của thành phố",
      deliverable: "delegates",
      dueDate: addDays(today, -2),
      dueTime: "11:00",
    },
    { what: "Báo cáo kết quả rà soát thủ tục hành chính cấp xã", deliverable: "report", dueDate: addDays(today, 2), dueTime: "17:00" },
    { what: "Tổ chức hội nghị sơ kết cấp xã", deliverable: "conference", dueDate: addDays(today, 14), dueTime: null },
  ];
  for (const t of tasks) await createTask(db, { actor: clerk, planId: plan, input: { ...t, target: { unitIds } } });
  let detail = await getPlan(db, clerk, plan);
  // Each commune holds its own conference: the organiser's page lists who held it, when, and how many attended.
  const held = detail.tasks.find((t) => t.deliverable === "conference");
  if (held) {
    await createPerUnitConference(db, {
      actor: clerk,
      taskId: held.id,
      title: "Hội nghị sơ kết 6 tháng vận hành chính quyền địa phương 2 cấp",
      level: "Xã, phường, đặc khu",
      durationLabel: "½ ngày",
    });
    detail = await getPlan(db, clerk, plan);
  }
  await issuePlan(db, { actor: clerk, planId: plan, version: detail.version, now });
  // The half-year report: every commune sent it the day before; Đông Hải's (or the first) goes back, half are accepted.
  const firstTask = detail.tasks[0].id;
  const rows = await db
    .select()
    .from(obligations)
    .where(and(eq(obligations.planId, plan), eq(obligations.taskId, firstTask)));
  const sorted = rows.sort((a, b) => unitIds.indexOf(a.unitId) - unitIds.indexOf(b.unitId));
  const returned = sorted.find((r) => communes.find((c) => c.id === r.unitId)?.name.includes("Đông Hải")) ?? sorted[0];
  for (const [i, row] of sorted.entries()) {
    const at = new Date(row.dueAt.getTime() - DAY);
    const sent = await submit(db, {
      actor: o.admin,
      obligationId: row.id,
      text: "Báo cáo sơ kết 6 tháng (dữ liệu mẫu).",
      files: [],
      now: at,
    });
    if (clerk === o.admin) continue;
    if (row.id === returned.id)
      await returnObligation(db, {
        actor: clerk,
        obligationId: row.id,
        version: sent.version,
        reason: "Thiếu số liệu phụ lục 01 (cán bộ, công chức cấp xã); đề nghị bổ sung và gửi lại.",
        now,
      });
    else if (i % 2 === 0) await acceptObligation(db, { actor: clerk, obligationId: row.id, version: sent.version, now });
  }
  return true;
}
