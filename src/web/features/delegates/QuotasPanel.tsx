import { PlusOutlined, TeamOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Form, InputNumber, Modal, Select, Space, Spin, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QuotaUnit, QuotaView } from "../../../contracts/delegates";
import { showError, showSuccess } from "../../app/notify";
import { useUnitGroups } from "../organisations/api";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreateQuota, useQuotas } from "./api";
import { NomineesDialog } from "./NomineesDialog";

/** Nomination requests: organisers ask units for N delegates with titles; each unit fills and submits its own list. */
export function QuotasPanel({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const quotas = useQuotas(conferenceId);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ quota: QuotaView; unit: QuotaUnit } | null>(null);
  if (quotas.error) return <Alert type="error" showIcon title={quotas.error.message} />;
  if (!quotas.data) return <Spin />;
  const { canOrganise } = quotas.data;
  if (!canOrganise && quotas.data.quotas.length === 0) return null;
  return (
    <div data-testid="quotas">
      <Typography.Title level={5}>{t("delegates.quotas.title")}</Typography.Title>
      {canOrganise && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 8 }}
          data-testid="quota-add"
          data-safe-action="dialog"
        >
          {t("delegates.quotas.add")}
        </Button>
      )}
      {quotas.data.quotas.length === 0 && <Typography.Paragraph type="secondary">{t("delegates.quotas.empty")}</Typography.Paragraph>}
      {quotas.data.quotas.map((q) => (
        <div key={q.id} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{q.what}</Typography.Text>
          {q.dueDate && <Typography.Text type="secondary"> — {q.dueDate.split("-").reverse().join("/")}</Typography.Text>}
          <Table<QuotaUnit>
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={q.units}
            data-testid="quota-units"
            columns={[
              { key: "unit", title: t("delegates.unit"), dataIndex: "unitName" },
              { key: "n", title: t("delegates.quotas.nominated"), width: 100, render: (_, u) => `${u.nominated}/${q.count}` },
              {
                key: "missing",
                title: t("delegates.quotas.missing"),
                render: (_, u) => u.missingTitles.map((m, i) => <Tag key={`${m}-${i}`}>{m}</Tag>),
              },
              {
                key: "status",
                title: t("delegates.quotas.status"),
                width: 160,
                render: (_, u) =>
                  u.obligationStatus
                    ? t(`obligations.status.${u.obligationStatus}`, u.obligationStatus)
                    : t("delegates.quotas.waitingIssue"),
              },
              {
                key: "open",
                title: "",
                width: 140,
                render: (_, u) =>
                  u.obligationId && (
                    <Button
                      size="small"
                      icon={<TeamOutlined />}
                      onClick={() => setOpen({ quota: q, unit: u })}
                      data-testid="quota-open"
                      data-safe-action="dialog"
                    >
                      {t("delegates.quotas.open")}
                    </Button>
                  ),
              },
            ]}
          />
        </div>
      ))}
      {adding && <QuotaFormDialog conferenceId={conferenceId} onClose={() => setAdding(false)} />}
      {open && <NomineesDialog quota={open.quota} unitId={open.unit.unitId} onClose={() => setOpen(null)} />}
    </div>
  );
}

interface QuotaValues {
  unitId?: string;
  groupId?: string;
  count: number;
  titles?: string[];
  due: Dayjs;
}

function QuotaFormDialog({ conferenceId, onClose }: { conferenceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuotaValues>();
  const create = useCreateQuota(conferenceId);
  const groups = useUnitGroups();
  const save = (v: QuotaValues) => {
    if (!v.unitId && !v.groupId) return showError(new Error(t("delegates.quotas.needTarget")), t("delegates.quotas.needTarget"));
    create.mutate(
      {
        target: v.groupId ? { groupId: v.groupId } : { unitIds: [v.unitId as string] },
        count: v.count,
        titles: v.titles ?? [],
        dueDate: v.due.format("YYYY-MM-DD"),
      },
      { onSuccess: () => (showSuccess(t("delegates.quotas.created")), onClose()), onError: (e) => showError(e, t("errors.unexpected")) },
    );
  };
  return (
    <Modal
      open
      title={t("delegates.quotas.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, ...({ "data-testid": "quota-save" } as object) }}
    >
      <Form form={form} layout="vertical" initialValues={{ count: 5 }} onFinish={save}>
        <Form.Item name="unitId" label={t("delegates.quotas.target")}>
          <UnitPicker testId="quota-unit" />
        </Form.Item>
        <Form.Item name="groupId" label={t("delegates.quotas.targetGroup")}>
          <Select allowClear options={(groups.data?.groups ?? []).map((g) => ({ value: g.id, label: g.name }))} data-testid="quota-group" />
        </Form.Item>
        <Form.Item name="count" label={t("delegates.quotas.count")} rules={[{ required: true }]}>
          <InputNumber min={1} max={200} data-testid="quota-count" />
        </Form.Item>
        <Form.Item name="titles" label={t("delegates.quotas.titles")}>
          <Select mode="tags" tokenSeparators={[";"]} data-testid="quota-titles" />
        </Form.Item>
        <Form.Item name="due" label={t("delegates.quotas.due")} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" data-testid="quota-due" />
        </Form.Item>
      </Form>
      <Space />
    </Modal>
  );
}
