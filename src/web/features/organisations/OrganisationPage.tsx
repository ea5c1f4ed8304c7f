import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showError } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { exportUnits } from "./api";
import { UnitGroupsPanel } from "./UnitGroupsPanel";
import { UnitImportDialog } from "./UnitImportDialog";
import { UnitTreePanel } from "./UnitTreePanel";

/** Tổ chức: the trees of units, unit groups, and the Excel import/export of units. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const mayImport = me.isAdmin || me.grants.some((g) => g.role === "manager");
  return (
    <>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t("organisations.title")}
        </Typography.Title>
        <Space>
          {mayImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="unit-import" data-safe-action="dialog">
              {t("unitImport.open")}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            data-testid="unit-export"
            data-safe-action="download"
            onClick={() => {
              setExporting(true);
              exportUnits()
                .catch((error: unknown) => showError(error, t("errors.unexpected")))
                .finally(() => setExporting(false));
            }}
          >
            {t("organisations.export")}
          </Button>
        </Space>
      </Space>
      <Tabs
        items={[
          { key: "tree", label: t("organisations.treeTab"), children: <UnitTreePanel /> },
          { key: "groups", label: <span data-testid="groups-tab">{t("groups.title")}</span>, children: <UnitGroupsPanel /> },
        ]}
        destroyOnHidden
      />
      <UnitImportDialog open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
