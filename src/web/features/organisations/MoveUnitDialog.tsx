import { Alert, Modal, TreeSelect, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import { matches } from "../../../domain/text/vietnamese";
import { canManageUnit } from "../../app/access";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { buttonProps } from "../../components/testId";
import { useMoveUnit } from "./api";
import { buildTree, isWithin, type UnitNode } from "./tree";

interface Option {
  value: string;
  title: string;
  disabled: boolean;
  children: Option[];
}

/** The same tree; a unit can go under any unit the user manages except itself and its own descendants. */
function toOptions(nodes: UnitNode[], moving: UnitView, allowed: (u: UnitView) => boolean): Option[] {
  return nodes.map((n) => ({
    value: n.key,
    title: n.unit.name,
    disabled: isWithin(n.unit, moving) || n.unit.id === moving.parentId || !allowed(n.unit),
    children: isWithin(n.unit, moving) ? [] : toOptions(n.children, moving, allowed),
  }));
}

export function MoveUnitDialog({ unit, units, onClose }: { unit: UnitView | null; units: UnitView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const move = useMoveUnit();
  const [parentId, setParentId] = useState<string | undefined>();
  const options = useMemo(
    () => (unit ? toOptions(buildTree(units, unit.tree), unit, (u) => canManageUnit(me, u.path)) : []),
    [units, unit, me],
  );
  const close = () => {
    setParentId(undefined);
    move.reset();
    onClose();
  };
  return (
    <Modal
      open={unit !== null}
      title={t("organisations.moveTitle", { name: unit?.name })}
      okText={t("organisations.move")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("unit-move-submit", { disabled: !parentId })}
      confirmLoading={move.isPending}
      onCancel={close}
      onOk={() =>
        unit &&
        parentId &&
        move.mutate(
          { id: unit.id, parentId, version: unit.version },
          {
            onSuccess: () => {
              showSuccess(t("organisations.moved"));
              close();
            },
            onError: () => undefined,
          },
        )
      }
    >
      {move.error && <Alert type="error" showIcon title={move.error.message} style={{ marginBottom: 12 }} data-testid="unit-move-error" />}
      <Typography.Paragraph>{t("organisations.moveHelp")}</Typography.Paragraph>
      <TreeSelect<string>
        style={{ width: "100%" }}
        value={parentId}
        onChange={setParentId}
        treeData={options}
        showSearch
        filterTreeNode={(input, node) => matches(String(node.title ?? ""), input)}
        treeDefaultExpandAll={options.length < 5}
        placeholder={t("organisations.moveParent")}
        data-testid="unit-move-parent"
        listHeight={360}
      />
    </Modal>
  );
}
