import { Alert, Col, Form, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { UnitKind } from "../../../contracts/organisations";
import type { Deliverable, TaskTarget, TaskView } from "../../../contracts/plans";
import { showSuccess } from "../../app/notify";
import { FormDialog } from "../../components/FormDialog";
import { useUnitGroups } from "../organisations/api";
import { kindOptions } from "../organisations/labels";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreateTask, useUpdateTask } from "./api";
import { DueFields, type DueValues, dueFormValues, dueRequest } from "./DueFields";
import { deliverableLabel, deliverables } from "./labels";
import { UnitsSelect } from "./UnitsSelect";

interface Values extends DueValues {
  what: string;
  deliverable: Deliverable;
  unitIds: string[];
  groupId?: string;
  ruleKinds: UnitKind[];
  ruleUnderUnitId?: string;
  supportUnitIds: string[];
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
  const fill = () => {
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
        ...dueFormValues(task.dueDate, task.dueTime),
      });
    } else form.setFieldsValue({ deliverable: "report", unitIds: [], ruleKinds: [], supportUnitIds: [] });
  };

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
      ...dueRequest(v),
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
    <FormDialog
      open={open}
      onClose={onClose}
      form={form}
      mutations={[create, update]}
      onOpen={fill}
      editing={Boolean(task)}
      title={task ? t("plans.tasks.edit") : t("plans.tasks.add")}
      width={760}
      submitTestId="task-form-submit"
      errorTestId="task-form-error"
    >
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
          <DueFields
            span={8}
            labels={{
              date: t("plans.tasks.dueDate"),
              dateRequired: t("plans.tasks.dueDateRequired"),
              time: t("plans.tasks.dueTime"),
              timeHelp: t("plans.tasks.dueTimeHelp"),
            }}
            testIds={{ date: "task-form-due-date", time: "task-form-due-time" }}
          />
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
    </FormDialog>
  );
}
