import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Segmented, Spin, Tree } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import { useSignedInUser } from "../../app/session";
import { ArchiveUnitDialog } from "./ArchiveUnitDialog";
import { useUnits } from "./api";
import { treeLabel } from "./labels";
import { MoveUnitDialog } from "./MoveUnitDialog";
import { ancestorKeys, buildTree, treesOf } from "./tree";
import { type UnitAction, UnitDetails } from "./UnitDetails";
import { UnitFormDialog } from "./UnitFormDialog";
import { UnitSearch } from "./UnitSearch";

/** One tree at a time (Chính quyền, Đảng, Quân sự or a custom one), a search, the selected unit and its actions. */
export function UnitTreePanel() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { data, isPending } = useUnits();
  const units = useMemo(() => data?.units ?? [], [data]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const trees = useMemo(() => treesOf(units), [units]);
  const [tree, setTree] = useState<string>("state");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [action, setAction] = useState<UnitAction | "createRoot" | null>(null);
  const nodes = useMemo(() => buildTree(units, tree), [units, tree]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;

  // Open the first level of a tree the first time it is shown.
  useEffect(() => {
    if (nodes.length > 0 && expanded.length === 0) setExpanded(nodes.map((n) => n.key));
  }, [nodes, expanded.length]);

  const reveal = (unit: UnitView) => {
    setTree(unit.tree);
    setExpanded((keys) => [...new Set([...keys, ...ancestorKeys(unit)])]);
    setSelectedId(unit.id);
  };

  // A selected unit stays visible wherever it goes: after a search pick, a create or a move, open its ancestors.
  const selectedPath = selected?.path;
  useEffect(() => {
    if (!selected) return;
    setTree(selected.tree);
    setExpanded((keys) => {
      const missing = ancestorKeys(selected).filter((k) => !keys.includes(k));
      return missing.length ? [...keys, ...missing] : keys;
    });
    // Only when the selection or its place in the tree changes.
  }, [selectedId, selectedPath]);

  // Then bring the selected node into view once it is rendered, once per new selection (not on every expand).
  const scrollPending = useRef(false);
  useEffect(() => {
    scrollPending.current = true;
  }, [selectedId, selectedPath]);
  useEffect(() => {
    if (!selectedId || !scrollPending.current) return;
    // Collapsed nodes are not in the DOM: wait for the render that opened the ancestors.
    const node = document.querySelector(`[data-unit-id="${selectedId}"]`);
    if (!node) return;
    scrollPending.current = false;
    node.scrollIntoView({ block: "nearest" });
  }, [selectedId, expanded, tree, units]);

  if (isPending) return <Spin />;
  const parentName = selected?.parentId ? (byId.get(selected.parentId)?.name ?? null) : null;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <Card>
          <Segmented<string>
            value={tree}
            onChange={(value) => {
              setTree(value);
              setExpanded([]);
            }}
            options={trees.map((name) => ({ value: name, label: <span data-testid={`tree-tab-${name}`}>{treeLabel(name, t)}</span> }))}
            style={{ marginBottom: 12 }}
          />
          <UnitSearch onPick={reveal} />
          <div style={{ marginTop: 12, maxHeight: "62vh", overflow: "auto" }} data-testid="unit-tree">
            {nodes.length === 0 ? (
              <Empty description={t("organisations.emptyTree")} />
            ) : (
              <Tree
                blockNode
                treeData={nodes}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length ? String(keys[0]) : null)}
                titleRender={(node) => (
                  <span data-testid="unit-node" data-unit-id={node.key}>
                    {node.title}
                  </span>
                )}
              />
            )}
          </div>
          {me.isAdmin && (
            <Button
              icon={<PlusOutlined />}
              style={{ marginTop: 12 }}
              onClick={() => setAction("createRoot")}
              data-testid="unit-create-root"
            >
              {t("organisations.createRoot")}
            </Button>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <UnitDetails unit={selected} parentName={parentName} onAction={setAction} />
      </Col>
      <UnitFormDialog
        open={action === "create" || action === "rename" || action === "createRoot"}
        parent={action === "create" ? selected : null}
        unit={action === "rename" ? selected : null}
        rootTree={tree}
        onClose={() => setAction(null)}
        onCreated={setSelectedId}
      />
      <MoveUnitDialog unit={action === "move" ? selected : null} units={units} onClose={() => setAction(null)} />
      <ArchiveUnitDialog
        unit={action === "archive" ? selected : null}
        onClose={() => setAction(null)}
        onArchived={() => setSelectedId(null)}
      />
    </Row>
  );
}
