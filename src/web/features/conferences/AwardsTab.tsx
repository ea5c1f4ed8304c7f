import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Popconfirm, Space, Spin, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AwardView } from "../../../contracts/conference-program";
import { showError, showSuccess } from "../../app/notify";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { buttonProps } from "../../components/testId";
import { AwardFormDialog } from "./AwardFormDialog";
import { downloadAwardList, moved, useAwards, useDeleteAward, useReorderAwards } from "./program-api";

/** Khen thưởng: who is awarded on stage, in stage order, with the form of award, citation and presenter. */
export function AwardsTab({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const list = useAwards(conferenceId);
  const reorder = useReorderAwards(conferenceId);
  const remove = useDeleteAward(conferenceId);
  const [editing, setEditing] = useState<AwardView | "new" | null>(null);
  const [exporting, setExporting] = useState(false);
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (!list.data) return <Spin />;
  const { awards, canOrganise } = list.data;
  const move = (index: number, step: -1 | 1) =>
    reorder.mutate(moved(awards, index, step), { onError: (e) => showError(e, t("errors.unexpected")) });
  const exportList = () => {
    setExporting(true);
    downloadAwardList(conferenceId)
      .catch((e: unknown) => showError(e, t("errors.unexpected")))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {canOrganise && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="award-add"
            data-safe-action="dialog"
          >
            {t("program.awards.add")}
          </Button>
        )}
        <Button icon={<FileWordOutlined />} loading={exporting} onClick={exportList} data-testid="award-export" data-safe-action="download">
          {t("program.awards.export")}
        </Button>
      </Space>
      <ResponsiveTable<AwardView>
        rowKey="id"
        size="middle"
        dataSource={awards}
        pagination={false}
        data-testid="awards-table"
        locale={{ emptyText: t("program.awards.empty") }}
        scroll={{ x: 1000 }}
        cardTitleKey="recipient"
        columns={[
          {
            key: "order",
            title: t("program.awards.order"),
            width: 90,
            render: (_, a, i) => (
              <Space size={2}>
                <span data-testid="award-order">{a.stageOrder}</span>
                {canOrganise && (
                  <>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      aria-label={t("program.moveUp")}
                      onClick={() => move(i, -1)}
                      data-testid="award-up"
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={i === awards.length - 1}
                      aria-label={t("program.moveDown")}
                      onClick={() => move(i, 1)}
                      data-testid="award-down"
                    />
                  </>
                )}
              </Space>
            ),
          },
          {
            key: "recipient",
            title: t("program.awards.recipient"),
            render: (_, a) => (
              <>
                <div data-testid="award-recipient">{a.recipient}</div>
                <Tag>{t(`program.awards.kinds.${a.kind}`)}</Tag>
                {a.recipientTitle}
              </>
            ),
          },
          { key: "form", title: t("program.awards.form"), width: 220, render: (_, a) => a.form },
          { key: "citation", title: t("program.awards.citation"), width: 260, render: (_, a) => a.citation },
          { key: "presenter", title: t("program.awards.presenter"), width: 180, render: (_, a) => a.presenter },
          {
            key: "ready",
            title: t("program.status"),
            width: 120,
            render: (_, a) => (
              <Tag color={a.ready ? "green" : "orange"} data-testid="award-ready" data-ready={a.ready}>
                {a.ready ? t("program.awards.ready") : t("program.awards.notReady")}
              </Tag>
            ),
          },
          {
            key: "actions",
            title: "",
            width: 120,
            render: (_, a) =>
              canOrganise && (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(a)}
                    data-testid="award-edit"
                    aria-label={t("program.edit")}
                  />
                  <Popconfirm
                    title={t("program.awards.deleteConfirm")}
                    okText={t("program.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={buttonProps("award-delete-confirm", { danger: true })}
                    onConfirm={() =>
                      remove.mutate(
                        { awardId: a.id, version: a.version },
                        { onSuccess: () => showSuccess(t("program.deleted")), onError: (e) => showError(e, t("errors.unexpected")) },
                      )
                    }
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} data-testid="award-delete" aria-label={t("program.delete")} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <AwardFormDialog
        conferenceId={conferenceId}
        award={editing === "new" ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
