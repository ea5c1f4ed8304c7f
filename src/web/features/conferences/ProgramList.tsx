import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, FileWordOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Space } from "antd";
import type { ColumnType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReorderRequest } from "../../../contracts/conference-program";
import { showError, showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { moved } from "./program-api";

/**
 * What the ordered program lists (speeches in running order, awards in stage order) share: the add and export
 * buttons above the list, the order column with its move buttons, and the confirmed delete. `testId` is the list's
 * prefix ("speech", "award"): the buttons are `<testId>-add`, `-export`, `-order`, `-up`, `-down`, `-delete`.
 */

type VersionedRow = { id: string; version: number };

/** The mutation options the list passes; TanStack Query's `mutate` takes them. */
interface Outcome {
  onSuccess?: () => void;
  onError: (e: Error) => void;
}

interface Mutation<V> {
  mutate: (variables: V, outcome: Outcome) => void;
}

/** "Thêm …" for who may add, and "Xuất …" (.docx) for everyone, loading until the download ends. */
export function ProgramListToolbar({
  testId,
  canAdd,
  onAdd,
  addLabel,
  exportLabel,
  download,
}: {
  testId: string;
  canAdd: boolean;
  onAdd: () => void;
  addLabel: string;
  exportLabel: string;
  download: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const exportList = () => {
    setExporting(true);
    download()
      .catch((e: unknown) => showError(e, t("errors.unexpected")))
      .finally(() => setExporting(false));
  };
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      {canAdd && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid={`${testId}-add`} data-safe-action="dialog">
          {addLabel}
        </Button>
      )}
      <Button
        icon={<FileWordOutlined />}
        loading={exporting}
        onClick={exportList}
        data-testid={`${testId}-export`}
        data-safe-action="download"
      >
        {exportLabel}
      </Button>
    </Space>
  );
}

/** The order column: the row's number and, when `reorder` is given (organisers), the buttons that move it one place. */
export function orderColumn<T extends VersionedRow>({
  testId,
  title,
  rows,
  order,
  reorder,
}: {
  testId: string;
  title: string;
  rows: T[];
  order: (row: T) => number;
  reorder: Mutation<ReorderRequest> | null;
}): ColumnType<T> {
  return {
    key: "order",
    title,
    width: 90,
    render: (_, row, index) => (
      <Space size={2}>
        <span data-testid={`${testId}-order`}>{order(row)}</span>
        {reorder && <MoveButtons testId={testId} rows={rows} index={index} reorder={reorder} />}
      </Space>
    ),
  };
}

function MoveButtons<T extends VersionedRow>({
  testId,
  rows,
  index,
  reorder,
}: {
  testId: string;
  rows: T[];
  index: number;
  reorder: Mutation<ReorderRequest>;
}) {
  const { t } = useTranslation();
  const move = (step: -1 | 1) => reorder.mutate(moved(rows, index, step), { onError: (e) => showError(e, t("errors.unexpected")) });
  return (
    <>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        aria-label={t("program.moveUp")}
        onClick={() => move(-1)}
        data-testid={`${testId}-up`}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={index === rows.length - 1}
        aria-label={t("program.moveDown")}
        onClick={() => move(1)}
        data-testid={`${testId}-down`}
      />
    </>
  );
}

/** The bin button of a row, asking `confirm` first; the row goes with `remove.mutate(variables)` and "Đã xóa". */
export function DeleteRowButton<V>({
  testId,
  confirm,
  remove,
  variables,
}: {
  testId: string;
  confirm: string;
  remove: Mutation<V>;
  variables: V;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={confirm}
      okText={t("program.delete")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps(`${testId}-delete-confirm`, { danger: true })}
      onConfirm={() =>
        remove.mutate(variables, {
          onSuccess: () => showSuccess(t("program.deleted")),
          onError: (e) => showError(e, t("errors.unexpected")),
        })
      }
    >
      <Button size="small" danger icon={<DeleteOutlined />} data-testid={`${testId}-delete`} aria-label={t("program.delete")} />
    </Popconfirm>
  );
}
