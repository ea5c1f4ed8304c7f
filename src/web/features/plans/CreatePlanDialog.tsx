import { Alert, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { UnitView } from "../../../contracts/organisations";
import { canManageUnit } from "../../app/access";
import { ApiError } from "../../app/api";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { buttonProps } from "../../components/testId";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreatePlan } from "./api";

interface Values {
  issuerUnitId: string;
  title: string;
  number?: string;
}

/** A new, empty draft of a unit the user manages; the rest is written on the plan's page. */
export function CreatePlanDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  useEffect(() => {
    if (!open) return;
    create.reset();
    form.resetFields();
    // Reset only when the dialog opens.
  }, [open]);
  const submit = (v: Values) =>
    create.mutate(
      { issuerUnitId: v.issuerUnitId, title: v.title, number: v.number?.trim() || null },
      {
        onSuccess: (plan) => {
          showSuccess(t("plans.created"));
          onClose();
          void navigate(`/plans/${plan.id}`);
        },
        // A number the issuer already used this year: the server names the other plan; show it on the field.
        onError: (e) => {
          if (e instanceof ApiError && e.code === "DUPLICATE") form.setFields([{ name: "number", errors: [e.message] }]);
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t("plans.create")}
      okText={t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("plan-form-submit")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="issuerUnitId" label={t("plans.issuer")} rules={[{ required: true, message: t("plans.issuerRequired") }]}>
          <UnitPicker allowed={(u: UnitView) => canManageUnit(me, u.path)} testId="plan-form-issuer" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("plans.planTitle")}
          rules={[{ required: true, whitespace: true, message: t("plans.titleRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="plan-form-title" />
        </Form.Item>
        <Form.Item name="number" label={t("plans.number")} extra={t("plans.numberHelp")}>
          <Input maxLength={100} data-testid="plan-form-number" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
