import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { UnitKind } from "../../../contracts/organisations";
import type { Deliverable, TaskTarget, TaskView } from "../../../contracts/plans";
import { showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { DATE_FORMAT } from "../../i18n/index";
import { useUnitGroups } from "../organisations/api";
import { kindOptions } from "../organisations/labels";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreateTask, useUpdateTask } from "./api";
import { deliverableLabel, deliverables } from "./labels";
import { UnitsSelect } from "./UnitsSelect";

interface Values {
  what: string;
  deliverable: Deliverable;
  unitIds: string[];
  groupId?: string;
  ruleKinds: UnitKind[];
  ruleUnderUnitId?: string;
  supportUnitIds: string[];
  dueDate: Dayjs;
  dueTime: Dayjs | null;
}

/** The lead target is the union of listed units, a saved group and a rule (kinds under a unit), as the server resolves it. */
function toTarget(v: Values): TaskTarget {
  const target: TaskTarget = {};
  if (v.unitIds?.length) target.unitIds = v.unitIds;
  if (v.groupId) target.groupId = v.groupId;
  if (v.ruleKinds?.length || v.ruleUnderUnitId)
    target.rule = {
      ...(v.ruleKinds?.length ? { kinds: v.ruleKinds } : {}),
      ...(v.ruleUnderUnitId ? { underUnitId: v.ruleUnderUnitId } : {}),
    };
  return target;
}

/** New task or edit of one: what, deliverable, lead target, supporting units, deadline date and optional time. */
export function TaskFormDialog({
  planId,
  task,
  open,
  onClose,
  onWarnings,
  unitNames,
}: {
  planId: string;
  /** Names of the units the plan's tasks name (PlanDetail.unitNames). */
  unitNames: Record<string, string>;
  task: TaskView | null;
  open: boolean;
  onClose: () => void;
  onWarnings: (w: string[]) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const groups = useUnitGroups().data?.groups ?? [];
  const create = useCreateTask();
  const update = useUpdateTask();
  const error = create.error ?? update.error;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (task) {
      const rule = task.target.rule as { kinds?: UnitKind[]; underUnitId?: string } | undefined;
      form.setFieldsValue({
        what: task.what,
        deliverable: task.deliverable,
        unitIds: task.target.unitIds ?? [],
        groupId: task.target.groupId,
        ruleKinds: rule?.kinds ?? [],
        ruleUnderUnitId: rule?.underUnitId,
        supportUnitIds: task.supportUnitIds,
        dueDate: dayjs(task.dueDate),
        dueTime: task.dueTime ? dayjs(`2000-01-01T${task.dueTime}`) : null,
      });
    } else form.setFieldsValue({ deliverable: "report", unitIds: [], ruleKinds: [], supportUnitIds: [] });
    // Reset only when the dialog opens.
  }, [open]);

  const submit = (v: Values) => {
    const target = toTarget(v);
    if (!target.unitIds && !target.groupId && !target.rule) {
      form.setFields([{ name: "unitIds", errors: [t("plans.tasks.targetRequired")] }]);
      return;
    }
    const body = {
      what: v.what,
      deliverable: v.deliverable,
      target,
      supportUnitIds: v.supportUnitIds ?? [],
      dueDate: v.dueDate.format("YYYY-MM-DD"),
      dueTime: v.dueTime ? v.dueTime.format("HH:mm") : null,
    };
    const done = () => {
      showSuccess(t("plans.tasks.saved"));
      onClose();
    };
    if (task) update.mutate({ id: task.id, ...body, version: task.version }, { onSuccess: done, onError: () => undefined });
    else
      create.mutate(
        { planId, ...body },
        {
          onSuccess: (answer) => {
            onWarnings(answer.warnings);
            done();
          },
          onError: () => undefined,
        },
      );
  };

  return (
    <Modal
      open={open}
      width={760}
      title={task ? t("plans.tasks.edit") : t("plans.tasks.add")}
      okText={task ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("task-form-submit")}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="task-form-error" />}
      {task && task.unmatchedNames.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("plans.tasks.unmatchedHelp", { names: task.unmatchedNames.join(", ") })}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="what"
          label={t("plans.tasks.what")}
          rules={[{ required: true, whitespace: true, message: t("plans.tasks.whatRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="task-form-what" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="deliverable" label={t("plans.tasks.deliverable")}>
              <Select
                options={deliverables.map((d) => ({ value: d, label: deliverableLabel(d, t) }))}
                data-testid="task-form-deliverable"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="dueDate"
              label={t("plans.tasks.dueDate")}
              rules={[{ required: true, message: t("plans.tasks.dueDateRequired") }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="task-form-due-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="dueTime" label={t("plans.tasks.dueTime")} extra={t("plans.tasks.dueTimeHelp")}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: "100%" }} data-testid="task-form-due-time" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="unitIds" label={t("plans.tasks.leadUnits")}>
          <UnitsSelect placeholder={t("plans.tasks.leadUnitsHelp")} testId="task-form-units" knownNames={unitNames} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="groupId" label={t("plans.tasks.group")}>
              <Select allowClear options={groups.map((g) => ({ value: g.id, label: g.name }))} data-testid="task-form-group" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ruleKinds" label={t("plans.tasks.ruleKinds")}>
              <Select mode="multiple" allowClear options={kindOptions(t)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ruleUnderUnitId" label={t("plans.tasks.ruleUnder")}>
              <UnitPicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="supportUnitIds" label={t("plans.tasks.supportUnits")}>
          <UnitsSelect testId="task-form-support" knownNames={unitNames} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
