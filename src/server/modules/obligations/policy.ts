import { type Actor, assertCan, canActFor, canManage, canRead } from "../../platform/access";
import { forbidden, invalidState } from "../../platform/errors";
import type { ObligationContext } from "./queries";

/** Who may see and move an obligation; every route of this module asks here. */

/** The unit's own users (and those above it), and whoever reads the issuing unit of the plan. */
export function canReadObligation(actor: Actor, o: ObligationContext): boolean {
  return canRead(actor, o.unitPath) || canRead(actor, o.issuerPath);
}

/** Where an obligation sits: its unit, and the issuer of its plan. */
type Placed = Pick<ObligationContext, "unitId" | "unitPath" | "issuerPath">;

/** Submitting: a member of that very unit, or a manager over it. */
export function canSubmit(actor: Actor, o: Placed): boolean {
  return canActFor(actor, o.unitId, o.unitPath);
}

/** Returning and accepting: the managers of the plan's issuing unit. */
export function canReview(actor: Actor, o: Placed): boolean {
  return canManage(actor, o.issuerPath);
}

export function assertCanSubmit(actor: Actor, o: ObligationContext): void {
  assertCan(canSubmit(actor, o), "Bạn chỉ được nộp cho đơn vị của mình; việc này thuộc đơn vị khác.");
  if (o.planStatus !== "issued") throw invalidState("Kế hoạch đã kết thúc nên không nhận thêm bài nộp.");
  if (o.status === "submitted") throw invalidState("Đơn vị đã nộp và đang chờ xem xét. Nếu cần sửa, hãy đợi cấp trên trả lại.");
  if (o.status === "accepted") throw invalidState("Việc này đã được tiếp nhận nên không nộp lại được.");
}

/** Only a submitted obligation can be reviewed, and never by the person who submitted it. */
export function assertCanReview(actor: Actor, o: ObligationContext, submitter: string | null, verb: string): void {
  assertCan(canReview(actor, o), `Chỉ lãnh đạo/quản lý đơn vị ban hành kế hoạch mới được ${verb}.`);
  if (o.status !== "submitted") throw invalidState(`Chỉ ${verb} được bài đã nộp và đang chờ xem xét.`);
  if (submitter === actor.userId) throw forbidden(`Bạn không thể tự ${verb} bài do chính mình nộp; hãy để người khác xem xét.`);
}
