import { Col, DatePicker, Form, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { DATE_FORMAT } from "../../i18n/index";

/** A deadline as a form holds it: the date, and the time of day or null for "by the end of that day". */
export interface DueValues {
  dueDate: Dayjs;
  dueTime: Dayjs | null;
}

/** The deadline as the API sends it ("2026-05-20", "17:00" or null) in the form's pickers; no date stays empty. */
export const dueFormValues = (dueDate: string | null, dueTime: string | null) => ({
  dueDate: dueDate ? dayjs(dueDate) : undefined,
  dueTime: dueTime ? dayjs(`2000-01-01T${dueTime}`) : null,
});

/** The form's deadline as the API takes it: { dueDate: "2026-05-20", dueTime: "17:00" | null }. */
export const dueRequest = (v: DueValues) => ({
  dueDate: v.dueDate.format("YYYY-MM-DD"),
  dueTime: v.dueTime ? v.dueTime.format("HH:mm") : null,
});

/**
 * The deadline's two fields, `dueDate` (required) and `dueTime`, each in a column of a form's `Row`: a task, a
 * speech and a logistics task set their deadline the same way.
 */
export function DueFields({
  span,
  labels,
  testIds,
}: {
  span: number;
  labels: { date: string; dateRequired: string; time: string; timeHelp?: ReactNode };
  testIds: { date: string; time?: string };
}) {
  return (
    <>
      <Col span={span}>
        <Form.Item name="dueDate" label={labels.date} rules={[{ required: true, message: labels.dateRequired }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid={testIds.date} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="dueTime" label={labels.time} extra={labels.timeHelp}>
          <TimePicker format="HH:mm" minuteStep={5} style={{ width: "100%" }} data-testid={testIds.time} />
        </Form.Item>
      </Col>
    </>
  );
}
