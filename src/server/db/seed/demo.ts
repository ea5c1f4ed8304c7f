import type { Db } from "../client";
import { units } from "../schema/index";
import { unitRow } from "../../modules/organisations/rows";

/** PLACEHOLDER (being replaced by the organisations work): the three roots of Hải Phòng. */
export async function seedDemo(db: Db): Promise<{ rootUnitId: string }> {
  const state = unitRow({ name: "Ủy ban nhân dân thành phố Hải Phòng", shortName: "UBND thành phố", kind: "ubnd", tree: "state" }, null);
  await db.insert(units).values(state);
  return { rootUnitId: state.id };
}
