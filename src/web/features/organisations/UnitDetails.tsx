import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Empty, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import { canManageUnit } from "../../app/access";
import { useSignedInUser } from "../../app/session";
import { kindLabel, treeLabel } from "./labels";

export type UnitAction = "create" | "rename" | "move" | "archive";

/**
 * The selected unit and what the user may do with it. Actions appear only for units the user manages;
 * the server refuses the others anyway, this only keeps the page honest.
 */
export function UnitDetails({
  unit,
  parentName,
  onAction,
}: {
  unit: UnitView | null;
  parentName: string | null;
  onAction: (a: UnitAction) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  if (!unit) {
    return (
      <Card>
        <Empty description={t("organisations.pickUnit")} />
      </Card>
    );
  }
  const manages = canManageUnit(me, unit.path);
  // Moving a root or archiving needs rights on the unit itself; moving also on the new parent (checked in the dialog).
  return (
    <Card
      title={<span data-testid="unit-details-name">{unit.name}</span>}
      extra={unit.archived ? <Tag color="default">{t("organisations.archivedTag")}</Tag> : null}
      data-testid="unit-details"
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t("organisations.shortName")}>{unit.shortName ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("organisations.kind")}>{kindLabel(unit.kind, t)}</Descriptions.Item>
        <Descriptions.Item label={t("organisations.tree")}>{treeLabel(unit.tree, t)}</Descriptions.Item>
        <Descriptions.Item label={t("organisations.parent")}>
          <span data-testid="unit-details-parent">{parentName ?? "—"}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("organisations.children")}>{unit.childCount}</Descriptions.Item>
      </Descriptions>
      {manages && !unit.archived ? (
        <Space wrap style={{ marginTop: 16 }} data-testid="unit-actions">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => onAction("create")}
            data-testid="unit-create"
            data-safe-action="dialog"
          >
            {t("organisations.create")}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onAction("rename")} data-testid="unit-rename" data-safe-action="dialog">
            {t("organisations.rename")}
          </Button>
          <Button icon={<DragOutlined />} onClick={() => onAction("move")} data-testid="unit-move" data-safe-action="dialog">
            {t("organisations.move")}
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => onAction("archive")} data-testid="unit-archive" data-safe-action="dialog">
            {t("organisations.archive")}
          </Button>
        </Space>
      ) : (
        <div style={{ marginTop: 16, color: "rgba(0,0,0,0.45)" }} data-testid="unit-read-only">
          {t("organisations.readOnly")}
        </div>
      )}
    </Card>
  );
}
