import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Space, Table, Tabs, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DelegateImportReport } from "../../../contracts/delegates";
import { showSuccess } from "../../app/notify";
import { useImportDelegates } from "./api";

/** Excel import in two steps, as for units: check (every row accepted or refused with its reason), then confirm. */
export function DelegateImportDialog({ conferenceId, open, onClose }: { conferenceId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportDelegates(conferenceId);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<DelegateImportReport | null>(null);
  const close = () => {
    setFile(null);
    setReport(null);
    run.reset();
    onClose();
  };
  const send = (dryRun: boolean) =>
    file &&
    run.mutate(
      { file, dryRun },
      {
        onSuccess: (answer) => {
          setReport(answer);
          if (!answer.dryRun) showSuccess(t("delegates.importDialog.done", { count: answer.created }));
        },
        onError: () => undefined,
      },
    );
  const confirmed = report !== null && !report.dryRun;
  return (
    <Modal
      open={open}
      width={960}
      title={t("delegates.importDialog.title")}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close} data-testid="delegate-import-close">
            {confirmed ? t("common.close") : t("common.cancel")}
          </Button>
          {!confirmed && (
            <Button
              onClick={() => send(true)}
              disabled={!file}
              loading={run.isPending && run.variables?.dryRun}
              data-testid="delegate-import-check"
            >
              {t("delegates.importDialog.check")}
            </Button>
          )}
          {!confirmed && (
            <Button
              type="primary"
              onClick={() => send(false)}
              disabled={!report || report.accepted.length === 0}
              loading={run.isPending && run.variables?.dryRun === false}
              data-testid="delegate-import-confirm"
            >
              {t("delegates.importDialog.confirm", { count: report?.accepted.length ?? 0 })}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("delegates.importDialog.help")}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(picked) => {
          setFile(picked);
          setReport(null);
          run.reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
        }}
        fileList={file ? [{ uid: "sheet", name: file.name, status: "done" }] : []}
      >
        <Button icon={<UploadOutlined />} data-testid="delegate-import-file">
          {t("delegates.importDialog.pick")}
        </Button>
      </Upload>
      {run.error && <Alert type="error" showIcon title={run.error.message} style={{ marginTop: 12 }} />}
      {report && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={report.refused.length ? "warning" : "success"}
            showIcon
            data-testid="delegate-import-summary"
            title={
              report.dryRun
                ? t("delegates.importDialog.summaryDry", { accepted: report.accepted.length, refused: report.refused.length })
                : t("delegates.importDialog.summaryDone", { created: report.created, refused: report.refused.length })
            }
          />
          <Tabs
            style={{ marginTop: 8 }}
            defaultActiveKey={report.refused.length ? "refused" : "accepted"}
            items={[
              {
                key: "accepted",
                label: t("delegates.importDialog.accepted", { count: report.accepted.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={{ pageSize: 10 }}
                    dataSource={report.accepted}
                    data-testid="delegate-import-accepted"
                    columns={[
                      { title: t("delegates.importDialog.row"), dataIndex: "row", width: 70 },
                      { title: t("delegates.fullName"), dataIndex: "fullName" },
                      { title: t("delegates.title"), dataIndex: "title" },
                      { title: t("delegates.unit"), dataIndex: "unitName" },
                      { title: t("delegates.group"), dataIndex: "groupName", render: (name: string | null) => name ?? "—" },
                      { title: t("delegates.phone"), dataIndex: "phone" },
                    ]}
                  />
                ),
              },
              {
                key: "refused",
                label: t("delegates.importDialog.refused", { count: report.refused.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={{ pageSize: 10 }}
                    dataSource={report.refused}
                    data-testid="delegate-import-refused"
                    columns={[
                      { title: t("delegates.importDialog.row"), dataIndex: "row", width: 70 },
                      { title: t("delegates.importDialog.reason"), dataIndex: "reason" },
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
