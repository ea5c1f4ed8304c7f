import { FileExcelOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BoardFilter, boardStatusFilters } from "../../../contracts/tracking";
import { showError } from "../../app/notify";
import { exportBoard, useBoard } from "./api";
import { BoardChart } from "./BoardChart";
import { BoardTable, type TableState } from "./BoardTable";
import { BoardTotals } from "./BoardTotals";
import { RollupPanel } from "./RollupPanel";
import { formatVietnamTime } from "./time";

type StatusFilter = (typeof boardStatusFilters)[number];

/** Theo dõi: the plan's counts, a chart, one row per unit (filter, sort, export) and the roll-up by tree level. */
export function BoardPanel({ planId, planStatus }: { planId: string; planStatus: "draft" | "issued" | "closed" }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter | undefined>();
  const [q, setQ] = useState("");
  const [table, setTable] = useState<TableState>({ page: 1, pageSize: 50 });
  const [exporting, setExporting] = useState(false);
  const filter: BoardFilter = { status, q: q.trim() || undefined, sort: table.sort, order: table.order };
  const board = useBoard(planId, { ...filter, limit: table.pageSize, offset: (table.page - 1) * table.pageSize });

  if (planStatus === "draft") return <Empty description={t("tracking.draftHelp")} data-testid="board-draft" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="board">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Text type="secondary" data-testid="board-at">
          {board.data ? t("tracking.at", { at: formatVietnamTime(board.data.at) }) : ""}
          {board.data && !board.data.allUnits ? ` · ${t("tracking.ownUnitsOnly")}` : ""}
        </Typography.Text>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            loading={board.isFetching}
            onClick={() => void board.refetch()}
            data-testid="board-refresh"
            data-safe-action="view"
          >
            {t("tracking.refresh")}
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            data-testid="board-export"
            data-safe-action="download"
            onClick={() => {
              setExporting(true);
              exportBoard(planId, filter)
                .catch((error: unknown) => showError(error, t("errors.unexpected")))
                .finally(() => setExporting(false));
            }}
          >
            {t("tracking.export")}
          </Button>
        </Space>
      </Space>
      {board.error && <Alert type="error" showIcon title={board.error.message} />}
      {board.data && <BoardTotals totals={board.data.totals} />}
      {board.data && <BoardChart chart={board.data.chart} />}
      <Card size="small" title={t("tracking.byUnit")}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<StatusFilter>
            allowClear
            placeholder={t("tracking.statusFilter")}
            style={{ width: 220 }}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setTable((s) => ({ ...s, page: 1 }));
            }}
            options={boardStatusFilters.map((f) => ({ value: f, label: t(`tracking.filters.${f}`) }))}
            data-testid="board-status-filter"
          />
          <Input.Search
            allowClear
            placeholder={t("tracking.search")}
            style={{ width: 300, maxWidth: "100%" }}
            onSearch={(value) => {
              setQ(value);
              setTable((s) => ({ ...s, page: 1 }));
            }}
            data-testid="board-search"
          />
        </Space>
        <BoardTable planId={planId} board={board.data} loading={board.isFetching} state={table} onChange={setTable} />
      </Card>
      <RollupPanel planId={planId} />
    </Space>
  );
}
