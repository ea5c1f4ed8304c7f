import type { User } from "../../../contracts/people";
import type { UserRecord } from "./queries";

/** The wire shape of a user: never the password hash, grants with their unit names. */
export function presentUser({ user, unit, grants }: UserRecord): User {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    unitId: user.unitId,
    unitName: unit.name,
    active: user.active,
    version: user.version,
    grants: grants.map((g) => ({ id: g.id, unitId: g.unitId, unitName: g.unitName, role: g.role })),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user: the row without secrets, and its grants by unit id. */
export function auditSnapshot({ user, grants }: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    unitId: user.unitId,
    active: user.active,
    version: user.version,
    grants: grants.map((g) => ({ id: g.id, unitId: g.unitId, role: g.role })),
  };
}
