/**
 * Organisation units and unit groups: the wire contract shared by the server (/api/units, /api/unit-groups)
 * and the web app. Every request body is strict: unknown fields are refused with 400.
 */
import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, empty, endpoint, file, json, MIME } from "./http";

/** Kinds of unit with their Vietnamese labels, in the order a picker shows them. */
export const unitKindLabels = {
  ubnd: "Ủy ban nhân dân",
  so: "Sở",
  phong: "Phòng",
  "trung-tam": "Trung tâm",
  "thanh-uy": "Thành ủy / Tỉnh ủy",
  "ban-dang": "Ban của cấp ủy",
  "dang-uy": "Đảng ủy",
  "bo-chqs": "Bộ Chỉ huy Quân sự",
  "ban-chqs": "Ban Chỉ huy Quân sự",
  ptkv: "Ban Chỉ huy Phòng thủ khu vực",
  bdbp: "Ban Chỉ huy Bộ đội Biên phòng",
  "trung-doan": "Trung đoàn",
  mttq: "Ủy ban Mặt trận Tổ quốc",
  hdnd: "Hội đồng nhân dân",
  xa: "Xã, phường, đặc khu",
  other: "Khác",
} as const;
export type UnitKind = keyof typeof unitKindLabels;
export const unitKinds = Object.keys(unitKindLabels) as [UnitKind, ...UnitKind[]];
export const UnitKindSchema = z.enum(unitKinds, { error: "Loại đơn vị không hợp lệ." });

/** The three standard trees; any other lower-case slug (`hoi-dong-thi-dua`) is a custom tree. */
export const unitTreeLabels = {
  state: "Khối chính quyền",
  party: "Khối Đảng",
  military: "Khối quân sự",
} as const;
export type StandardTree = keyof typeof unitTreeLabels;
export const standardTrees = Object.keys(unitTreeLabels) as StandardTree[];
export const TreeName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "Tên khối chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 40 ký tự)." });

/** One unit as every list, search and detail answer shows it. */
export const UnitView = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  tree: z.string(),
  parentId: z.string().nullable(),
  /** Ancestor ids and own id, each followed by "/". */
  path: z.string(),
  level: z.number().int(),
  sortOrder: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
  /** Number of direct children that are not archived. */
  childCount: z.number().int(),
});
export type UnitView = z.infer<typeof UnitView>;
export const UnitList = z.object({ units: z.array(UnitView) });
export type UnitList = z.infer<typeof UnitList>;

const BoolText = z.enum(["true", "false"], { error: "Chỉ nhận true hoặc false." });

/** GET /api/units: readable units (own subtrees plus their ancestors), sorted tree → sortOrder → name. */
export const UnitListQuery = z.object({ tree: TreeName.optional(), includeArchived: BoolText.optional() });
export type UnitListQuery = z.infer<typeof UnitListQuery>;

