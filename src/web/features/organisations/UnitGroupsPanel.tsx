import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, List, Row, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitGroupView } from "../../../contracts/organisations";
import { useSignedInUser } from "../../app/session";
import { useGroupMembers, useUnitGroups } from "./api";
import { GroupDialog } from "./GroupDialog";
import { kindLabel, treeLabel } from "./labels";

function GroupMembers({ group }: { group: UnitGroupView }) {
  const { t } = useTranslation();
  const members = useGroupMembers(group.id);
  return (
    <Card title={t("groups.membersOf", { name: group.name })} data-testid="group-members">
      <List
        size="small"
        loading={members.isPending}
        locale={{ emptyText: t("groups.noMembers") }}
        dataSource={members.data?.units ?? []}
        header={members.data ? t("groups.memberCount", { count: members.data.units.length }) : null}
        renderItem={(unit) => (
          <List.Item>
            <span>{unit.name}</span>
            <Typography.Text type="secondary">
              {kindLabel(unit.kind, t)} · {treeLabel(unit.tree, t)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Named sets of units (static list or rule) that plans address at once, with their members resolved now. */
export function UnitGroupsPanel() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const groups = useUnitGroups();
  const [selected, setSelected] = useState<UnitGroupView | null>(null);
  const [creating, setCreating] = useState(false);
  const mayCreate = me.isAdmin || me.grants.some((g) => g.role === "manager");
  return (
    <Row gutter={16}>
      <Col xs={24} lg={13}>
        <Card
          title={t("groups.title")}
          extra={
            mayCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="group-create"
                data-safe-action="dialog"
              >
                {t("groups.create")}
              </Button>
            )
          }
        >
          <Table<UnitGroupView>
            size="small"
            rowKey="id"
            loading={groups.isPending}
            dataSource={groups.data?.groups ?? []}
            pagination={{ pageSize: 15 }}
            onRow={(group) => ({ onClick: () => setSelected(group), style: { cursor: "pointer" } })}
            rowClassName={(group) => (group.id === selected?.id ? "ant-table-row-selected" : "")}
            columns={[
              { title: t("groups.name"), dataIndex: "name" },
              {
                title: t("groups.mode"),
                dataIndex: "mode",
                width: 130,
                render: (mode: UnitGroupView["mode"]) => <Tag color={mode === "rule" ? "blue" : "green"}>{t(`groups.modes.${mode}`)}</Tag>,
              },
              { title: t("groups.description"), dataIndex: "description", render: (text: string | null) => text ?? "" },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        {selected ? (
          <GroupMembers group={selected} />
        ) : (
          <Card>
            <Empty description={t("groups.pick")} />
          </Card>
        )}
      </Col>
      <GroupDialog open={creating} onClose={() => setCreating(false)} />
    </Row>
  );
}
