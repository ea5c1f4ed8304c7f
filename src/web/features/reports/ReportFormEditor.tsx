import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportForm, ReportHeading, ReportIndicator } from "../../../contracts/reports";
import { showError, showSuccess } from "../../app/notify";
import { useDeleteHeading, useDeleteIndicator, useUpdateHeading } from "./form-api";
import { HeadingDialog } from "./HeadingDialog";
import { IndicatorDialog } from "./IndicatorDialog";

export type HeadingEdit = { heading: ReportHeading } | { parentId: string | null };
export type IndicatorEdit = { indicator: ReportIndicator } | { headingId: string };

/** `≥ 0`, `≤ CB`, `= A ÷ B × 100`: an indicator's rules as the form reads. */
export function ruleText(indicator: ReportIndicator, form: ReportForm): string[] {
  const code = (id: string) => form.indicators.find((i) => i.id === id)?.code ?? "?";
  const rules: string[] = [];
  if (indicator.min !== null) rules.push(`≥ ${indicator.min}`);
  if (indicator.notAboveId) rules.push(`≤ ${code(indicator.notAboveId)}`);
  if (indicator.ratio) rules.push(`= ${code(indicator.ratio.numeratorId)} ÷ ${code(indicator.ratio.denominatorId)} × 100`);
  return rules;
}

/** The form's tree: each heading with its guidance, actions and indicators, indented by depth. */
export function ReportFormEditor({ taskId, form }: { taskId: string; form: ReportForm }) {
  const { t } = useTranslation();
  const [heading, setHeading] = useState<HeadingEdit | null>(null);
  const [indicator, setIndicator] = useState<IndicatorEdit | null>(null);
  const move = useUpdateHeading(taskId, form.id);
  const removeHeading = useDeleteHeading(taskId, form.id);
  const removeIndicator = useDeleteIndicator(taskId, form.id);
  const siblings = (h: ReportHeading) => form.headings.filter((x) => x.parentId === h.parentId);
  const failed = (error: unknown) => showError(error, t("errors.unexpected"));
  const shift = (h: ReportHeading, by: number) => {
    const at = siblings(h).findIndex((x) => x.id === h.id);
    move.mutate({ partId: h.id, version: form.version, position: at + by }, { onError: failed });
  };
  const kindLabel = (i: ReportIndicator) => t(`reportForm.kinds.${i.kind}`);

  return (
    <Card
      title={t("reportForm.outline", { count: form.headings.length })}
      extra={
        form.canEdit && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setHeading({ parentId: null })}
            data-testid="report-form-add-heading"
            data-safe-action="dialog"
          >
            {t("reportForm.addHeading")}
          </Button>
        )
      }
    >
      {!form.canEdit && <Alert type="info" showIcon title={t("reportForm.readOnly")} style={{ marginBottom: 12 }} />}
      {form.headings.length === 0 && <Empty description={t("reportForm.empty")} />}
      {form.headings.map((h) => {
        const row = siblings(h);
        const at = row.findIndex((x) => x.id === h.id);
        const indicators = form.indicators.filter((i) => i.headingId === h.id);
        return (
          <div
            key={h.id}
            data-testid="report-form-heading"
            data-number={h.number}
            style={{ marginLeft: h.depth * 28, padding: "8px 0", borderBottom: "1px solid rgba(0,0,0,0.06)" }}
          >
            <Space style={{ justifyContent: "space-between", width: "100%" }} align="start">
              <div>
                <Typography.Text strong data-testid="report-form-heading-title">
                  {h.number} {h.heading}
                </Typography.Text>
                {h.guidance && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: "pre-wrap" }} data-testid="report-form-guidance">
                    {h.guidance}
                  </Typography.Paragraph>
                )}
              </div>
              {form.canEdit && (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    title={t("reportForm.up")}
                    disabled={at === 0}
                    onClick={() => shift(h, -1)}
                    data-testid="report-form-heading-up"
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    title={t("reportForm.down")}
                    disabled={at === row.length - 1}
                    onClick={() => shift(h, 1)}
                    data-testid="report-form-heading-down"
                  />
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    title={t("reportForm.editHeading")}
                    onClick={() => setHeading({ heading: h })}
                    data-testid="report-form-heading-edit"
                    data-safe-action="dialog"
                  />
                  <Button
                    size="small"
                    onClick={() => setHeading({ parentId: h.id })}
                    data-testid="report-form-heading-add-child"
                    data-safe-action="dialog"
                  >
                    {t("reportForm.addChild")}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => setIndicator({ headingId: h.id })}
                    data-testid="report-form-add-indicator"
                    data-safe-action="dialog"
                  >
                    {t("reportForm.addIndicator")}
                  </Button>
                  <Popconfirm
                    title={t("reportForm.deleteHeadingConfirm")}
                    okText={t("reportForm.delete")}
                    cancelText={t("common.cancel")}
                    okButtonProps={{ ...({ "data-testid": "report-form-heading-delete-ok" } as object) }}
                    onConfirm={() =>
                      removeHeading.mutate(
                        { partId: h.id, version: form.version },
                        { onSuccess: () => showSuccess(t("reportForm.deleted")), onError: failed },
                      )
                    }
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      title={t("reportForm.delete")}
                      data-testid="report-form-heading-delete"
                    />
                  </Popconfirm>
                </Space>
              )}
            </Space>
            {indicators.map((i) => (
              <Space
                key={i.id}
                style={{ marginLeft: 16, marginTop: 4, display: "flex" }}
                wrap
                data-testid="report-form-indicator"
                data-code={i.code}
              >
                <Tag color="blue">{i.code}</Tag>
                <span>{i.name}</span>
                {i.unitOfMeasure && <Typography.Text type="secondary">({i.unitOfMeasure})</Typography.Text>}
                <Tag>{kindLabel(i)}</Tag>
                {ruleText(i, form).map((r) => (
                  <Tag key={r} color="purple" data-testid="report-form-rule">
                    {r}
                  </Tag>
                ))}
                {form.canEdit && (
                  <>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      title={t("reportForm.editIndicator")}
                      onClick={() => setIndicator({ indicator: i })}
                      data-testid="report-form-indicator-edit"
                      data-safe-action="dialog"
                    />
                    <Popconfirm
                      title={t("reportForm.deleteIndicatorConfirm")}
                      okText={t("reportForm.delete")}
                      cancelText={t("common.cancel")}
                      okButtonProps={{ ...({ "data-testid": "report-form-indicator-delete-ok" } as object) }}
                      onConfirm={() => removeIndicator.mutate({ partId: i.id, version: form.version }, { onError: failed })}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        title={t("reportForm.delete")}
                        data-testid="report-form-indicator-delete"
                      />
                    </Popconfirm>
                  </>
                )}
              </Space>
            ))}
          </div>
        );
      })}
      <HeadingDialog taskId={taskId} form={form} edit={heading} onClose={() => setHeading(null)} />
      <IndicatorDialog taskId={taskId} form={form} edit={indicator} onClose={() => setIndicator(null)} />
    </Card>
  );
}
