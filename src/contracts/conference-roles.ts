/**
 * Roles granted on one conference (not on a unit of the tree): organisers and door staff. Only organisers grant and
 * revoke them. Request bodies are strict.
 */
import { z } from "zod";
import { IdParams, Uuid } from "./common";
import { ConferenceRole } from "./conferences";
import { created, empty, endpoint, json } from "./http";

const tags = ["conferences"];

export const ConferenceRoleGrant = z.object({
  userId: Uuid,
  fullName: z.string(),
  role: ConferenceRole,
  grantedAt: z.iso.datetime({ offset: true }),
});
export type ConferenceRoleGrant = z.infer<typeof ConferenceRoleGrant>;

export const ConferenceRoleList = z.object({ conferenceId: Uuid, grants: z.array(ConferenceRoleGrant) });
export type ConferenceRoleList = z.infer<typeof ConferenceRoleList>;

export const GrantConferenceRoleRequest = z.strictObject({ userId: Uuid, role: ConferenceRole });
export type GrantConferenceRoleRequest = z.infer<typeof GrantConferenceRoleRequest>;

export const ConferenceRoleParams = z.strictObject({ id: Uuid, userId: Uuid, role: ConferenceRole });

export const conferenceRoleEndpoints = {
  list: endpoint({
    method: "GET",
    path: "/api/conferences/:id/roles",
    tags,
    summary: "Người được giao vai trò trong hội nghị: tổ chức, soát vé ở cửa (chỉ cán bộ tổ chức)",
    params: IdParams,
    reply: json(ConferenceRoleList),
  }),
  grant: endpoint({
    method: "POST",
    path: "/api/conferences/:id/roles",
    tags,
    summary: "Giao vai trò tổ chức hoặc soát vé ở cửa cho một người dùng (chỉ cán bộ tổ chức)",
    params: IdParams,
    body: GrantConferenceRoleRequest,
    reply: created(ConferenceRoleGrant),
  }),
  revoke: endpoint({
    method: "DELETE",
    path: "/api/conferences/:id/roles/:userId/:role",
    tags,
    summary: "Thu hồi vai trò đã giao trong hội nghị (chỉ cán bộ tổ chức)",
    params: ConferenceRoleParams,
    reply: empty,
  }),
};
