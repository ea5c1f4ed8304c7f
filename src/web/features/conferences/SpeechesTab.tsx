import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Popconfirm, Space, Spin, Typography } from "antd";
import { type HTMLAttributes, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpeechView } from "../../../contracts/conference-program";
import { showError, showSuccess } from "../../app/notify";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { buttonProps } from "../../components/testId";
import { deadlineLabel } from "../plans/labels";
import { ObligationActions, ObligationStatus } from "./ObligationCell";
import { downloadSpeechList, moved, useDeleteSpeech, useReorderSpeeches, useSpeeches } from "./program-api";
import { SpeechFormDialog } from "./SpeechFormDialog";

/**
 * Tham luận: the speeches in running order with each unit's deadline and the status of its draft. Organisers add,
 * edit, reorder, set the time limit and review the drafts; a unit's members reach the upload from their row.
 */
export function SpeechesTab({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const list = useSpeeches(conferenceId);
  const reorder = useReorderSpeeches(conferenceId);
  const remove = useDeleteSpeech(conferenceId);
  const [editing, setEditing] = useState<SpeechView | "new" | null>(null);
  const [exporting, setExporting] = useState(false);
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (!list.data) return <Spin />;
  const { speeches, canOrganise, planStatus } = list.data;
  const mayAdd = canOrganise && planStatus !== "closed";
  const move = (index: number, step: -1 | 1) =>
    reorder.mutate(moved(speeches, index, step), { onError: (e) => showError(e, t("errors.unexpected")) });
  const exportList = () => {
    setExporting(true);
    downloadSpeechList(conferenceId)
      .catch((e: unknown) => showError(e, t("errors.unexpected")))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {mayAdd && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="speech-add"
            data-safe-action="dialog"
          >
            {t("program.speeches.add")}
          </Button>
        )}
        <Button
          icon={<FileWordOutlined />}
          loading={exporting}
          onClick={exportList}
          data-testid="speech-export"
          data-safe-action="download"
        >
          {t("program.speeches.export")}
        </Button>
      </Space>
      <ResponsiveTable<SpeechView>
        rowKey="id"
        size="middle"
        dataSource={speeches}
        pagination={false}
        data-testid="speeches-table"
        locale={{ emptyText: t("program.speeches.empty") }}
        scroll={{ x: 1100 }}
        cardTitleKey="topic"
        onRow={(s) => ({ "data-unit-name": s.unitName }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: "order",
            title: t("program.speeches.order"),
            width: 90,
            render: (_, s, i) => (
              <Space size={2}>
                <span data-testid="speech-order">{s.runningOrder}</span>
                {canOrganise && (
                  <>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      aria-label={t("program.moveUp")}
                      onClick={() => move(i, -1)}
                      data-testid="speech-up"
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={i === speeches.length - 1}
                      aria-label={t("program.moveDown")}
                      onClick={() => move(i, 1)}
                      data-testid="speech-down"
                    />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: "topic",
            title: t("program.speeches.topic"),
            render: (_, s) => <div data-testid="speech-topic">{s.topic}</div>,
          },
          {
            key: "unit",
            title: t("program.speeches.unit"),
            width: 200,
            render: (_, s) => <span data-testid="speech-unit">{s.unitName}</span>,
          },
          {
            key: "deadline",
            title: t("program.speeches.deadline"),
            width: 150,
            render: (_, s) => (s.dueDate ? deadlineLabel(s.dueDate, s.dueTime, t) : <Typography.Text type="secondary">—</Typography.Text>),
          },
          {
            key: "limit",
            title: t("program.speeches.minutes"),
            width: 80,
            render: (_, s) => <span data-testid="speech-minutes">{Math.round(s.timeLimitSeconds / 60)}</span>,
          },
          { key: "status", title: t("program.status"), width: 220, render: (_, s) => <ObligationStatus obligation={s.obligation} /> },
          {
            key: "actions",
            title: "",
            width: 230,
            render: (_, s) => (
              <Space size={4} wrap>
                <ObligationActions obligation={s.obligation} />
                {canOrganise && planStatus !== "closed" && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid="speech-edit">
                    {t("program.edit")}
                  </Button>
                )}
                {canOrganise && planStatus === "draft" && (
                  <Popconfirm
                    title={t("program.speeches.deleteConfirm")}
                    okText={t("program.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={buttonProps("speech-delete-confirm", { danger: true })}
                    onConfirm={() =>
                      remove.mutate(
                        { speechId: s.id, version: s.version },
                        { onSuccess: () => showSuccess(t("program.deleted")), onError: (e) => showError(e, t("errors.unexpected")) },
                      )
                    }
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} data-testid="speech-delete" aria-label={t("program.delete")} />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <SpeechFormDialog
        conferenceId={conferenceId}
        speech={editing === "new" ? null : editing}
        open={editing !== null}
        issued={planStatus !== "draft"}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
