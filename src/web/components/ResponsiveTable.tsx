import { Card, List, Table, type TableProps } from "antd";
import type { ColumnType } from "antd/es/table";
import type { HTMLAttributes, Key, ReactNode } from "react";
import { useIsPhone } from "../app/responsive";

export interface ResponsiveTableProps<T> extends Omit<TableProps<T>, "columns"> {
  columns: ColumnType<T>[];
  /** The column whose cell heads each card on a phone; the other titled columns become "title: value" lines. */
  cardTitleKey: string;
  "data-testid"?: string;
}

const cellValue = <T,>(row: T, column: ColumnType<T>) => {
  const index = column.dataIndex;
  if (typeof index === "string" || typeof index === "number") return (row as Record<string | number, unknown>)[index];
  return undefined;
};

function cell<T>(row: T, column: ColumnType<T>, index: number): ReactNode {
  const value = cellValue(row, column);
  if (column.render) return column.render(value, row, index) as ReactNode;
  return (value ?? null) as ReactNode;
}

const keyOf = <T,>(column: ColumnType<T>, i: number) => String(column.key ?? column.dataIndex ?? i);

/**
 * A table on a wide screen (scrolling inside its own box when narrower than `scroll.x`); on a phone, one card per
 * row, so a long task text gets the whole width instead of a column a few words wide. Same columns, same data,
 * same test ids in both.
 */
export function ResponsiveTable<T extends object>({ columns, cardTitleKey, ...props }: ResponsiveTableProps<T>) {
  const phone = useIsPhone();
  if (!phone) return <Table<T> {...props} columns={columns} />;
  const rows = (props.dataSource ?? []) as readonly T[];
  const rowKey = (row: T, i: number): Key =>
    typeof props.rowKey === "function"
      ? props.rowKey(row, i)
      : (((row as Record<string, unknown>)[String(props.rowKey ?? "key")] as Key) ?? i);
  const titleColumn = columns.find((c, i) => keyOf(c, i) === cardTitleKey);
  // A column shown only from some breakpoint up (antd's `responsive: ["md"]`) is left off the phone's cards too.
  const onPhone = columns.filter((c, i) => keyOf(c, i) !== cardTitleKey && (!c.responsive || c.responsive.includes("xs")));
  const lines = onPhone.filter((c) => c.title);
  const untitled = onPhone.filter((c) => !c.title);
  const pageSize = (props.pagination === false ? undefined : props.pagination?.pageSize) ?? 20;
  const emptyText = props.locale?.emptyText;
  return (
    <List<T>
      data-testid={props["data-testid"]}
      dataSource={[...rows]}
      loading={typeof props.loading === "boolean" ? props.loading : undefined}
      pagination={props.pagination === false || rows.length <= pageSize ? false : { pageSize, size: "small" }}
      locale={{ emptyText: typeof emptyText === "function" ? emptyText() : emptyText }}
      rowKey={(row) => rowKey(row, rows.indexOf(row))}
      renderItem={(row) => {
        const i = rows.indexOf(row);
        const attributes = (props.onRow?.(row, i) ?? {}) as HTMLAttributes<HTMLElement>;
        return (
          <List.Item style={{ padding: "4px 0", borderBlockEnd: "none" }}>
            <Card size="small" style={{ width: "100%" }} {...attributes} data-card-row="">
              {titleColumn && <div style={{ fontWeight: 500, marginBottom: 8 }}>{cell(row, titleColumn, i)}</div>}
              {lines.map((c) => (
                <div key={keyOf(c, columns.indexOf(c))} style={{ display: "flex", gap: 8, marginBottom: 4 }}>
                  <span style={{ color: "rgba(0,0,0,0.45)", flex: "0 0 38%" }}>{c.title as ReactNode}</span>
                  <span style={{ minWidth: 0, overflowWrap: "anywhere" }}>{cell(row, c, i)}</span>
                </div>
              ))}
              {untitled.map((c) => (
                <div key={keyOf(c, columns.indexOf(c))} style={{ marginTop: 8 }}>
                  {cell(row, c, i)}
                </div>
              ))}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
