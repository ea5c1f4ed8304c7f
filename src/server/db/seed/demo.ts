import type { UnitKind } from "../../../contracts/organisations";
import { type NewUnit, unitRow } from "../../modules/organisations/rows";
import type { Role } from "../../platform/access";
import { hashPassword } from "../../platform/passwords";
import type { Db } from "../client";
import { roleGrants, unitGroupMembers, unitGroups, units, users } from "../schema/index";

/** The password of every demo account; demo data is for trying the system, never for real work. */
export const DEMO_PASSWORD = "kehoach-demo";

/** The communes (xã, phường, đặc khu) that appear in the seed plans, in the order seed 001 lists them. */
export const DEMO_COMMUNES = [
  "Phường Lê Chân",
  "Phường Chu Văn An",
  "Xã An Trường",
  "Đặc khu Cát Hải",
  "Xã Phú Thái",
  "Xã Tiên Lãng",
  "Phường Hải An",
  "Phường Hồng Bàng",
  "Xã Thanh Hà",
  "Phường Đông Hải",
  "Xã Vĩnh Lại",
  "Phường Thủy Nguyên",
] as const;

/** `Phường Lê Chân` → `phường Lê Chân`, as the name reads after "Ủy ban nhân dân", "Đảng ủy", "Ban CHQS". */
const inSentence = (commune: string) => commune.charAt(0).toLocaleLowerCase("vi") + commune.slice(1);

type Row = ReturnType<typeof unitRow>;

export interface DemoSeed {
  rootUnitId: string;
  /** Demo accounts, all with DEMO_PASSWORD. */
  usernames: string[];
  roots: { state: string; party: string; military: string; hdnd: string; mttq: string };
  groupIds: { banChqs: string; speeches: string };
}

/**
 * Hải Phòng as the seed plans describe it: the state, Party and military trees, twelve communes in each,
 * two unit groups and seven demo accounts. No real person's name is used. One transaction.
 */
