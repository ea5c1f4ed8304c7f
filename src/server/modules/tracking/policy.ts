import { type Actor, covers } from "../../platform/access";
import type { UnitScope } from "../organisations/views";

/**
 * Which obligations of a plan an actor may count. Managers and viewers whose grant covers the issuing unit
 * (and admins) see every unit; anyone else sees only the units they answer for: a member its own unit,
 * a manager or viewer lower in the tree its subtree. So a commune never sees another commune's row.
 */
export type TrackingScope = UnitScope;

export function trackingScope(actor: Actor, issuerPath: string): TrackingScope {
  if (covers(actor, issuerPath, ["manager", "viewer"])) return { all: true };
  return {
    all: false,
    unitIds: actor.grants.filter((g) => g.role === "member").map((g) => g.unitId),
    pathPrefixes: actor.grants.filter((g) => g.role === "manager" || g.role === "viewer").map((g) => g.unitPath),
  };
}

/**
 * "My work" covers the units one works for: a member grant its unit, a manager grant the whole subtree.
 * Viewers only watch, and admins reach it through their board, so neither adds to the list.
 */
export function workScope(actor: Actor): TrackingScope & { all: false } {
  return {
    all: false,
    unitIds: actor.grants.filter((g) => g.role === "member").map((g) => g.unitId),
    pathPrefixes: actor.grants.filter((g) => g.role === "manager").map((g) => g.unitPath),
  };
}

/** A unit chosen in "my work" must be one the actor works for. */
export function worksFor(scope: TrackingScope & { all: false }, unit: { id: string; path: string }): boolean {
  return scope.unitIds.includes(unit.id) || scope.pathPrefixes.some((p) => unit.path.startsWith(p));
}

export const messages = {
  board:
    "Bạn không có quyền xem bảng theo dõi kế hoạch này: đơn vị của bạn không được giao nhiệm vụ nào trong kế hoạch. Hãy liên hệ đơn vị ban hành nếu cần.",
  unit: "Bạn không có quyền xem đơn vị này trong kế hoạch: đơn vị nằm ngoài phạm vi bạn theo dõi. Hãy quay lại cấp trên rồi chọn lại.",
  myWorkUnit: "Bạn chỉ xem được việc của đơn vị mình được giao (thành viên) hoặc quản lý. Hãy chọn đơn vị khác.",
  noWorkGrant: "Tài khoản của bạn chưa được giao làm thành viên hay quản lý đơn vị nào nên chưa có việc cần làm.",
} as const;
