import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Space, Table, Tabs, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../../contracts/organisations";
import { showSuccess } from "../../app/notify";
import { useImportUnits } from "./api";
import { kindLabel, treeLabel } from "./labels";

/**
 * Excel import in two steps: the sheet is first checked (dry run: every row accepted or refused with
 * a reason, nothing written), then written on confirmation with the same file.
 */
export function UnitImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const importUnits = useImportUnits();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const close = () => {
    setFile(null);
    setReport(null);
    importUnits.reset();
    onClose();
  };
  const run = (dryRun: boolean) =>
    file &&
    importUnits.mutate(
      { file, dryRun },
      {
        onSuccess: (answer) => {
          setReport(answer);
          if (!answer.dryRun) showSuccess(t("unitImport.done", { count: answer.created }));
        },
        onError: () => undefined,
      },
    );
  const confirmed = report !== null && !report.dryRun;

  return (
    <Modal
      open={open}
      width={900}
      title={t("unitImport.title")}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>{confirmed ? t("common.close") : t("common.cancel")}</Button>
          {!confirmed && (
            <Button
              onClick={() => run(true)}
              disabled={!file}
              loading={importUnits.isPending && importUnits.variables?.dryRun}
              data-testid="unit-import-check"
            >
              {t("unitImport.check")}
            </Button>
          )}
          {!confirmed && (
            <Button
              type="primary"
              onClick={() => run(false)}
              disabled={!report || report.accepted.length === 0}
              loading={importUnits.isPending && importUnits.variables?.dryRun === false}
              data-testid="unit-import-confirm"
            >
              {t("unitImport.confirm", { count: report?.accepted.length ?? 0 })}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("unitImport.help")}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(picked) => {
          setFile(picked);
          setReport(null);
          importUnits.reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
        }}
        fileList={file ? [{ uid: "sheet", name: file.name, status: "done" }] : []}
      >
        <Button icon={<UploadOutlined />} data-testid="unit-import-file">
          {t("unitImport.pick")}
        </Button>
      </Upload>
      {importUnits.error && <Alert type="error" showIcon title={importUnits.error.message} style={{ marginTop: 12 }} />}
      {report && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={report.refused.length ? "warning" : "success"}
            showIcon
            title={
              report.dryRun
                ? t("unitImport.summaryDry", { accepted: report.accepted.length, refused: report.refused.length })
                : t("unitImport.summaryDone", { created: report.created, refused: report.refused.length })
            }
          />
          <Tabs
            style={{ marginTop: 8 }}
            items={[
              {
                key: "accepted",
                label: t("unitImport.accepted", { count: report.accepted.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={{ pageSize: 10 }}
                    dataSource={report.accepted}
                    data-testid="unit-import-accepted"
                    columns={[
                      { title: t("unitImport.row"), dataIndex: "row", width: 70 },
                      { title: t("organisations.name"), dataIndex: "name" },
                      { title: t("organisations.kind"), dataIndex: "kind", render: (kind: string) => kindLabel(kind, t) },
                      { title: t("organisations.tree"), dataIndex: "tree", render: (tree: string) => treeLabel(tree, t) },
                      { title: t("organisations.parent"), dataIndex: "parentName", render: (name: string | null) => name ?? "—" },
                    ]}
                  />
                ),
              },
              {
                key: "refused",
                label: t("unitImport.refused", { count: report.refused.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={{ pageSize: 10 }}
                    dataSource={report.refused}
                    data-testid="unit-import-refused"
                    columns={[
                      { title: t("unitImport.row"), dataIndex: "row", width: 70 },
                      { title: t("unitImport.reason"), dataIndex: "reason" },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
