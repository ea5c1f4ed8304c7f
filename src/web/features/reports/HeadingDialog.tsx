import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportForm } from "../../../contracts/reports";
import { useAddHeading, useUpdateHeading } from "./form-api";
import { PartDialog, type PartDialogProps } from "./PartDialog";
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
export function HeadingDialog({ taskId, form, edit, onClose }: PartDialogProps<HeadingEdit>) {
  const { t } = useTranslation();
  const add = useAddHeading(taskId, form.id);
  const update = useUpdateHeading(taskId, form.id);
  const existing = edit && "heading" in edit ? edit.heading : null;

  const startValues = (): Values =>
    existing
      ? { number: existing.number, heading: existing.heading, guidance: existing.guidance, parentId: existing.parentId ?? TOP }
      : { number: "", heading: "", guidance: "", parentId: TOP };

  const blocked = existing ? subtree(form, existing.id) : new Set<string>();
  const parents = [
    { value: TOP, label: t("reportForm.topLevel") },
    ...form.headings.filter((h) => !blocked.has(h.id)).map((h) => ({ value: h.id, label: `${h.number} ${h.heading}` })),
  ];

  const write = async (v: Values) => {
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
  };

  return (
    <PartDialog
      title={existing ? t("reportForm.editHeading") : t("reportForm.addHeading")}
      okTestId="report-heading-ok"
      edit={edit}
      startValues={startValues}
      saving={add.isPending || update.isPending}
      write={write}
      onClose={onClose}
    >
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
    </PartDialog>
  );
}
