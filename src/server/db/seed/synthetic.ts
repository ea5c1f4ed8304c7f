import { unitRow } from "../../modules/organisations/rows";
import type { Db } from "../client";
import { units } from "../schema/index";

/** Rows per INSERT: large enough to be fast, small enough for PostgreSQL's 65,535 parameters. */
const BATCH = 2000;

export interface SyntheticOptions {
  provinces: number;
  communes: number;
  /** The word in every synthetic name (`Tỉnh Tổng hợp 01`); another keeps a second country apart in a shared database. */
  label?: string;
}

/** What a benchmark needs to address the synthetic country. */
export interface SyntheticSeed {
  unitCount: number;
  provinceCount: number;
  communeCount: number;
  /** Per province: its UBND tỉnh (state root), Tỉnh ủy (party root), Bộ CHQS tỉnh (military root). */
  provinces: Array<{ name: string; stateRootId: string; partyRootId: string; militaryRootId: string; communeCount: number }>;
  /** The `xa` units themselves (state tree, under their UBND tỉnh). */
  communeIds: string[];
  communeUbndIds: string[];
  communePartyIds: string[];
  communeMilitaryIds: string[];
}

const two = (n: number) => String(n).padStart(2, "0");
const four = (n: number) => String(n).padStart(4, "0");

/** The province of each commune: as even as possible, the first provinces taking one more. */
export function spread(communes: number, provinces: number): number[] {
  return Array.from({ length: provinces }, (_, i) => Math.floor(communes / provinces) + (i < communes % provinces ? 1 : 0));
}

/**
 * A national-scale tree with plainly synthetic names (`Tỉnh Tổng hợp 01`, `Xã Tổng hợp 01-0097`): per
 * province three roots, per commune the `xa` unit with its UBND, a Đảng ủy and a Ban CHQS. One transaction.
 */
export async function seedSynthetic(db: Db, { provinces, communes, label = "Tổng hợp" }: SyntheticOptions): Promise<SyntheticSeed> {
  if (!Number.isInteger(provinces) || provinces < 1 || provinces > 99) throw new Error("provinces must be 1…99");
  if (!Number.isInteger(communes) || communes < 0 || communes > 99 * 9999) throw new Error("communes must be 0…989901");
  const rows: Array<ReturnType<typeof unitRow>> = [];
  const add = (row: ReturnType<typeof unitRow>) => (rows.push(row), row);
  const seed: SyntheticSeed = {
    unitCount: 0,
    provinceCount: provinces,
    communeCount: communes,
    provinces: [],
    communeIds: [],
    communeUbndIds: [],
    communePartyIds: [],
    communeMilitaryIds: [],
  };
  spread(communes, provinces).forEach((count, p) => {
    const province = `Tỉnh ${label} ${two(p + 1)}`;
    const state = add(
      unitRow(
        { name: `Ủy ban nhân dân ${province}`, shortName: `UBND tỉnh ${two(p + 1)}`, kind: "ubnd", tree: "state", sortOrder: p + 1 },
        null,
      ),
    );
    const party = add(unitRow({ name: `Tỉnh ủy ${province}`, kind: "thanh-uy", tree: "party", sortOrder: p + 1 }, null));
    const military = add(unitRow({ name: `Bộ CHQS ${province}`, kind: "bo-chqs", tree: "military", sortOrder: p + 1 }, null));
    seed.provinces.push({ name: province, stateRootId: state.id, partyRootId: party.id, militaryRootId: military.id, communeCount: count });
    for (let c = 1; c <= count; c++) {
      const commune = `Xã ${label} ${two(p + 1)}-${four(c)}`;
      const lower = `xã ${label} ${two(p + 1)}-${four(c)}`;
      const xa = add(unitRow({ name: commune, kind: "xa", tree: "state", sortOrder: c }, state));
      seed.communeIds.push(xa.id);
      seed.communeUbndIds.push(add(unitRow({ name: `Ủy ban nhân dân ${lower}`, kind: "ubnd", tree: "state" }, xa)).id);
      seed.communePartyIds.push(add(unitRow({ name: `Đảng ủy ${lower}`, kind: "dang-uy", tree: "party", sortOrder: c }, party)).id);
      seed.communeMilitaryIds.push(
        add(unitRow({ name: `Ban CHQS ${lower}`, kind: "ban-chqs", tree: "military", sortOrder: c }, military)).id,
      );
    }
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) await tx.insert(units).values(rows.slice(i, i + BATCH));
  });
  seed.unitCount = rows.length;
  return seed;
}
