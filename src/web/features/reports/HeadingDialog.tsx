import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportForm } from "../../../contracts/reports";
import { showSuccess } from "../../app/notify";
import { useAddHeading, useUpdateHeading } from "./form-api";
import type { HeadingEdit } from "./ReportFormEditor";

interface Values {
  number: string;
  heading: string;
  guidance: string;
  parentId: string;
}
const TOP = "__top__";

/** The ids of a heading and all below it: where it cannot be moved. */
function subtree(form: ReportForm, id: string): Set<string> {
  const ids = new Set([id]);
  for (const h of form.headings) if (h.parentId && ids.has(h.parentId)) ids.add(h.id);
  return ids;
}

/** Adds a heading (at the top or under one) or changes one: its number, text, guidance and parent. */
export function HeadingDialog({
  taskId,
  form,
  edit,
  onClose,
}: {
  taskId: string;
  form: ReportForm;
  edit: HeadingEdit | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [fields] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const add = useAddHeading(taskId, form.id);
  const update = useUpdateHeading(taskId, form.id);
  const existing = edit && "heading" in edit ? edit.heading : null;

  useEffect(() => {
    if (!edit) return;
    setRefusal(null);
    fields.setFieldsValue(
      existing
        ? { number: existing.number, heading: existing.heading, guidance: existing.guidance, parentId: existing.parentId ?? TOP }
        : { number: "", heading: "", guidance: "", parentId: TOP },
    );
  }, [edit, existing, fields]);

  const blocked = existing ? subtree(form, existing.id) : new Set<string>();
  const parents = [
    { value: TOP, label: t("reportForm.topLevel") },
    ...form.headings.filter((h) => !blocked.has(h.id)).map((h) => ({ value: h.id, label: `${h.number} ${h.heading}` })),
  ];

  const save = async () => {
    const v = await fields.validateFields();
    setRefusal(null);
    try {
      if (existing) {
        const parentId = v.parentId === TOP ? null : v.parentId;
        const moved = parentId !== existing.parentId;
        await update.mutateAsync({
          partId: existing.id,
          version: form.version,
          number: v.number,
          heading: v.heading,
          guidance: v.guidance ?? "",
          ...(moved ? { parentId } : {}),
        });
      } else if (edit) {
        await add.mutateAsync({
          version: form.version,
          parentId: "parentId" in edit ? edit.parentId : null,
          number: v.number,
          heading: v.heading,
          guidance: v.guidance ?? "",
        });
      }
      showSuccess(t("reportForm.saved"));
      onClose();
    } catch (error) {
      setRefusal((error as Error).message);
    }
  };

  return (
    <Modal
      open={edit !== null}
      title={existing ? t("reportForm.editHeading") : t("reportForm.addHeading")}
      onCancel={onClose}
      onOk={save}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ ...({ "data-testid": "report-heading-ok" } as object) }}
      destroyOnHidden
    >
      <Form form={fields} layout="vertical">
        <Form.Item name="number" label={t("reportForm.number")} extra={t("reportForm.numberHelp")}>
          <Input data-testid="report-heading-number" />
        </Form.Item>
        <Form.Item name="heading" label={t("reportForm.heading")}>
          <Input data-testid="report-heading-text" />
        </Form.Item>
        <Form.Item name="guidance" label={t("reportForm.guidance")}>
          <Input.TextArea rows={4} data-testid="report-heading-guidance" />
        </Form.Item>
        {existing && (
          <Form.Item name="parentId" label={t("reportForm.parent")}>
            <Select showSearch optionFilterProp="label" options={parents} data-testid="report-heading-parent" />
          </Form.Item>
        )}
      </Form>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="report-form-dialog-error" />}
    </Modal>
  );
}
