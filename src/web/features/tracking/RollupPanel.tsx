import { Breadcrumb, Button, Card, Progress, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Rollup } from "../../../contracts/tracking";
import { useRollup } from "./api";

type Row = Rollup["children"][number];

/** Tổng hợp theo cấp: each child unit with its whole subtree's counts; a unit with obligations below opens its children. */
export function RollupPanel({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [parentUnitId, setParentUnitId] = useState<string | undefined>();
  const rollup = useRollup(planId, parentUnitId);
  const data = rollup.data;
  return (
    <Card size="small" title={t("tracking.rollup.title")} data-testid="rollup">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: "top", title: <a onClick={() => setParentUnitId(undefined)}>{t("tracking.rollup.top")}</a> },
          ...(data?.breadcrumb ?? []).map((b) => ({ key: b.id, title: <a onClick={() => setParentUnitId(b.id)}>{b.name}</a> })),
        ]}
      />
      <Table<Row>
        rowKey={(row) => row.unit.id}
        size="small"
        loading={rollup.isFetching}
        dataSource={data?.children ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="rollup-table"
        scroll={{ x: 640 }}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t("tracking.rollup.total")}</strong>
                {data.own ? ` (${t("tracking.rollup.own", { count: data.own.expected })})` : ""}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong data-testid="rollup-total-expected">{data.totals.expected}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {data.totals.submitted}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {data.totals.late}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {data.totals.overdue}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5}>
                <Progress size="small" percent={Math.round(data.totals.completeness * 100)} />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { title: t("tracking.unit"), render: (_, row) => row.unit.name },
          { title: t("tracking.counts.expected"), align: "right", width: 100, render: (_, row) => row.counts.expected },
          { title: t("tracking.counts.submitted"), align: "right", width: 100, render: (_, row) => row.counts.submitted },
          {
            title: t("tracking.counts.late"),
            align: "right",
            width: 100,
            render: (_, row) => <span style={{ color: row.counts.late ? "#cf1322" : undefined }}>{row.counts.late}</span>,
          },
          {
            title: t("tracking.counts.overdue"),
            align: "right",
            width: 100,
            render: (_, row) => <span style={{ color: row.counts.overdue ? "#cf1322" : undefined }}>{row.counts.overdue}</span>,
          },
          {
            title: t("tracking.counts.completeness"),
            width: 160,
            render: (_, row) => <Progress size="small" percent={Math.round(row.counts.completeness * 100)} />,
          },
          {
            title: "",
            width: 110,
            render: (_, row) =>
              row.hasChildren && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => setParentUnitId(row.unit.id)}
                  data-testid="rollup-drill"
                  data-safe-action="view"
                >
                  {t("tracking.rollup.drill")}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
