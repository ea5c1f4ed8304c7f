import type { UnitKind } from "../../../contracts/organisations";
import { searchKey } from "../../../domain/text/vietnamese";

/**
 * A name that stands for every unit of a kind below the issuer, as plans write it: `Ban CHQS cấp xã`,
 * `Ban CHQS 114 xã, phường, đặc khu`, `các Trung đoàn`, `Các Ban Chỉ huy PTKV`. Only such class names: a named
 * unit (`Trung đoàn 50`, `Ban CHQS xã An Lão`) never matches here. Pure.
 * `unitClassOf("Ban CHQS cấp xã")` → "ban-chqs"; `unitClassOf("Trung đoàn 50")` → null.
 */
const CLASSES: Array<[UnitKind, RegExp]> = [
  ["ban-chqs", /^(cac )?ban (chqs|chi huy quan su) (cap xa|cac xa|(\d+ )?xa, phuong)/],
  ["trung-doan", /^cac trung doan$/],
  ["ptkv", /^cac ban (chi huy|ch) ptkv$|^ban (chi huy|ch) ptkv$/],
  ["bdbp", /^cac ban (chi huy|ch) bdbp$/],
  ["dang-uy", /^(cac )?dang uy (cap xa|cac xa|(\d+ )?xa, phuong)/],
  ["xa", /^(cac|\d+) xa, phuong(, dac khu)?$/],
];

export function unitClassOf(name: string): UnitKind | null {
  const key = searchKey(name).replace(/\s+/g, " ").trim();
  return CLASSES.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
}
