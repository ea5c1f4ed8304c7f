import { Alert, Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgendaItemView, ConferenceDetail } from "../../../contracts/conferences";
import { showError } from "../../app/notify";
import { AgendaItemDialog, MoveItemDialog } from "./AgendaDialogs";
import { downloadAgendaDocx, useDeleteAgendaItem } from "./api";

type Dialog = { kind: "add" } | { kind: "edit"; item: AgendaItemView } | { kind: "move"; item: AgendaItemView } | null;

/** Chương trình: the timed agenda in order, its total, the printable .docx; organisers add, edit, move and delete items. */
export function AgendaTab({ conference: c }: { conference: ConferenceDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useDeleteAgendaItem();
  const timed = Boolean(c.startsAt && c.endsAt);
  const canEdit = c.canOrganise && timed;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canEdit && (
          <Button type="primary" data-testid="agenda-add" data-safe-action="dialog" onClick={() => setDialog({ kind: "add" })}>
            {t("conferences.agenda.add")}
          </Button>
        )}
        <Button
          data-testid="agenda-download"
          data-safe-action="download"
          onClick={() => void downloadAgendaDocx(c.id).catch((e) => showError(e, t("conferences.agenda.downloadFailed")))}
        >
          {t("conferences.agenda.download")}
        </Button>
        <Typography.Text strong data-testid="agenda-total">
          {t("conferences.agenda.total", { minutes: c.agendaMinutes })}
        </Typography.Text>
      </Space>
      {c.canOrganise && !timed && <Alert type="info" showIcon message={t("conferences.agenda.needHours")} style={{ marginBottom: 12 }} />}
      <Table<AgendaItemView>
        data-testid="agenda-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.agenda}
        locale={{ emptyText: t("conferences.agenda.empty") }}
        columns={[
          { key: "no", title: t("conferences.agenda.no"), width: 56, render: (_, _row, i) => i + 1 },
          {
            key: "time",
            title: t("conferences.agenda.time"),
            width: 130,
            render: (_, a) => <span data-testid="agenda-time">{a.start && a.end ? `${a.start} – ${a.end}` : "—"}</span>,
          },
          {
            key: "content",
            title: t("conferences.agenda.content"),
            render: (_, a) => (
              <>
                {a.content}{" "}
                {a.kind !== "item" && a.content.trim() !== t(`conferences.agenda.kind.${a.kind}`) && (
                  <Tag>{t(`conferences.agenda.kind.${a.kind}`)}</Tag>
                )}
              </>
            ),
          },
          { key: "responsible", title: t("conferences.agenda.responsible"), dataIndex: "responsible" },
          ...(canEdit
            ? [
                {
                  key: "actions",
                  width: 220,
                  render: (_: unknown, a: AgendaItemView) => (
                    <Space size="small" wrap>
                      <Button
                        size="small"
                        data-testid="agenda-move"
                        data-safe-action="dialog"
                        onClick={() => setDialog({ kind: "move", item: a })}
                      >
                        {t("conferences.agenda.move")}
                      </Button>
                      <Button
                        size="small"
                        data-testid="agenda-edit"
                        data-safe-action="dialog"
                        onClick={() => setDialog({ kind: "edit", item: a })}
                      >
                        {t("conferences.agenda.edit")}
                      </Button>
                      <Popconfirm
                        title={t("conferences.agenda.deleteConfirm")}
                        okText={t("conferences.agenda.delete")}
                        cancelText={t("conferences.cancel")}
                        okButtonProps={{ danger: true, ...({ "data-testid": "agenda-delete-confirm" } as object) }}
                        onConfirm={() => remove.mutate({ id: c.id, itemId: a.id, version: c.version })}
                      >
                        <Button size="small" danger data-testid="agenda-delete">
                          {t("conferences.agenda.delete")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === "move" && <MoveItemDialog conference={c} item={dialog.item} onClose={() => setDialog(null)} />}
      {(dialog?.kind === "add" || dialog?.kind === "edit") && (
        <AgendaItemDialog conference={c} item={dialog.kind === "edit" ? dialog.item : null} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