/** GET /api/units/search: diacritic-insensitive (`dong hai` finds `Phường Đông Hải`), active units only. */
export const UnitSearchQuery = z.object({
  q: z.string().trim().min(1, { error: "Hãy nhập từ khoá tìm kiếm." }).max(200, { error: "Từ khoá quá dài." }),
  tree: TreeName.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type UnitSearchQuery = z.infer<typeof UnitSearchQuery>;

const SortOrder = z.number().int().min(-1_000_000).max(1_000_000);
const ShortName = Name(100).nullable();
const Version = z.number().int().min(1, { error: "Thiếu số phiên bản (version) của dữ liệu." });

/** POST /api/units: under `parentId` (tree taken from the parent) or, for admins, a root of `tree`. */
export const CreateUnitRequest = z.strictObject({
  name: Name(300),
  shortName: ShortName.optional(),
  kind: UnitKindSchema,
  parentId: Uuid.nullable().optional(),
  /** Required for a root; for a child it must equal the parent's tree when given. */
  tree: TreeName.optional(),
  sortOrder: SortOrder.optional(),
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;

/** PATCH /api/units/:id */
export const UpdateUnitRequest = z.strictObject({
  name: Name(300).optional(),
  shortName: ShortName.optional(),
  kind: UnitKindSchema.optional(),
  sortOrder: SortOrder.optional(),
  version: Version,
});
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequest>;

/** POST /api/units/:id/move: `parentId: null` makes the unit a root (admins only). Stays in its tree. */
export const MoveUnitRequest = z.strictObject({ parentId: Uuid.nullable(), version: Version });
export type MoveUnitRequest = z.infer<typeof MoveUnitRequest>;

/** POST /api/units/:id/archive: with active children only when `cascade: true` (the whole subtree goes). */
export const ArchiveUnitRequest = z.strictObject({ version: Version, cascade: z.boolean().optional() });
export type ArchiveUnitRequest = z.infer<typeof ArchiveUnitRequest>;

/** POST /api/units/:id/restore: restores this unit only; its parent must be active. */
export const RestoreUnitRequest = z.strictObject({ version: Version });
export type RestoreUnitRequest = z.infer<typeof RestoreUnitRequest>;

/**
 * A rule picking units when it is used, not when it is saved. Every given criterion must hold:
 * `{ kinds: ["ban-chqs"], underUnitId: <Bộ CHQS> }` = every Ban CHQS below Bộ CHQS thành phố.
 */
export const GroupRule = z
  .strictObject({
    kinds: z.array(UnitKindSchema).min(1).max(20).optional(),
    /** Strictly below this unit (the unit itself is not included). */
    underUnitId: Uuid.optional(),
    tree: TreeName.optional(),
    levels: z.array(z.number().int().min(0).max(50)).min(1).max(50).optional(),
  })
  .refine((r) => r.kinds || r.underUnitId || r.tree || r.levels, {
    error: "Quy tắc cần ít nhất một điều kiện (loại, đơn vị cấp trên, khối hoặc cấp).",
  });
export type GroupRule = z.infer<typeof GroupRule>;

/** Units a caller wants to address: listed ids, a saved group and/or an ad-hoc rule (union, deduplicated). */
export const UnitSelector = z.strictObject({
  unitIds: z.array(Uuid).max(20_000).optional(),
  groupId: Uuid.optional(),
  rule: GroupRule.optional(),
});
export type UnitSelector = z.infer<typeof UnitSelector>;

export const GroupMode = z.enum(["static", "rule"], { error: "Kiểu nhóm phải là static (danh sách) hoặc rule (quy tắc)." });

export const UnitRef = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), kind: z.string(), tree: z.string() });
export type UnitRef = z.infer<typeof UnitRef>;

export const UnitGroupView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  mode: GroupMode,
  rule: GroupRule.nullable(),
  /** Listed members for a static group (archived ones included, marked); empty for a rule group. */
  unitIds: z.array(z.string()),
  ownerUnitId: z.string().nullable(),
  version: z.number().int(),
});
export type UnitGroupView = z.infer<typeof UnitGroupView>;
export const UnitGroupList = z.object({ groups: z.array(UnitGroupView) });

/** POST /api/unit-groups: a static group lists `unitIds`; a rule group has `rule`. No owner = city-wide (admin). */
export const CreateGroupRequest = z
  .strictObject({
    name: Name(200),
    description: z.string().trim().max(2000).nullable().optional(),
    mode: GroupMode,
    rule: GroupRule.optional(),
    unitIds: z.array(Uuid).max(20_000).optional(),
    ownerUnitId: Uuid.nullable().optional(),
  })
  .refine((g) => (g.mode === "rule" ? g.rule && !g.unitIds : !g.rule), {
    error: "Nhóm theo quy tắc cần trường rule (không kèm unitIds); nhóm danh sách dùng unitIds (không kèm rule).",
  });
export type CreateGroupRequest = z.infer<typeof CreateGroupRequest>;

/** PATCH /api/unit-groups/:id: the mode is fixed at creation. */
export const UpdateGroupRequest = z.strictObject({
  name: Name(200).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  rule: GroupRule.optional(),
  unitIds: z.array(Uuid).max(20_000).optional(),
  version: Version,
});
export type UpdateGroupRequest = z.infer<typeof UpdateGroupRequest>;

/** DELETE /api/unit-groups/:id?version=N */
export const DeleteGroupQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ResolvedUnits = z.object({ units: z.array(UnitRef) });

/** Excel columns, in order: the import reads them by header, the export writes them. */
export const unitSheetColumns = {
  name: "Tên đơn vị",
  shortName: "Tên viết tắt",
  kind: "Loại",
  tree: "Khối",
  parentName: "Đơn vị cấp trên",
  sortOrder: "Thứ tự",
} as const;

export const ImportQuery = z.object({ dryRun: BoolText.optional() });

/** POST /api/units/import answer: every data row is either accepted or refused (with its 1-based sheet row). */
export const ImportReport = z.object({
  dryRun: z.boolean(),
  accepted: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      shortName: z.string().nullable(),
      kind: z.string(),
      tree: z.string(),
      parentName: z.string().nullable(),
      sortOrder: z.number().int(),
    }),
  ),
  refused: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  /** Units written (0 on a dry run). */
  created: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

const unitTags = ["units"];
const groupTags = ["unit-groups"];

