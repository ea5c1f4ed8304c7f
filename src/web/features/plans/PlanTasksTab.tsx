import { DeleteOutlined, EditOutlined, PlusOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, Button, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { PlanDetail, TaskView } from "../../../contracts/plans";
import { showError, showSuccess } from "../../app/notify";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { useUnitGroups, useUnits } from "../organisations/api";
import { useDeleteTask, useUpdateTask } from "./api";
import { deadlineLabel, deliverableLabel } from "./labels";
import { TaskFormDialog } from "./TaskFormDialog";

/** Nhiệm vụ: what each unit must deliver by when; tasks of a draft are edited freely, an issued plan can gain tasks. */
export function PlanTasksTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const units = useUnits().data?.units;
  const groups = useUnitGroups().data?.groups;
  const nameOf = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.name])), [units]);
  const groupName = useMemo(() => new Map((groups ?? []).map((g) => [g.id, g.name])), [groups]);
  const [editing, setEditing] = useState<TaskView | "new" | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const remove = useDeleteTask();
  const update = useUpdateTask();
  /** Keeps the proposed deadline: sending it back is the clerk's check. */
  const confirmDue = (task: TaskView) =>
    task.dueDate &&
    update.mutate(
      { id: task.id, version: task.version, dueDate: task.dueDate, dueTime: task.dueTime },
      { onSuccess: () => showSuccess(t("plans.tasks.dueConfirmed")), onError: (e) => showError(e, t("errors.unexpected")) },
    );
  const draft = plan.status === "draft";
  const mayAdd = plan.canManage && plan.status !== "closed";
  const mayEdit = plan.canManage && draft;
  // The server names every unit a task refers to; an id is never shown, even for a unit this user cannot list.
  const names = (ids: string[]) => ids.map((id) => plan.unitNames[id] ?? nameOf.get(id) ?? t("plans.tasks.unknownUnit"));

  const targetTags = (task: TaskView) => (
    <Space size={[4, 4]} wrap data-testid="task-target">
      {names(task.target.unitIds ?? []).map((name) => (
        <Tag key={name} style={{ whiteSpace: "normal", maxWidth: "100%" }}>
          {name}
        </Tag>
      ))}
      {task.target.groupId && <Tag color="blue">{t("plans.tasks.groupTag", { name: groupName.get(task.target.groupId) ?? "…" })}</Tag>}
      {task.target.rule && <Tag color="geekblue">{t("plans.tasks.ruleTag")}</Tag>}
      {task.unmatchedNames.map((name) => (
        <Tooltip key={name} title={t("plans.tasks.unmatchedTip")}>
          <Tag color="red" icon={<WarningOutlined />} data-testid="task-unmatched">
            {name}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );

  return (
    <>
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setWarnings([])}
          style={{ marginBottom: 12 }}
          title={t("plans.warnings")}
          description={
            <ul>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      {mayAdd && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setEditing("new")}
          data-testid="task-add"
          data-safe-action="dialog"
        >
          {t("plans.tasks.add")}
        </Button>
      )}
      <ResponsiveTable<TaskView>
        rowKey="id"
        size="middle"
        dataSource={plan.tasks}
        pagination={false}
        data-testid="tasks-table"
        locale={{ emptyText: t("plans.tasks.empty") }}
        // The task's text gets what the fixed columns leave (about 520 px at 1440); narrower windows scroll the table.
        scroll={{ x: 960 }}
        cardTitleKey="what"
        columns={[
          { key: "index", title: "#", width: 48, responsive: ["md"], render: (_, __, i) => i + 1 },
          {
            key: "what",
            title: t("plans.tasks.what"),
            render: (_, task) => (
              <>
                <div style={{ whiteSpace: "pre-wrap" }} data-testid="task-what">
                  {task.what}
                </div>
                <Typography.Text type="secondary">
                  {t("plans.tasks.deliverable")}: {deliverableLabel(task.deliverable, t)}
                </Typography.Text>
                {task.deliverable === "report" && plan.canManage && (
                  <div>
                    <Link to={`/plans/${plan.id}/tasks/${task.id}/report-form`} data-testid="task-report-form">
                      {t("reportForm.open")}
                    </Link>
                  </div>
                )}
                {task.deliverable === "report" && plan.canManage && plan.status !== "draft" && (
                  <div>
                    <Link to={`/tasks/${task.id}/compiled`} data-testid="task-compiled">
                      {t("reportCompile.open")}
                    </Link>
                  </div>
                )}
              </>
            ),
          },
          {
            key: "units",
            title: t("plans.tasks.leadUnits"),
            width: 280,
            render: (_, task) => (
              <>
                {targetTags(task)}
                {task.supportUnitIds.length > 0 && (
                  <div style={{ marginTop: 4 }}>
                    <Typography.Text type="secondary">{t("plans.tasks.supportUnits")}: </Typography.Text>
                    {names(task.supportUnitIds).join("; ")}
                  </div>
                )}
              </>
            ),
          },
          {
            key: "deadline",
            title: t("plans.tasks.deadline"),
            width: 150,
            render: (_, task) => (
              <Space orientation="vertical" size={0}>
                {task.dueDate ? (
                  <span data-testid="task-deadline">{deadlineLabel(task.dueDate, task.dueTime, t)}</span>
                ) : (
                  <Tooltip title={t("plans.tasks.noDueTip")}>
                    <Tag color="red" icon={<WarningOutlined />} data-testid="task-no-due">
                      {t("plans.tasks.noDue")}
                    </Tag>
                  </Tooltip>
                )}
                {task.dueToCheck && task.dueDate && (
                  <Tooltip title={t("plans.tasks.dueToCheckTip")}>
                    <Tag color="orange" icon={<WarningOutlined />} data-testid="task-due-to-check">
                      {t("plans.tasks.dueToCheck")}
                    </Tag>
                  </Tooltip>
                )}
                {task.dueToCheck && task.dueDate && mayEdit && (
                  <Button
                    size="small"
                    type="link"
                    style={{ padding: 0 }}
                    loading={update.isPending && update.variables?.id === task.id}
                    onClick={() => confirmDue(task)}
                    data-testid="task-confirm-due"
                  >
                    {t("plans.tasks.confirmDue")}
                  </Button>
                )}
                {task.laterThanParent && <Tag color="red">{t("plans.tasks.laterThanParent")}</Tag>}
              </Space>
            ),
          },
          { key: "obligations", title: t("plans.tasks.obligations"), dataIndex: "obligationCount", width: 80 },
          {
            key: "actions",
            title: "",
            width: 96,
            render: (_, task) =>
              mayEdit && (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    title={t("plans.tasks.edit")}
                    onClick={() => setEditing(task)}
                    data-testid="task-edit"
                    data-safe-action="dialog"
                  />
                  <Popconfirm
                    title={t("plans.tasks.deleteConfirm")}
                    okText={t("plans.tasks.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ ...({ "data-testid": "task-delete-confirm" } as object) }}
                    onConfirm={() =>
                      remove.mutate(
                        { id: task.id, version: task.version },
                        { onSuccess: () => showSuccess(t("plans.tasks.deleted")), onError: (e) => showError(e, t("errors.unexpected")) },
                      )
                    }
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} title={t("plans.tasks.delete")} data-testid="task-delete" />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <TaskFormDialog
        planId={plan.id}
        task={editing === "new" ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onWarnings={setWarnings}
        unitNames={plan.unitNames}
      />
    </>
  );
}
