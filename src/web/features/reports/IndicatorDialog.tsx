import { Form, Input, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { IndicatorKind } from "../../../contracts/reports";
import { useAddIndicator, useUpdateIndicator } from "./form-api";
import { PartDialog, type PartDialogProps } from "./PartDialog";
import type { IndicatorEdit } from "./ReportFormEditor";

interface Values {
  headingId: string;
  code: string;
  name: string;
  unitOfMeasure: string;
  kind: IndicatorKind;
  min: number | null;
  notAboveId: string | null;
  numeratorId: string | null;
  denominatorId: string | null;
}
const KINDS: IndicatorKind[] = ["integer", "decimal", "percentage"];

/**
 * Adds or changes an indicator: name, code, unit of measure, kind and rules (`≥ min`, `≤ another indicator`,
 * `= A ÷ B × 100`, computed and never entered). The server checks that the rules make sense and says why not.
 */
export function IndicatorDialog({ taskId, form, edit, onClose }: PartDialogProps<IndicatorEdit>) {
  const { t } = useTranslation();
  const add = useAddIndicator(taskId, form.id);
  const update = useUpdateIndicator(taskId, form.id);
  const existing = edit && "indicator" in edit ? edit.indicator : null;

  const startValues = (): Partial<Values> => {
    const i = existing;
    return {
      headingId: i ? i.headingId : edit && "headingId" in edit ? edit.headingId : undefined,
      code: i?.code ?? "",
      name: i?.name ?? "",
      unitOfMeasure: i?.unitOfMeasure ?? "",
      kind: i?.kind ?? "integer",
      min: i ? i.min : 0,
      notAboveId: i?.notAboveId ?? null,
      numeratorId: i?.ratio?.numeratorId ?? null,
      denominatorId: i?.ratio?.denominatorId ?? null,
    };
  };

  const others = form.indicators.filter((i) => i.id !== existing?.id).map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }));
  const headings = form.headings.map((h) => ({ value: h.id, label: `${h.number} ${h.heading}` }));

  const write = async (v: Values) => {
    const ratio = v.numeratorId || v.denominatorId ? { numeratorId: v.numeratorId ?? "", denominatorId: v.denominatorId ?? "" } : null;
    const body = {
      version: form.version,
      headingId: v.headingId,
      code: v.code ?? "",
      name: v.name ?? "",
      unitOfMeasure: v.unitOfMeasure ?? "",
      kind: v.kind,
      min: v.min ?? null,
      notAboveId: v.notAboveId ?? null,
      ratio,
    };
    if (existing) await update.mutateAsync({ partId: existing.id, ...body });
    else await add.mutateAsync(body);
  };

  return (
    <PartDialog
      title={existing ? t("reportForm.editIndicator") : t("reportForm.addIndicator")}
      okTestId="indicator-ok"
      width={640}
      edit={edit}
      startValues={startValues}
      saving={add.isPending || update.isPending}
      check={(v) => (Boolean(v.numeratorId) !== Boolean(v.denominatorId) ? t("reportForm.ratioBoth") : null)}
      write={write}
      onClose={onClose}
    >
      <Form.Item name="headingId" label={t("reportForm.indicatorHeading")}>
        <Select showSearch optionFilterProp="label" options={headings} data-testid="indicator-heading" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="code" label={t("reportForm.code")}>
          <Input style={{ width: 120 }} data-testid="indicator-code" />
        </Form.Item>
        <Form.Item name="name" label={t("reportForm.name")}>
          <Input style={{ width: 420 }} data-testid="indicator-name" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="unitOfMeasure" label={t("reportForm.unitOfMeasure")}>
          <Input style={{ width: 160 }} data-testid="indicator-unit" />
        </Form.Item>
        <Form.Item name="kind" label={t("reportForm.kind")}>
          <Select
            style={{ width: 200 }}
            options={KINDS.map((k) => ({ value: k, label: t(`reportForm.kinds.${k}`) }))}
            data-testid="indicator-kind"
          />
        </Form.Item>
        <Form.Item name="min" label={t("reportForm.min")}>
          <InputNumber style={{ width: 140 }} data-testid="indicator-min" />
        </Form.Item>
      </Space>
      <Form.Item name="notAboveId" label={t("reportForm.notAbove")}>
        <Select allowClear options={others} data-testid="indicator-not-above" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="numeratorId" label={t("reportForm.numerator")} extra={t("reportForm.ratioHelp")}>
          <Select allowClear style={{ width: 270 }} options={others} data-testid="indicator-numerator" />
        </Form.Item>
        <Form.Item name="denominatorId" label={t("reportForm.denominator")}>
          <Select allowClear style={{ width: 270 }} options={others} data-testid="indicator-denominator" />
        </Form.Item>
      </Space>
    </PartDialog>
  );
}
