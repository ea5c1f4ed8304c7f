import { Card, Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { ObligationCounts } from "../../../contracts/counts";

const RED = "#cf1322";
const GREEN = "#389e0d";

/** The plan's counts as cards; each number carries a data-testid (board-expected, board-late, …) for the browser test. */
export function BoardTotals({ totals }: { totals: ObligationCounts }) {
  const { t } = useTranslation();
  const cards: Array<{ key: keyof ObligationCounts; color?: string; percent?: boolean }> = [
    { key: "expected" },
    { key: "submitted" },
    { key: "onTime", color: GREEN },
    { key: "late", color: totals.late ? RED : undefined },
    { key: "overdue", color: totals.overdue ? RED : undefined },
    { key: "returned", color: totals.returned ? "#d46b08" : undefined },
    { key: "accepted", color: GREEN },
    { key: "completeness", percent: true },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="board-totals">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic
              title={t(`tracking.counts.${c.key}`)}
              value={c.percent ? Math.round(totals[c.key] * 1000) / 10 : totals[c.key]}
              suffix={c.percent ? "%" : undefined}
              styles={{ content: { color: c.color } }}
              valueRender={(node) => (
                <span data-testid={`board-${c.key}`} data-value={totals[c.key]}>
                  {node}
                </span>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
