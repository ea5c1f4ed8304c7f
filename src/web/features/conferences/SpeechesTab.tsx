import { EditOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Spin, Typography } from "antd";
import { type HTMLAttributes, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpeechView } from "../../../contracts/conference-program";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { deadlineLabel } from "../plans/labels";
import { ObligationActions, ObligationStatus } from "./ObligationCell";
import { DeleteRowButton, orderColumn, ProgramListToolbar } from "./ProgramList";
import { downloadSpeechList, useDeleteSpeech, useReorderSpeeches, useSpeeches } from "./program-api";
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
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (!list.data) return <Spin />;
  const { speeches, canOrganise, planStatus } = list.data;
  const mayAdd = canOrganise && planStatus !== "closed";

  return (
    <>
      <ProgramListToolbar
        testId="speech"
        canAdd={mayAdd}
        onAdd={() => setEditing("new")}
        addLabel={t("program.speeches.add")}
        exportLabel={t("program.speeches.export")}
        download={() => downloadSpeechList(conferenceId)}
      />
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
          orderColumn({
            testId: "speech",
            title: t("program.speeches.order"),
            rows: speeches,
            order: (s) => s.runningOrder,
            reorder: canOrganise ? reorder : null,
          }),
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
                  <DeleteRowButton
                    testId="speech"
                    confirm={t("program.speeches.deleteConfirm")}
                    remove={remove}
                    variables={{ speechId: s.id, version: s.version }}
                  />
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