export async function seedDemo(db: Db): Promise<DemoSeed> {
  const rows: Row[] = [];
  const siblings = new Map<string, number>();
  const add = (input: Omit<NewUnit, "tree" | "kind"> & { kind: UnitKind }, parent: Row | null, tree?: string): Row => {
    const key = parent?.id ?? "";
    const order = (siblings.get(key) ?? 0) + 1;
    siblings.set(key, order);
    const row = unitRow({ sortOrder: order, ...input, tree: parent?.tree ?? tree ?? "state" }, parent);
    rows.push(row);
    return row;
  };
  const byName = new Map<string, Row>();
  const named = (row: Row) => (byName.set(row.name, row), row);

  // State tree.
  const ubnd = add({ name: "Ủy ban nhân dân thành phố Hải Phòng", shortName: "UBND thành phố", kind: "ubnd" }, null, "state");
  named(add({ name: "Văn phòng UBND thành phố", shortName: "VP UBND thành phố", kind: "other" }, ubnd));
  for (const so of [
    "Sở Nội vụ",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Khoa học và Công nghệ",
  ])
    named(add({ name: so, kind: "so" }, ubnd));
  add({ name: "Công an thành phố", kind: "other" }, ubnd);
  add({ name: "Trung tâm Hội nghị - Biểu diễn thành phố", kind: "trung-tam" }, ubnd);
  const hdnd = named(add({ name: "Hội đồng nhân dân thành phố Hải Phòng", shortName: "HĐND thành phố", kind: "hdnd" }, null, "state"));
  const mttq = named(add({ name: "Ủy ban MTTQ Việt Nam thành phố Hải Phòng", shortName: "MTTQ thành phố", kind: "mttq" }, null, "state"));

  // Party tree.
  const thanhUy = add({ name: "Thành ủy Hải Phòng", shortName: "Thành ủy", kind: "thanh-uy" }, null, "party");
  for (const ban of [
    "Ban Thường vụ Thành ủy",
    "Ban Tổ chức Thành ủy",
    "Ban Tuyên giáo và Dân vận Thành ủy",
    "Ủy ban Kiểm tra Thành ủy",
    "Văn phòng Thành ủy",
  ])
    named(add({ name: ban, kind: "ban-dang" }, thanhUy));
  add({ name: "Đảng ủy Ủy ban nhân dân thành phố", kind: "dang-uy" }, thanhUy);
  named(add({ name: "Trường Chính trị Tô Hiệu", kind: "other" }, thanhUy));

  // Military tree.
  const boChqs = add({ name: "Bộ CHQS thành phố Hải Phòng", shortName: "Bộ CHQS thành phố", kind: "bo-chqs" }, null, "military");
  const thamMuu = add({ name: "Phòng Tham mưu", shortName: "Phòng TM", kind: "phong" }, boChqs);
  add({ name: "Phòng Chính trị", shortName: "Phòng CT", kind: "phong" }, boChqs);
  add({ name: "Phòng Hậu cần - Kỹ thuật", shortName: "Phòng HC-KT", kind: "phong" }, boChqs);
  add({ name: "Văn phòng", kind: "other" }, boChqs);
  for (const n of [1, 2, 3, 4]) add({ name: `Ban Chỉ huy PTKV ${n}`, shortName: `PTKV ${n}`, kind: "ptkv" }, boChqs);
  add({ name: "Ban Chỉ huy BDBP", shortName: "BDBP", kind: "bdbp" }, boChqs);
  for (const n of [50, 125, 836]) add({ name: `Trung đoàn ${n}`, kind: "trung-doan" }, boChqs);

  // Each commune in all three trees.
  const communes = new Map<string, Row>();
  for (const commune of DEMO_COMMUNES) {
    const xa = add({ name: commune, kind: "xa" }, ubnd);
    communes.set(commune, xa);
    const own = named(add({ name: `Ủy ban nhân dân ${inSentence(commune)}`, shortName: `UBND ${inSentence(commune)}`, kind: "ubnd" }, xa));
    if (commune === "Xã Thanh Hà") {
      add({ name: "Phòng Văn hóa - Xã hội", kind: "phong" }, own);
      add({ name: "Trung tâm Phục vụ hành chính công", kind: "trung-tam" }, own);
      add({ name: "Trung tâm Văn hóa, Thể thao và Truyền thông", kind: "trung-tam" }, own);
    }
    named(add({ name: `Đảng ủy ${inSentence(commune)}`, kind: "dang-uy" }, thanhUy));
    add({ name: `Ban CHQS ${inSentence(commune)}`, kind: "ban-chqs" }, boChqs);
  }

  // Units assigned a speech (tham luận) in seed 001's annex.
  const speeches = [
    hdnd.name,
    mttq.name,
    "Ban Tuyên giáo và Dân vận Thành ủy",
    "Ủy ban Kiểm tra Thành ủy",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Khoa học và Công nghệ",
    "Trường Chính trị Tô Hiệu",
    "Văn phòng Thành ủy",
    "Văn phòng UBND thành phố",
    "Ủy ban nhân dân phường Lê Chân",
    "Đảng ủy phường Chu Văn An",
    "Đảng ủy xã An Trường",
    "Đảng ủy đặc khu Cát Hải",
  ].map((name) => {
    const row = byName.get(name);
    if (!row) throw new Error(`demo seed: no unit named ${name}`);
    return row.id;
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const find = (name: string) => rows.find((r) => r.name === name) as Row;
  const accounts: Array<{ username: string; fullName: string; unit: Row; grantOn: Row; role: Role }> = [
    {
      username: "vanphong.thanhuy",
      fullName: "Cán bộ Văn phòng Thành ủy",
      unit: find("Văn phòng Thành ủy"),
      grantOn: thanhUy,
      role: "manager",
    },
    { username: "thammuu.bochqs", fullName: "Cán bộ Phòng Tham mưu Bộ CHQS thành phố", unit: thamMuu, grantOn: boChqs, role: "manager" },
    {
      username: "ubnd.donghai",
      fullName: "Cán bộ UBND phường Đông Hải",
      unit: communes.get("Phường Đông Hải") as Row,
      grantOn: communes.get("Phường Đông Hải") as Row,
      role: "member",
    },
    {
      username: "ubnd.thanhha",
      fullName: "Cán bộ UBND xã Thanh Hà",
      unit: communes.get("Xã Thanh Hà") as Row,
      grantOn: communes.get("Xã Thanh Hà") as Row,
      role: "member",
    },
    {
      username: "vanphong.ubnd",
      fullName: "Cán bộ Văn phòng UBND thành phố",
      unit: find("Văn phòng UBND thành phố"),
      grantOn: ubnd,
      role: "viewer",
    },
    // The state tree's clerk: drafts and tracks the city's plans to the communes (demo-plans.ts).
    {
      username: "chuyenvien.ubnd",
      fullName: "Chuyên viên Văn phòng UBND thành phố",
      unit: find("Văn phòng UBND thành phố"),
      grantOn: ubnd,
      role: "manager",
    },
    // A commune's Party committee: receives the Thành ủy's report task (seed 001).
    {
      username: "danguy.donghai",
      fullName: "Cán bộ Đảng ủy phường Đông Hải",
      unit: find("Đảng ủy phường Đông Hải"),
      grantOn: find("Đảng ủy phường Đông Hải"),
      role: "member",
    },
  ];

  return db.transaction(async (tx) => {
    await tx.insert(units).values(rows);
    const [banChqs] = await tx
      .insert(unitGroups)
      .values({
        name: "Ban CHQS cấp xã",
        description: "Mọi Ban CHQS xã, phường, đặc khu thuộc Bộ CHQS thành phố (tính theo quy tắc khi dùng).",
        mode: "rule",
        rule: { kinds: ["ban-chqs"], underUnitId: boChqs.id },
        ownerUnitId: boChqs.id,
      })
      .returning();
    const [speechGroup] = await tx
      .insert(unitGroups)
      .values({
        name: "Đơn vị chuẩn bị tham luận",
        description: "Các cơ quan, địa phương được phân công chuẩn bị tham luận (Kế hoạch 63-KH/TU).",
        mode: "static",
        ownerUnitId: thanhUy.id,
      })
      .returning();
    await tx.insert(unitGroupMembers).values(speeches.map((unitId) => ({ groupId: speechGroup.id, unitId })));
    for (const a of accounts) {
      const [user] = await tx
        .insert(users)
        .values({ username: a.username, fullName: a.fullName, unitId: a.unit.id, passwordHash })
        .returning();
      await tx.insert(roleGrants).values({ userId: user.id, unitId: a.grantOn.id, role: a.role });
    }
    return {
      rootUnitId: ubnd.id,
      usernames: accounts.map((a) => a.username),
      roots: { state: ubnd.id, party: thanhUy.id, military: boChqs.id, hdnd: hdnd.id, mttq: mttq.id },
      groupIds: { banChqs: banChqs.id, speeches: speechGroup.id },
    };
  });
}
