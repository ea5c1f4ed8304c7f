import { Alert, Checkbox, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitView } from "../../../contracts/organisations";
import { showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { useArchiveUnit } from "./api";

/** Archiving keeps the unit's history; a unit with active children goes only with its whole subtree, on request. */
export function ArchiveUnitDialog({ unit, onClose, onArchived }: { unit: UnitView | null; onClose: () => void; onArchived: () => void }) {
  const { t } = useTranslation();
  const archive = useArchiveUnit();
  const [cascade, setCascade] = useState(false);
  const hasChildren = (unit?.childCount ?? 0) > 0;
  const close = () => {
    setCascade(false);
    archive.reset();
    onClose();
  };
  return (
    <Modal
      open={unit !== null}
      title={t("organisations.archiveTitle", { name: unit?.name })}
      okText={t("organisations.archive")}
      okButtonProps={buttonProps("unit-archive-submit", { danger: true, disabled: hasChildren && !cascade })}
      cancelText={t("common.cancel")}
      confirmLoading={archive.isPending}
      onCancel={close}
      onOk={() =>
        unit &&
        archive.mutate(
          { id: unit.id, version: unit.version, ...(hasChildren ? { cascade: true } : {}) },
          {
            onSuccess: () => {
              showSuccess(t("organisations.archived"));
              onArchived();
              close();
            },
            onError: () => undefined,
          },
        )
      }
    >
      {archive.error && <Alert type="error" showIcon title={archive.error.message} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t("organisations.archiveHelp")}</Typography.Paragraph>
      {hasChildren && (
        <Checkbox checked={cascade} onChange={(e) => setCascade(e.target.checked)}>
          {t("organisations.archiveCascade", { count: unit?.childCount })}
        </Checkbox>
      )}
    </Modal>
  );
}
