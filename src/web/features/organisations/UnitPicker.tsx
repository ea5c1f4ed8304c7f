import { TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import { matches } from "../../../domain/text/vietnamese";
import { useUnits } from "./api";
import { treeLabel } from "./labels";
import { buildTree, treesOf, type UnitNode } from "./tree";

interface Option {
  value: string;
  title: string;
  /** Name and short name, what the search box matches (every word, any order, diacritics ignored). */
  search?: string;
  disabled?: boolean;
  selectable?: boolean;
  children: Option[];
}

const toOptions = (nodes: UnitNode[], allowed: (u: UnitView) => boolean): Option[] =>
  nodes.map((n) => ({
    value: n.key,
    title: n.unit.name,
    search: [n.unit.name, n.unit.shortName ?? ""].join(" "),
    disabled: !allowed(n.unit),
    children: toOptions(n.children, allowed),
  }));

/** Picks one unit from every tree the user may read; search ignores diacritics. `allowed` greys out the rest. */
export function UnitPicker({
  value,
  onChange,
  allowed = () => true,
  placeholder,
  testId,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  allowed?: (unit: UnitView) => boolean;
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const units = useUnits().data?.units;
  const [search, setSearch] = useState("");
  // Words match in any order, so a search can show many units: while the matches are few enough to draw at once, the
  // list is not virtual, so each of them can be scrolled to (a virtual list draws only the rows in view).
  const fewMatches = useMemo(
    () => search.trim() !== "" && (units ?? []).filter((u) => matches(u.name, search)).length <= 300,
    [units, search],
  );
  const treeData = useMemo(() => {
    const all = units ?? [];
    // One unselectable heading per tree keeps Chính quyền, Đảng and Quân sự apart.
    return treesOf(all)
      .map((tree) => ({
        value: `tree:${tree}`,
        title: treeLabel(tree, t),
        selectable: false,
        children: toOptions(buildTree(all, tree), allowed),
      }))
      .filter((group) => group.children.length > 0);
  }, [units, allowed, t]);
  return (
    <TreeSelect<string>
      value={value}
      onChange={(id) => onChange?.(id)}
      treeData={treeData}
      showSearch
      onSearch={setSearch}
      onOpenChange={(open) => {
        if (!open) setSearch("");
      }}
      virtual={!fewMatches}
      allowClear
      filterTreeNode={(input, node) => matches(String((node as { search?: string }).search ?? node.title ?? ""), input)}
      placeholder={placeholder}
      style={{ width: "100%" }}
      listHeight={360}
      data-testid={testId}
    />
  );
}
