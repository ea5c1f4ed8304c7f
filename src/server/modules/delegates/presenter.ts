import type { DelegateView } from "../../../contracts/delegates";
import type { DelegateRow, StandingAnswer } from "./queries";

/** The wire shape of a delegate; the group's name and the standing answer come from their owners' reads. */
export function presentDelegate(
  row: DelegateRow,
  context: { groupNames: Map<string, string>; answers?: Map<string, StandingAnswer> },
): DelegateView {
  return {
    id: row.id,
    conferenceId: row.conferenceId,
    fullName: row.fullName,
    title: row.title,
    unitName: row.unitName,
    unitId: row.unitId,
    groupId: row.groupId,
    groupName: row.groupId ? (context.groupNames.get(row.groupId) ?? null) : null,
    phone: row.phone,
    email: row.email,
    protocolRank: row.protocolRank,
    quotaId: row.quotaId,
    answer: context.answers?.get(row.id)?.answer ?? null,
    version: row.version,
  };
}