/** /api/units (the org tree), /api/unit-groups and the Excel import/export of units. */
export const organisationEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/units",
    tags: unitTags,
    summary: "Danh sách đơn vị được xem (kèm các đơn vị cấp trên để vẽ cây)",
    query: UnitListQuery,
    reply: json(UnitList),
  }),
  search: endpoint({
    method: "GET",
    path: "/api/units/search",
    tags: unitTags,
    summary: "Tìm đơn vị theo tên (không phân biệt dấu, các từ theo thứ tự bất kỳ)",
    query: UnitSearchQuery,
    reply: json(UnitList),
  }),
  get: endpoint({
    method: "GET",
    path: "/api/units/:id",
    tags: unitTags,
    summary: "Chi tiết một đơn vị",
    params: IdParams,
    reply: json(UnitView),
  }),
  create: endpoint({
    method: "POST",
    path: "/api/units",
    tags: unitTags,
    summary: "Tạo đơn vị",
    body: CreateUnitRequest,
    extraErrors: [413],
    reply: created(UnitView),
  }),
  update: endpoint({
    method: "PATCH",
    path: "/api/units/:id",
    tags: unitTags,
    summary: "Sửa tên, tên viết tắt, loại, thứ tự của đơn vị",
    params: IdParams,
    body: UpdateUnitRequest,
    reply: json(UnitView),
  }),
  move: endpoint({
    method: "POST",
    path: "/api/units/:id/move",
    tags: unitTags,
    summary: "Chuyển đơn vị (cả cây con) sang đơn vị cấp trên khác",
    params: IdParams,
    body: MoveUnitRequest,
    reply: json(UnitView),
  }),
  archive: endpoint({
    method: "POST",
    path: "/api/units/:id/archive",
    tags: unitTags,
    summary: "Lưu trữ đơn vị (cascade: cả đơn vị cấp dưới)",
    params: IdParams,
    body: ArchiveUnitRequest,
    reply: json(UnitView),
  }),
  restore: endpoint({
    method: "POST",
    path: "/api/units/:id/restore",
    tags: unitTags,
    summary: "Khôi phục đơn vị đã lưu trữ",
    params: IdParams,
    body: RestoreUnitRequest,
    reply: json(UnitView),
  }),
  importUnits: endpoint({
    method: "POST",
    path: "/api/units/import",
    tags: unitTags,
    summary: "Nhập đơn vị từ tệp Excel (.xlsx, tối đa 10 MB, 10.000 dòng); dryRun=true để xem trước",
    description: "Gửi multipart/form-data với đúng một tệp .xlsx. Cột: Tên đơn vị, Tên viết tắt, Loại, Khối, Đơn vị cấp trên, Thứ tự.",
    query: ImportQuery,
    multipart: true,
    extraErrors: [413, 415],
    reply: json(ImportReport),
  }),
  exportUnits: endpoint({
    method: "GET",
    path: "/api/units/export.xlsx",
    tags: unitTags,
    summary: "Xuất danh sách đơn vị được xem ra Excel (cùng cột với tệp nhập)",
    reply: file(MIME.xlsx, "Tệp .xlsx"),
  }),
  listGroups: endpoint({
    method: "GET",
    path: "/api/unit-groups",
    tags: groupTags,
    summary: "Danh sách nhóm đơn vị",
    reply: json(UnitGroupList),
  }),
  createGroup: endpoint({
    method: "POST",
    path: "/api/unit-groups",
    tags: groupTags,
    summary: "Tạo nhóm đơn vị (danh sách hoặc quy tắc)",
    body: CreateGroupRequest,
    reply: created(UnitGroupView),
  }),
  getGroup: endpoint({
    method: "GET",
    path: "/api/unit-groups/:id",
    tags: groupTags,
    summary: "Chi tiết nhóm đơn vị",
    params: IdParams,
    reply: json(UnitGroupView),
  }),
  updateGroup: endpoint({
    method: "PATCH",
    path: "/api/unit-groups/:id",
    tags: groupTags,
    summary: "Sửa nhóm đơn vị",
    params: IdParams,
    body: UpdateGroupRequest,
    reply: json(UnitGroupView),
  }),
  deleteGroup: endpoint({
    method: "DELETE",
    path: "/api/unit-groups/:id",
    tags: groupTags,
    summary: "Xoá nhóm đơn vị",
    params: IdParams,
    query: DeleteGroupQuery,
    reply: empty,
  }),
  groupUnits: endpoint({
    method: "GET",
    path: "/api/unit-groups/:id/units",
    tags: groupTags,
    summary: "Các đơn vị (đang hoạt động) thuộc nhóm, tính tại thời điểm gọi",
    params: IdParams,
    reply: json(ResolvedUnits),
  }),
};
