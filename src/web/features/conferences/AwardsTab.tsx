import { EditOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Spin, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AwardView } from "../../../contracts/conference-program";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { AwardFormDialog } from "./AwardFormDialog";
import { DeleteRowButton, orderColumn, ProgramListToolbar } from "./ProgramList";
import { downloadAwardList, useAwards, useDeleteAward, useReorderAwards } from "./program-api";

/** Khen thưởng: who is awarded on stage, in stage order, with the form of award, citation and presenter. */
export function AwardsTab({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const list = useAwards(conferenceId);
  const reorder = useReorderAwards(conferenceId);
  const remove = useDeleteAward(conferenceId);
  const [editing, setEditing] = useState<AwardView | "new" | null>(null);
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (!list.data) return <Spin />;
  const { awards, canOrganise } = list.data;

  return (
    <>
      <ProgramListToolbar
        testId="award"
        canAdd={canOrganise}
        onAdd={() => setEditing("new")}
        addLabel={t("program.awards.add")}
        exportLabel={t("program.awards.export")}
        download={() => downloadAwardList(conferenceId)}
      />
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
          orderColumn({
            testId: "award",
            title: t("program.awards.order"),
            rows: awards,
            order: (a) => a.stageOrder,
            reorder: canOrganise ? reorder : null,
          }),
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
                  <DeleteRowButton
                    testId="award"
                    confirm={t("program.awards.deleteConfirm")}
                    remove={remove}
                    variables={{ awardId: a.id, version: a.version }}
                  />
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
