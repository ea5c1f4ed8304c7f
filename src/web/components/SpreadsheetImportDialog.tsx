import { UploadOutlined } from "@ant-design/icons";
import type { UseMutationResult } from "@tanstack/react-query";
import { Alert, Button, Modal, Space, Table, Tabs, Typography, Upload } from "antd";
import type { ColumnType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showSuccess } from "../app/notify";

/** What an import endpoint answers: every data row of the sheet accepted or refused with its reason (1-based rows). */
interface SheetReport {
  dryRun: boolean;
  accepted: { row: number }[];
  refused: { row: number; reason: string }[];
  /** Rows written (0 on a dry run). */
  created: number;
}

/** The sheet sent to an import endpoint: `dryRun` checks every row and writes nothing. */
export interface SheetUpload {
  file: File;
  dryRun: boolean;
}

interface Props<R extends SheetReport> {
  open: boolean;
  onClose: () => void;
  /** The import's mutation (its endpoint), sent once to check and once more to write. */
  sheetImport: UseMutationResult<R, Error, SheetUpload>;
  /**
   * The locale section holding the dialog's texts (`unitImport`): title, help, pick, check, confirm, summaryDry,
   * summaryDone, done, accepted, refused, row and reason.
   */
  texts: string;
  /** The start of every test id: `unit-import` gives `unit-import-file`, `-check`, `-confirm`, `-accepted` … */
  testId: string;
  /** The accepted rows' columns, after the row number. */
  columns: ColumnType<R["accepted"][number]>[];
  width: number;
  /** Shows the refused rows' tab first when there are any. */
  refusedFirst?: boolean;
}

/**
 * Excel import in two steps: the sheet is first checked (dry run: every row accepted or refused with a reason,
 * nothing written), then written on confirmation with the same file.
 */
export function SpreadsheetImportDialog<R extends SheetReport>({
  open,
  onClose,
  sheetImport,
  texts,
  testId,
  columns,
  width,
  refusedFirst = false,
}: Props<R>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const close = () => {
    setFile(null);
    setReport(null);
    sheetImport.reset();
    onClose();
  };
  const send = (dryRun: boolean) =>
    file &&
    sheetImport.mutate(
      { file, dryRun },
      {
        onSuccess: (answer) => {
          setReport(answer);
          if (!answer.dryRun) showSuccess(t(`${texts}.done`, { count: answer.created }));
        },
        onError: () => undefined,
      },
    );
  const confirmed = report !== null && !report.dryRun;
  const rowColumn = { title: t(`${texts}.row`), dataIndex: "row", width: 70 };

  return (
    <Modal
      open={open}
      width={width}
      title={t(`${texts}.title`)}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close} data-testid={`${testId}-close`}>
            {confirmed ? t("common.close") : t("common.cancel")}
          </Button>
          {!confirmed && (
            <Button
              onClick={() => send(true)}
              disabled={!file}
              loading={sheetImport.isPending && sheetImport.variables?.dryRun}
              data-testid={`${testId}-check`}
            >
              {t(`${texts}.check`)}
            </Button>
          )}
          {!confirmed && (
            <Button
              type="primary"
              onClick={() => send(false)}
              disabled={!report || report.accepted.length === 0}
              loading={sheetImport.isPending && sheetImport.variables?.dryRun === false}
              data-testid={`${testId}-confirm`}
            >
              {t(`${texts}.confirm`, { count: report?.accepted.length ?? 0 })}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t(`${texts}.help`)}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(picked) => {
          setFile(picked);
          setReport(null);
          sheetImport.reset();
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setReport(null);
        }}
        fileList={file ? [{ uid: "sheet", name: file.name, status: "done" }] : []}
      >
        <Button icon={<UploadOutlined />} data-testid={`${testId}-file`}>
          {t(`${texts}.pick`)}
        </Button>
      </Upload>
      {sheetImport.error && <Alert type="error" showIcon title={sheetImport.error.message} style={{ marginTop: 12 }} />}
      {report && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={report.refused.length ? "warning" : "success"}
            showIcon
            data-testid={`${testId}-summary`}
            title={
              report.dryRun
                ? t(`${texts}.summaryDry`, { accepted: report.accepted.length, refused: report.refused.length })
                : t(`${texts}.summaryDone`, { created: report.created, refused: report.refused.length })
            }
          />
          <Tabs
            style={{ marginTop: 8 }}
            defaultActiveKey={refusedFirst && report.refused.length ? "refused" : "accepted"}
            items={[
              {
                key: "accepted",
                label: t(`${texts}.accepted`, { count: report.accepted.length }),
                children: (
                  <Table<R["accepted"][number]>
                    size="small"
                    rowKey="row"
                    pagination={{ pageSize: 10 }}
                    dataSource={report.accepted}
                    data-testid={`${testId}-accepted`}
                    columns={[rowColumn, ...columns]}
                  />
                ),
              },
              {
                key: "refused",
                label: t(`${texts}.refused`, { count: report.refused.length }),
                children: (
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={{ pageSize: 10 }}
                    dataSource={report.refused}
                    data-testid={`${testId}-refused`}
                    columns={[rowColumn, { title: t(`${texts}.reason`), dataIndex: "reason" }]}
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
