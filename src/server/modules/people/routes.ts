import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody, IdParams } from "../../../contracts/common";
import {
  CreateUserRequest,
  GrantRequest,
  SetPasswordRequest,
  UpdateUserRequest,
  User,
  UserGrantParams,
  UserList,
  UserListQuery,
} from "../../../contracts/people";
import { requireActor } from "../../platform/auth";
import { addGrant, removeGrant } from "./grants";
import { presentUser } from "./presenter";
import { createUser, getUser, listUsers, setUserPassword, updateUser } from "./service";

const refusals = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } as const;

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get("/api/users", {
    schema: {
      tags: ["people"],
      summary: "Danh sách người dùng trong phạm vi được xem (tìm theo tên, không cần dấu)",
      querystring: UserListQuery,
      response: { 200: UserList, ...refusals },
    },
    handler: async (request) => {
      const records = await listUsers(db(), { actor: requireActor(request), ...request.query });
      return { users: records.map(presentUser) };
    },
  });

  r.get("/api/users/:id", {
    schema: { tags: ["people"], summary: "Một người dùng", params: IdParams, response: { 200: User, ...refusals } },
    handler: async (request) => presentUser(await getUser(db(), { actor: requireActor(request), userId: request.params.id })),
  });

  r.post("/api/users", {
    schema: {
      tags: ["people"],
      summary: "Tạo người dùng",
      body: CreateUserRequest,
      response: { 201: User, ...refusals, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      const record = await createUser(db(), { actor: requireActor(request), input: request.body });
      return reply.status(201).send(presentUser(record));
    },
  });

  r.patch("/api/users/:id", {
    schema: {
      tags: ["people"],
      summary: "Sửa người dùng (họ tên, đơn vị, khoá/mở khoá)",
      params: IdParams,
      body: UpdateUserRequest,
      response: { 200: User, ...refusals, 409: ErrorBody },
    },
    handler: async (request) =>
      presentUser(await updateUser(db(), { actor: requireActor(request), userId: request.params.id, changes: request.body })),
  });

  r.post("/api/users/:id/password", {
    schema: {
      tags: ["people"],
      summary: "Đặt mật khẩu mới cho người dùng (kết thúc mọi phiên đăng nhập của họ)",
      params: IdParams,
      body: SetPasswordRequest,
      response: { 204: z.null(), ...refusals },
    },
    handler: async (request, reply) => {
      await setUserPassword(db(), { actor: requireActor(request), userId: request.params.id, newPassword: request.body.newPassword });
      return reply.status(204).send(null);
    },
  });

  r.post("/api/users/:id/grants", {
    schema: {
      tags: ["people"],
      summary: "Cấp vai trò trên một đơn vị (áp dụng cho cả đơn vị cấp dưới)",
      params: IdParams,
      body: GrantRequest,
      response: { 201: User, ...refusals, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      const record = await addGrant(db(), { actor: requireActor(request), userId: request.params.id, ...request.body });
      return reply.status(201).send(presentUser(record));
    },
  });

  r.delete("/api/users/:id/grants/:grantId", {
    schema: {
      tags: ["people"],
      summary: "Thu hồi một vai trò",
      params: UserGrantParams,
      response: { 200: User, ...refusals, 409: ErrorBody },
    },
    handler: async (request) =>
      presentUser(await removeGrant(db(), { actor: requireActor(request), userId: request.params.id, grantId: request.params.grantId })),
  });
}
