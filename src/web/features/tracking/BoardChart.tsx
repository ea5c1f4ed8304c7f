import { Card, Col, Empty, Row } from "antd";
import { useTranslation } from "react-i18next";
import type { Board } from "../../../contracts/tracking";

type Chart = Board["chart"];

const statusColors = { open: "#bfbfbf", submitted: "#1677ff", returned: "#fa8c16", accepted: "#52c41a" } as const;

/** Obligations by status as one bar per status, drawn in SVG (antd has no charts). */
function StatusBars({ byStatus }: { byStatus: Chart["byStatus"] }) {
  const { t } = useTranslation();
  const entries = (Object.keys(statusColors) as Array<keyof typeof statusColors>).map((k) => ({ key: k, value: byStatus[k] }));
  const max = Math.max(1, ...entries.map((e) => e.value));
  const rowH = 30;
  const labelW = 120;
  const width = 420;
  return (
    <svg
      viewBox={`0 0 ${width} ${entries.length * rowH + 8}`}
      width="100%"
      role="img"
      aria-label={t("tracking.chart.byStatus")}
      data-testid="board-chart-status"
    >
      {entries.map((e, i) => {
        const w = ((width - labelW - 40) * e.value) / max;
        const y = i * rowH + 4;
        return (
          <g key={e.key}>
            <text x={0} y={y + 17} fontSize={12}>
              {t(`obligations.status.${e.key}`)}
            </text>
            <rect x={labelW} y={y} width={Math.max(w, e.value ? 2 : 0)} height={rowH - 8} fill={statusColors[e.key]} rx={3} />
            <text x={labelW + w + 6} y={y + 17} fontSize={12}>
              {e.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Deliveries per day (late ones in red on top) with the running total as a line. */
function DailyBars({ days }: { days: Chart["submissionsByDay"] }) {
  const { t } = useTranslation();
  if (days.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("tracking.chart.noSubmissions")} />;
  const width = 460;
  const height = 180;
  const bottom = 24;
  const max = Math.max(1, ...days.map((d) => d.cumulative));
  const step = width / days.length;
  const barW = Math.max(4, Math.min(36, step * 0.6));
  const y = (v: number) => height - bottom - ((height - bottom - 8) * v) / max;
  const line = days.map((d, i) => `${i * step + step / 2},${y(d.cumulative)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={t("tracking.chart.byDay")} data-testid="board-chart-days">
      {days.map((d, i) => {
        const x = i * step + (step - barW) / 2;
        const onTime = d.submitted - d.late;
        return (
          <g key={d.date}>
            <rect x={x} y={y(onTime)} width={barW} height={height - bottom - y(onTime)} fill="#1677ff" />
            <rect x={x} y={y(d.submitted)} width={barW} height={y(onTime) - y(d.submitted)} fill="#cf1322" />
            {(days.length <= 12 || i % Math.ceil(days.length / 12) === 0) && (
              <text x={i * step + step / 2} y={height - 6} fontSize={10} textAnchor="middle">
                {d.date.slice(8, 10)}/{d.date.slice(5, 7)}
              </text>
            )}
          </g>
        );
      })}
      <polyline points={line} fill="none" stroke="#595959" strokeWidth={1.5} strokeDasharray="4 3" />
    </svg>
  );
}

export function BoardChart({ chart }: { chart: Chart }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t("tracking.chart.byStatus")}>
          <StatusBars byStatus={chart.byStatus} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t("tracking.chart.byDay")}>
          <DailyBars days={chart.submissionsByDay} />
        </Card>
      </Col>
    </Row>
  );
}
