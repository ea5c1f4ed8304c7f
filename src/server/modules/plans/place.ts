import type { Db } from "../../db/client";
import { findUnit } from "../organisations/queries";

/**
 * The place a body writes before the date, read from its name (Nghị định 30: the province's name for
 * province-level bodies, the commune's for a commune's): `Ủy ban nhân dân thành phố Hải Phòng` → "Hải Phòng",
 * `Thành ủy Hải Phòng` → "Hải Phòng", `Đảng ủy phường Đông Hải` → "Đông Hải", `Sở Nội vụ` → null.
 */
export function placeInName(name: string): string | null {
  const m =
    /(?:^|\s)(?:thành phố|tỉnh|phường|xã|đặc khu|thị trấn)\s+(\p{Lu}[\p{L}\s-]*)$/iu.exec(name.trim()) ??
    /^(?:thành|tỉnh)\s+[uủ][yỷ]\s+(\p{Lu}[\p{L}\s-]*)$/iu.exec(name.trim());
  const place = m?.[1]?.trim();
  // "thành phố" alone or a lower-case tail ("thành phố trực thuộc") is no place.
  return place && /^\p{Lu}/u.test(place) ? place : null;
}

/**
 * The issuing unit's default place: from its own name, else the nearest ancestor's that names one, else the top
 * unit's name; never blank. `await defaultPlace(db, soNoiVuId)` → "Hải Phòng" (from its UBND).
 */
export async function defaultPlace(db: Db, unitId: string): Promise<string> {
  const unit = await findUnit(db, unitId);
  if (!unit) return "";
  const chain = unit.path.split("/").filter(Boolean).reverse();
  let top = unit.name;
  for (const id of chain) {
    const row = id === unit.id ? unit : await findUnit(db, id);
    if (!row) continue;
    const place = placeInName(row.name) ?? (row.shortName ? placeInName(row.shortName) : null);
    if (place) return place;
    top = row.name;
  }
  return top;
}
