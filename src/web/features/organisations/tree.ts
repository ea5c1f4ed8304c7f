import type { UnitView } from "../../../contracts/organisations";
import { standardTrees } from "../../../contracts/organisations";
import { pathIds } from "../../app/access";

export interface UnitNode {
  key: string;
  title: string;
  unit: UnitView;
  children: UnitNode[];
  isLeaf: boolean;
}

/** Standard trees first, then every custom tree present in the data, in the order met. */
export function treesOf(units: readonly UnitView[]): string[] {
  const custom = [...new Set(units.map((u) => u.tree))].filter((t) => !standardTrees.includes(t as (typeof standardTrees)[number]));
  return [...standardTrees, ...custom];
}

/**
 * The nested nodes of one tree, keeping the server's order (sortOrder, then Vietnamese name).
 * A unit whose parent the user cannot read becomes a root, so a commune user sees their commune on top.
 */
export function buildTree(units: readonly UnitView[], tree: string): UnitNode[] {
  const inTree = units.filter((u) => u.tree === tree);
  const nodes = new Map(inTree.map((u) => [u.id, { key: u.id, title: u.name, unit: u, children: [] as UnitNode[], isLeaf: true }]));
  const roots: UnitNode[] = [];
  for (const u of inTree) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) {
      parent.children.push(node);
      parent.isLeaf = false;
    } else roots.push(node);
  }
  return roots;
}

/** Keys to expand so that the unit becomes visible: its ancestors. */
export const ancestorKeys = (unit: UnitView) => pathIds(unit.path).slice(0, -1);

/** True when `unit` is `ancestor` or below it. */
export const isWithin = (unit: UnitView, ancestor: UnitView) => unit.path.startsWith(ancestor.path);
