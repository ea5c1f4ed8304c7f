import { z } from "zod";
import { IdParams, Name, Uuid } from "./common";
import { created, empty, endpoint, json } from "./http";
import { roles } from "./roles";

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;

/** Usernames are stored lower-case; what the user types is trimmed and lower-cased before the check. */
export const Username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, {
  error: "Tên đăng nhập phải dài 3–64 ký tự, chỉ gồm chữ thường không dấu (a-z), chữ số và các dấu . _ -",
});

export const NewPassword = z
  .string()
  .min(8, { error: "Mật khẩu phải có ít nhất 8 ký tự." })
  .max(500, { error: "Mật khẩu quá dài (tối đa 500 ký tự)." });

export const Role = z.enum(roles, { error: "Vai trò phải là admin, manager, member hoặc viewer." });

export const GrantRequest = z.strictObject({ unitId: Uuid, role: Role });
export type GrantRequest = z.infer<typeof GrantRequest>;

export const CreateUserRequest = z.strictObject({
  username: Username,
  fullName: Name(200),
  unitId: Uuid,
  password: NewPassword,
  grants: z.array(GrantRequest).max(50, { error: "Không cấp quá 50 quyền một lần." }).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  fullName: Name(200).optional(),
  unitId: Uuid.optional(),
  active: z.boolean().optional(),
  version: z.int({ error: "Thiếu số phiên bản (version) của người dùng." }).positive(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const SetPasswordRequest = z.strictObject({ newPassword: NewPassword });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const UserListQuery = z.strictObject({
  unitId: Uuid.optional(),
  q: z.string().trim().max(200, { error: "Từ khoá tìm kiếm quá dài." }).optional(),
  includeInactive: z.stringbool({ error: "includeInactive phải là true hoặc false." }).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserGrantParams = z.strictObject({ id: Uuid, grantId: Uuid });

export const UserGrant = z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), role: Role });
export type UserGrant = z.infer<typeof UserGrant>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  grants: z.array(UserGrant),
  passwordChangedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserList = z.object({ users: z.array(User) });
export type UserList = z.infer<typeof UserList>;

export const AuditQuery = z.strictObject({
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number({ error: "limit phải là số." }).int().min(1).max(500).optional(),
  /** Cursor: only entries with a smaller id than this (the `nextBefore` of the previous page). */
  before: z.coerce.number({ error: "before phải là số." }).int().positive().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

const tags = ["people"];

/** /api/users (people and their role grants) and /api/audit. */
export const peopleEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/users",
    tags,
    summary: "Danh sách người dùng trong phạm vi được xem (tìm theo tên, không cần dấu)",
    query: UserListQuery,
    reply: json(UserList),
  }),
  get: endpoint({ method: "GET", path: "/api/users/:id", tags, summary: "Một người dùng", params: IdParams, reply: json(User) }),
  create: endpoint({ method: "POST", path: "/api/users", tags, summary: "Tạo người dùng", body: CreateUserRequest, reply: created(User) }),
  update: endpoint({
    method: "PATCH",
    path: "/api/users/:id",
    tags,
    summary: "Sửa người dùng (họ tên, đơn vị, khoá/mở khoá)",
    params: IdParams,
    body: UpdateUserRequest,
    reply: json(User),
  }),
  setPassword: endpoint({
    method: "POST",
    path: "/api/users/:id/password",
    tags,
    summary: "Đặt mật khẩu mới cho người dùng (kết thúc mọi phiên đăng nhập của họ)",
    params: IdParams,
    body: SetPasswordRequest,
    reply: empty,
  }),
  addGrant: endpoint({
    method: "POST",
    path: "/api/users/:id/grants",
    tags,
    summary: "Cấp vai trò trên một đơn vị (áp dụng cho cả đơn vị cấp dưới)",
    params: IdParams,
    body: GrantRequest,
    reply: created(User),
  }),
  removeGrant: endpoint({
    method: "DELETE",
    path: "/api/users/:id/grants/:grantId",
    tags,
    summary: "Thu hồi một vai trò",
    params: UserGrantParams,
    reply: json(User),
  }),
  audit: endpoint({
    method: "GET",
    path: "/api/audit",
    tags: ["audit"],
    summary: "Nhật ký thao tác, mới nhất trước (chỉ quản trị viên)",
    query: AuditQuery,
    reply: json(AuditPage),
  }),
};
