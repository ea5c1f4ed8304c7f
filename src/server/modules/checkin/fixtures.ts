/**
 * Test and benchmark support for seating and check-in: a conference (the stage scene: organiser, reader, stranger)
 * with delegate groups and delegates inserted directly, in units of a few each, ranks growing down the list.
 */

import { searchKey } from "../../../domain/text/vietnamese";
import type { Db } from "../../db/client";
import { conferenceDelegateGroups, delegates } from "../../db/schema/index";
import { makeStageScene, type StageScene } from "../conferences/stage-fixtures";

export interface DelegateScene extends StageScene {
  groups: Array<{ id: string; name: string }>;
  delegates: Array<{ id: string; fullName: string; unitName: string; groupId: string; protocolRank: number }>;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const GIVEN = ["Văn Ánh", "Thị Bình", "Đức Cường", "Thu Hà", "Quốc Hùng", "Minh Khôi", "Thị Lụa", "Hữu Phước"];

/** `count` delegates spread over three groups («Khách mời Trung ương», «Lãnh đạo thành phố», «Đại biểu các xã»), `perUnit` to a unit. */
export async function makeDelegateScene(db: Db, count: number, perUnit = 5): Promise<DelegateScene> {
  const scene = await makeStageScene(db);
  const groups = await db
    .insert(conferenceDelegateGroups)
    .values(
      ["Khách mời Trung ương", "Lãnh đạo thành phố", "Đại biểu các xã"].map((name, i) => ({
        conferenceId: scene.conferenceId,
        name,
        sortOrder: i,
      })),
    )
    .returning({ id: conferenceDelegateGroups.id, name: conferenceDelegateGroups.name });
  const rows = Array.from({ length: count }, (_, i) => {
    const group = i < count * 0.05 ? 0 : i < count * 0.2 ? 1 : 2;
    const fullName = `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]} ${i + 1}`;
    const unitName =
      group === 2
        ? `Đảng ủy xã Số ${Math.floor(i / perUnit) + 1}`
        : `Cơ quan ${group === 0 ? "Trung ương" : "thành phố"} ${Math.floor(i / perUnit) + 1}`;
    const title = i % perUnit === 0 ? "Bí thư" : "Ủy viên";
    return {
      conferenceId: scene.conferenceId,
      groupId: groups[group].id,
      fullName,
      title,
      unitName,
      protocolRank: i + 1,
      searchKey: searchKey(`${fullName} ${unitName} ${title}`),
    };
  });
  const inserted: DelegateScene["delegates"] = [];
  for (let i = 0; i < rows.length; i += 500)
    inserted.push(
      ...(await db
        .insert(delegates)
        .values(rows.slice(i, i + 500))
        .returning({
          id: delegates.id,
          fullName: delegates.fullName,
          unitName: delegates.unitName,
          groupId: delegates.groupId,
          protocolRank: delegates.protocolRank,
        })
        .then((r) => r.map((d) => ({ ...d, groupId: d.groupId as string })))),
    );
  return { ...scene, groups, delegates: inserted.sort((a, b) => a.protocolRank - b.protocolRank) };
}
