import type { TFunction } from "i18next";
import { standardTrees, unitKindLabels } from "../../../contracts/organisations";

/** "Khối chính quyền" for state; a custom tree shows its own slug. */
export function treeLabel(tree: string, t: TFunction): string {
  return (standardTrees as readonly string[]).includes(tree) ? t(`organisations.trees.${tree}`) : tree;
}

/** The kind's label in the UI language; the Vietnamese labels come from the contract. */
export function kindLabel(kind: string, t: TFunction): string {
  const vi = (unitKindLabels as Record<string, string>)[kind];
  return vi ? t(`organisations.kinds.${kind}`, { defaultValue: vi }) : kind;
}

export const kindOptions = (t: TFunction) => Object.keys(unitKindLabels).map((kind) => ({ value: kind, label: kindLabel(kind, t) }));
