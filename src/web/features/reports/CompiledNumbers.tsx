import { Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { IndicatorTotal } from "../../../contracts/reports";
import type { ReadyView } from "./compile-api";

type Child = ReadyView["totals"]["children"][number];

const format = (value: number | null, lang: string) =>
  value === null ? "—" : new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 }).format(value);

/** The numbers per indicator: one column each, a row per unit below the level (its subtree's totals), and the total row. */
export function CompiledNumbers({ view }: { view: ReadyView }) {
  const { t, i18n } = useTranslation();
  const indicators = view.form.indicators;
  if (indicators.length === 0) return null;
  const cell = (totals: IndicatorTotal[], id: string) => totals.find((x) => x.indicatorId === id);
  return (
    <Card size="small" title={t("reportCompile.numbers")}>
      <Table<Child>
        rowKey={(c) => c.unit.id}
        size="small"
        dataSource={view.totals.children}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 240 + indicators.length * 140 }}
        data-testid="compiled-numbers"
        columns={[
          { title: t("reportCompile.unit"), width: 240, render: (_, c) => c.unit.name },
          ...indicators.map((i) => ({
            key: i.id,
            title: i.unitOfMeasure ? `${i.name} (${i.unitOfMeasure})` : i.name,
            align: "right" as const,
            render: (_: unknown, c: Child) => format(cell(c.totals, i.id)?.value ?? null, i18n.language),
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t("reportCompile.total")}</strong>
            </Table.Summary.Cell>
            {indicators.map((i, k) => {
              const total = cell(view.totals.totals, i.id);
              return (
                <Table.Summary.Cell key={i.id} index={k + 1} align="right">
                  <strong data-testid="compiled-total">{format(total?.value ?? null, i18n.language)}</strong>
                  <br />
                  <Typography.Text type="secondary">
                    {t("reportCompile.included", { included: total?.included ?? 0, expected: total?.expected ?? 0 })}
                  </Typography.Text>
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
