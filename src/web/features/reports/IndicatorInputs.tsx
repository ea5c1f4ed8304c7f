import { Alert, Button, Descriptions, InputNumber, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportIndicator } from "../../../contracts/reports";
import { fmt, ratioOf } from "../../../domain/reports/rules";

export type Values = ReadonlyMap<string, number | null>;

interface Props {
  indicators: readonly ReportIndicator[];
  values: Values;
  /** Every broken rule of the whole form, as the server words them (domain/reports/rules valueProblems). */
  problems: readonly string[];
  editable: boolean;
  saving: boolean;
  dirty: boolean;
  onChange: (indicatorId: string, value: number | null) => void;
  onSave: () => void;
}

/** A heading's numbers, checked as they are typed with the server's own rules; a broken rule is named beside them. */
export function IndicatorInputs({ indicators, values, problems, editable, saving, dirty, onChange, onSave }: Props) {
  const { t } = useTranslation();
  const mine = problems.filter((p) => indicators.some((i) => p.includes(`«${i.name}»`)));
  const enteredOf = (id: string) => values.get(id) ?? undefined;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={6} data-testid="indicators">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={indicators.map((i) => ({
          key: i.id,
          label: `${i.code}. ${i.name}${i.unitOfMeasure ? ` (${i.unitOfMeasure})` : ""}`,
          children: i.ratio ? (
            <Typography.Text data-testid={`indicator-${i.code}`}>
              {(() => {
                const r = ratioOf(enteredOf(i.ratio.numeratorId), enteredOf(i.ratio.denominatorId));
                return r === null ? "—" : `${fmt(r)} %`;
              })()}
            </Typography.Text>
          ) : (
            <InputNumber
              value={enteredOf(i.id)}
              disabled={!editable}
              style={{ width: 200 }}
              decimalSeparator=","
              status={mine.some((p) => p.includes(`«${i.name}»`)) ? "error" : undefined}
              data-testid={`indicator-${i.code}`}
              aria-label={i.name}
              onChange={(v) => onChange(i.id, typeof v === "number" ? v : null)}
            />
          ),
        }))}
      />
      {mine.length > 0 && <Alert type="error" showIcon data-testid="indicator-problems" title={mine.join(" ")} />}
      {editable && indicators.some((i) => !i.ratio) && (
        <Button
          data-testid="indicators-save"
          type={dirty ? "primary" : "default"}
          loading={saving}
          disabled={problems.length > 0}
          onClick={onSave}
        >
          {t("reportWriting.values.save")}
        </Button>
      )}
    </Space>
  );
}
