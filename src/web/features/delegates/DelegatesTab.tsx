import { DeleteOutlined, DownloadOutlined, EditOutlined, LinkOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Modal, Popconfirm, Select, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConferenceDetail } from "../../../contracts/conferences";
import type { DelegateView } from "../../../contracts/delegates";
import { showError, showSuccess } from "../../app/notify";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { buttonProps } from "../../components/testId";
import { exportDelegates, personalLink, useDelegates, useDeleteDelegate } from "./api";
import { ConfirmationPanel } from "./ConfirmationPanel";
import { DelegateFormDialog } from "./DelegateFormDialog";
import { DelegateImportDialog } from "./DelegateImportDialog";
import { InvitationsPanel } from "./InvitationsPanel";
import { QuotasPanel } from "./QuotasPanel";

const answerColor = { attending: "green", absent: "red", substitute: "gold" } as const;

/**
 * Đại biểu: the organisers' list (search without diacritics, group filter, add, edit, delete, Excel import and export,
 * each delegate's personal confirmation link), the confirmation tally and the invitations; every reader of the
 * conference sees the nomination requests that concern their unit.
 */
export function DelegatesTab({ conference }: { conference: ConferenceDetail }) {
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      {conference.canOrganise && <DelegateList conferenceId={conference.id} />}
      <QuotasPanel conferenceId={conference.id} />
      {conference.canOrganise && <ConfirmationPanel conferenceId={conference.id} startsAt={conference.startsAt} />}
      {conference.canOrganise && <InvitationsPanel conferenceId={conference.id} />}
    </Space>
  );
}

function DelegateList({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [groupId, setGroupId] = useState<string | undefined>();
  const list = useDelegates(conferenceId, { q: q || undefined, groupId });
  const remove = useDeleteDelegate(conferenceId);
  const [editing, setEditing] = useState<DelegateView | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  const groups = list.data?.groups ?? [];
  const showLink = (d: DelegateView) =>
    personalLink(conferenceId, d.id)
      .then((answer) => setLink(`${window.location.origin}${answer.path}`))
      .catch((e: unknown) => showError(e, t("errors.unexpected")));

  return (
    <div>
      <Typography.Title level={5}>{t("delegates.list")}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing("new")}
          data-testid="delegate-add"
          data-safe-action="dialog"
        >
          {t("delegates.add")}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="delegate-import" data-safe-action="dialog">
          {t("delegates.import")}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          data-testid="delegate-export"
          data-safe-action="download"
          onClick={() => {
            setExporting(true);
            exportDelegates(conferenceId)
              .catch((e: unknown) => showError(e, t("errors.unexpected")))
              .finally(() => setExporting(false));
          }}
        >
          {t("delegates.export")}
        </Button>
        <Input.Search allowClear placeholder={t("delegates.search")} onSearch={setQ} style={{ width: 320 }} data-testid="delegate-search" />
        <Select
          allowClear
          placeholder={t("delegates.allGroups")}
          value={groupId}
          onChange={setGroupId}
          style={{ width: 220 }}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          data-testid="delegate-group-filter"
        />
      </Space>
      {!list.data ? (
        <Spin />
      ) : (
        <ResponsiveTable<DelegateView>
          rowKey="id"
          size="small"
          dataSource={list.data.delegates}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          data-testid="delegates-table"
          locale={{ emptyText: t("delegates.empty") }}
          scroll={{ x: 1000 }}
          cardTitleKey="fullName"
          columns={[
            { key: "rank", title: t("delegates.rank"), dataIndex: "protocolRank", width: 90 },
            { key: "name", title: t("delegates.fullName"), render: (_, d) => <span data-testid="delegate-name">{d.fullName}</span> },
            { key: "title", title: t("delegates.title"), dataIndex: "title" },
            { key: "unit", title: t("delegates.unit"), dataIndex: "unitName" },
            { key: "group", title: t("delegates.group"), render: (_, d) => d.groupName ?? "—" },
            { key: "phone", title: t("delegates.phone"), dataIndex: "phone", width: 120 },
            {
              key: "answer",
              title: t("delegates.answer"),
              width: 140,
              render: (_, d) => (
                <Tag color={d.answer ? answerColor[d.answer] : undefined}>{t(`delegates.answers.${d.answer ?? "none"}`)}</Tag>
              ),
            },
            {
              key: "actions",
              title: "",
              width: 260,
              render: (_, d) => (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(d)}
                    data-testid="delegate-edit"
                    data-safe-action="dialog"
                  >
                    {t("delegates.edit")}
                  </Button>
                  <Button size="small" icon={<LinkOutlined />} onClick={() => void showLink(d)} data-testid="delegate-link">
                    {t("delegates.link")}
                  </Button>
                  <Popconfirm
                    title={t("delegates.deleteConfirm")}
                    okText={t("delegates.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={buttonProps("delegate-delete-confirm", { danger: true })}
                    onConfirm={() =>
                      remove.mutate(
                        { delegateId: d.id, version: d.version },
                        { onSuccess: () => showSuccess(t("delegates.deleted")), onError: (e) => showError(e, t("errors.unexpected")) },
                      )
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      data-testid="delegate-delete"
                      aria-label={t("delegates.delete")}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <DelegateFormDialog
          conferenceId={conferenceId}
          groups={groups}
          delegate={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <DelegateImportDialog conferenceId={conferenceId} open={importing} onClose={() => setImporting(false)} />
      <Modal
        open={link !== null}
        title={t("delegates.linkTitle")}
        onCancel={() => setLink(null)}
        footer={null}
        wrapClassName="delegate-link-modal"
      >
        <Typography.Paragraph type="secondary">{t("delegates.linkHelp")}</Typography.Paragraph>
        <Typography.Paragraph copyable data-testid="delegate-link-url">
          {link}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
