import { Input, Segmented, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Attendance } from "../../../contracts/checkin";
import { matches } from "../../../domain/text/vietnamese";

type Unit = Attendance["byUnit"][number];
type Delegate = Unit["delegates"][number];
type Row = { key: string; unit?: Unit; delegate?: Delegate; children?: Row[] };
type Shown = "all" | "present" | "absent";

/**
 * The attendance list by unit: each unit with its count, then its delegates (present with time and door, absent with
 * the reason from their answer to the invitation). Found without diacritics (name, title, unit, group or reason).
 */
export function AttendanceList({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [shown, setShown] = useState<Shown>("all");
  const rows = useMemo(
    () =>
      attendance.byUnit.flatMap((unit): Row[] => {
        const unitHit = q.trim() !== "" && matches(unit.name, q);
        const delegates = unit.delegates.filter(
          (d) =>
            (shown === "all" || d.present === (shown === "present")) &&
            (unitHit || matches(`${d.fullName} ${d.title} ${d.groupName} ${d.absenceReason ?? ""}`, q)),
        );
        return delegates.length ? [{ key: `unit:${unit.key}`, unit, children: delegates.map((d) => ({ key: d.id, delegate: d })) }] : [];
      }),
    [attendance, q, shown],
  );
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t("attendance.search")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 320 }}
          data-testid="attendance-search"
        />
        <Segmented<Shown>
          value={shown}
          onChange={setShown}
          data-testid="attendance-filter"
          options={(["all", "present", "absent"] as const).map((k) => ({
            value: k,
            label: <span data-testid={`attendance-filter-${k}`}>{t(`attendance.filter.${k}`)}</span>,
          }))}
        />
      </Space>
      <Table<Row>
        size="small"
        data-testid="attendance-list"
        rowKey="key"
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{ expandedRowKeys: rows.map((r) => r.key), showExpandColumn: false }}
        locale={{ emptyText: t("attendance.emptyList") }}
        onRow={(r) =>
          (r.unit
            ? { "data-testid": "attendance-list-unit", "data-name": r.unit.name }
            : { "data-testid": "attendance-row", "data-present": String(r.delegate?.present), "data-name": r.delegate?.fullName }) as object
        }
        columns={[
          {
            key: "name",
            title: t("attendance.columns.name"),
            render: (_: unknown, r) =>
              r.unit ? (
                <Typography.Text strong>
                  {r.unit.name} ({r.unit.present}/{r.unit.expected})
                </Typography.Text>
              ) : (
                <span style={{ paddingLeft: 16 }}>
                  {r.delegate?.fullName}
                  {r.delegate?.title ? <Typography.Text type="secondary">, {r.delegate.title}</Typography.Text> : null}
                </span>
              ),
          },
          { key: "group", title: t("attendance.columns.group"), render: (_: unknown, r) => r.delegate?.groupName ?? "" },
          {
            key: "state",
            title: t("attendance.columns.state"),
            render: (_: unknown, r) =>
              r.delegate ? (
                r.delegate.present ? (
                  <Tag color="green">
                    {t("attendance.in", {
                      at: r.delegate.checkedInAt ? dayjs(r.delegate.checkedInAt).format("HH:mm") : "",
                      door: r.delegate.door ?? "",
                    })}
                  </Tag>
                ) : (
                  <Tag color="default">{t("attendance.absent")}</Tag>
                )
              ) : null,
          },
          {
            key: "reason",
            title: t("attendance.columns.reason"),
            render: (_: unknown, r) => <span data-testid="attendance-reason">{r.delegate?.absenceReason ?? ""}</span>,
          },
        ]}
      />
    </div>
  );
}
