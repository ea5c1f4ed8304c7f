import { Button, Descriptions, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConferenceDetail, ConferenceFormat, type UpdateConferenceRequest } from "../../../contracts/conferences";
import { showSuccess } from "../../app/notify";
import { useUpdateConference } from "./api";
import { whenText } from "./format";

type Values = Omit<UpdateConferenceRequest, "version" | "hostUnitId">;

/** Thông tin: what the plan says of the conference; its organisers edit it here (version checked by the server). */
export function ConferenceInfoTab({ conference: c }: { conference: ConferenceDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateConference();
  if (editing) return <ConferenceForm conference={c} onDone={() => setEditing(false)} update={update} />;
  return (
    <>
      {c.canOrganise && (
        <Button data-testid="conference-edit" onClick={() => setEditing(true)} style={{ marginBottom: 12 }}>
          {t("conferences.edit")}
        </Button>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: "title", label: t("conferences.conferenceTitle"), children: c.title },
          { key: "level", label: t("conferences.level"), children: c.level ?? "—" },
          {
            key: "banner",
            label: t("conferences.banner"),
            children: <div style={{ whiteSpace: "pre-line", textAlign: "center" }}>{c.bannerText || "—"}</div>,
          },
          { key: "when", label: t("conferences.when"), children: whenText(c) || "—" },
          { key: "venue", label: t("conferences.venue"), children: c.venue || "—" },
          { key: "format", label: t("conferences.format"), children: t(`conferences.formats.${c.format}`) },
          { key: "chair", label: t("conferences.chair"), children: c.chair || "—" },
          { key: "expected", label: t("conferences.expectedAttendance"), children: c.expectedAttendance ?? "—" },
          {
            key: "groups",
            label: t("conferences.delegateGroups"),
            children: c.delegateGroups.length
              ? c.delegateGroups.map((g) => (
                  <div key={g.id} style={{ marginBottom: 8 }} data-testid="delegate-group">
                    <Typography.Text strong>{g.name}</Typography.Text>
                    {g.members && <div style={{ whiteSpace: "pre-line" }}>{g.members}</div>}
                    {g.dressCode && (
                      <div>
                        <Typography.Text type="secondary">{t("conferences.dressCode")}: </Typography.Text>
                        {g.dressCode}
                      </div>
                    )}
                  </div>
                ))
              : "—",
          },
        ]}
      />
    </>
  );
}

function ConferenceForm({
  conference: c,
  onDone,
  update,
}: {
  conference: ConferenceDetail;
  onDone: () => void;
  update: ReturnType<typeof useUpdateConference>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    title: c.title,
    level: c.level,
    bannerText: c.bannerText,
    date: c.date,
    startTime: c.startTime,
    endTime: c.endTime,
    durationLabel: c.durationLabel,
    venue: c.venue,
    format: c.format,
    chair: c.chair,
    expectedAttendance: c.expectedAttendance,
    delegateGroups: c.delegateGroups.map(({ name, members, dressCode }) => ({ name, members, dressCode })),
  };
  const save = (values: Values) => {
    const blank = (v: string | null | undefined) => (v ? v : null);
    update.mutate(
      {
        id: c.id,
        version: c.version,
        ...values,
        date: blank(values.date),
        startTime: blank(values.startTime),
        endTime: blank(values.endTime),
      },
      {
        onSuccess: () => {
          showSuccess(t("conferences.saved"));
          onDone();
        },
      },
    );
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="conference-form">
      <Form.Item name="title" label={t("conferences.conferenceTitle")} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="level" label={t("conferences.level")}>
        <Input />
      </Form.Item>
      <Form.Item name="bannerText" label={t("conferences.banner")}>
        <Input.TextArea autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="date" label={t("conferences.date")}>
          <Input type="date" data-testid="conference-date" />
        </Form.Item>
        <Form.Item name="startTime" label={t("conferences.startTime")}>
          <Input type="time" data-testid="conference-start" />
        </Form.Item>
        <Form.Item name="endTime" label={t("conferences.endTime")}>
          <Input type="time" data-testid="conference-end" />
        </Form.Item>
        <Form.Item name="durationLabel" label={t("conferences.duration")}>
          <Input />
        </Form.Item>
      </Space>
      <Form.Item name="venue" label={t("conferences.venue")}>
        <Input />
      </Form.Item>
      <Form.Item name="format" label={t("conferences.format")}>
        <Select options={ConferenceFormat.options.map((f) => ({ value: f, label: t(`conferences.formats.${f}`) }))} />
      </Form.Item>
      <Form.Item name="chair" label={t("conferences.chair")}>
        <Input />
      </Form.Item>
      <Form.Item name="expectedAttendance" label={t("conferences.expectedAttendance")}>
        <InputNumber min={0} />
      </Form.Item>
      <Typography.Title level={5}>{t("conferences.delegateGroups")}</Typography.Title>
      <Form.List name="delegateGroups">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, "name"]} label={t("conferences.groupName")} rules={[{ required: true, whitespace: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, "members"]} label={t("conferences.members")}>
                  <Input.TextArea autoSize />
                </Form.Item>
                <Form.Item name={[field.name, "dressCode"]} label={t("conferences.dressCode")}>
                  <Input.TextArea autoSize />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>{t("conferences.removeGroup")}</Button>
              </Space>
            ))}
            <Button onClick={() => add({ name: "", members: "", dressCode: "" })} style={{ marginBottom: 16 }}>
              {t("conferences.addGroup")}
            </Button>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="conference-save">
          {t("conferences.save")}
        </Button>
        <Button onClick={onDone}>{t("conferences.cancel")}</Button>
      </Space>
    </Form>
  );
}
