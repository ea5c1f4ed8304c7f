import { Progress, Space, Table, Tag } from "antd";
import type { ColumnType, SorterResult, SortOrder } from "antd/es/table/interface";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { Board, BoardRow } from "../../../contracts/tracking";
import { boardSorts } from "../../../contracts/tracking";
import { formatVietnamTime } from "./time";
import { UnitObligations } from "./UnitObligations";

type Sort = (typeof boardSorts)[number];

export interface TableState {
  sort?: Sort;
  order?: "asc" | "desc";
  page: number;
  pageSize: number;
}

const sortable = (key: string): key is Sort => (boardSorts as readonly string[]).includes(key);

/** One row per unit; sorting and paging happen on the server so 3,000 communes stay fast. Late and overdue in red. */
export function BoardTable({
  planId,
  board,
  loading,
  state,
  onChange,
}: {
  planId: string;
  board: Board | undefined;
  loading: boolean;
  state: TableState;
  onChange: (s: TableState) => void;
}) {
  const { t } = useTranslation();
  const sortOrder = (key: Sort): SortOrder => (state.sort === key ? (state.order === "desc" ? "descend" : "ascend") : null);
  const count = (key: keyof BoardRow["counts"], red = false): ColumnType<BoardRow> => ({
    title: t(`tracking.counts.${key}`),
    key,
    width: 92,
    align: "right" as const,
    sorter: sortable(key),
    sortOrder: sortable(key) ? sortOrder(key) : undefined,
    render: (_: unknown, row: BoardRow) => (
      <span style={red && row.counts[key] > 0 ? { color: "#cf1322", fontWeight: 600 } : undefined}>{row.counts[key]}</span>
    ),
  });
  return (
    <Table<BoardRow>
      rowKey={(row) => row.unit.id}
      size="small"
      loading={loading}
      dataSource={board?.rows ?? []}
      data-testid="board-table"
      onRow={(row) => ({ "data-unit-id": row.unit.id, "data-unit-name": row.unit.name }) as HTMLAttributes<HTMLElement>}
      pagination={{
        current: state.page,
        pageSize: state.pageSize,
        total: board?.rowCount ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<BoardRow>;
        const key = String(s.columnKey ?? "");
        const sort = s.order && sortable(key) ? key : undefined;
        onChange({
          sort,
          order: s.order === "descend" ? "desc" : s.order ? "asc" : undefined,
          page: pagination.current ?? 1,
          pageSize: pagination.pageSize ?? state.pageSize,
        });
      }}
      scroll={{ x: 1200 }}
      expandable={{ expandedRowRender: (row) => <UnitObligations planId={planId} unitId={row.unit.id} /> }}
      columns={[
        {
          title: t("tracking.unit"),
          key: "name",
          sorter: true,
          sortOrder: sortOrder("name"),
          fixed: "left",
          width: 260,
          render: (_, row) => (
            <Space size={4} wrap>
              <span data-testid="board-row-name">{row.unit.name}</span>
              {row.late && (
                <Tag color="red" data-testid="board-row-late">
                  {t("tracking.lateTag")}
                </Tag>
              )}
              {row.overdue && (
                <Tag color="red" data-testid="board-row-overdue">
                  {t("tracking.overdueTag")}
                </Tag>
              )}
            </Space>
          ),
        },
        count("expected"),
        count("submitted"),
        count("onTime"),
        count("late", true),
        count("overdue", true),
        count("returned"),
        count("accepted"),
        {
          title: t("tracking.counts.completeness"),
          key: "completeness",
          width: 140,
          sorter: true,
          sortOrder: sortOrder("completeness"),
          render: (_, row) => (
            <Progress size="small" percent={Math.round(row.counts.completeness * 100)} status={row.overdue ? "exception" : "normal"} />
          ),
        },
        {
          title: t("tracking.nextDue"),
          key: "nextDueAt",
          width: 150,
          sorter: true,
          sortOrder: sortOrder("nextDueAt"),
          render: (_, row) => formatVietnamTime(row.nextDueAt) || "—",
        },
        {
          title: t("tracking.lastSubmitted"),
          key: "lastSubmittedAt",
          width: 150,
          sorter: true,
          sortOrder: sortOrder("lastSubmittedAt"),
          render: (_, row) => formatVietnamTime(row.lastSubmittedAt) || "—",
        },
      ]}
    />
  );
}
