import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Spin, Tag, TimePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LogisticsView } from "../../../contracts/conference-program";
import { LogisticsKind } from "../../../contracts/conferences";
import { showSuccess } from "../../app/notify";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { buttonProps } from "../../components/testId";
import { DATE_FORMAT } from "../../i18n/index";
import { UnitPicker } from "../organisations/UnitPicker";
import { deadlineLabel } from "../plans/labels";
import { ObligationActions, ObligationStatus } from "./ObligationCell";
import { useCreateLogistics, useLogistics } from "./program-api";

interface Values {
  kind: LogisticsKind;
  what: string;
  unitId: string;
  dueDate: Dayjs;
  dueTime: Dayjs | null;
}

/** Hậu cần: hall, decoration, security, medical standby, power, water, transport, each a task of its owner unit. */
export function LogisticsTab({ conferenceId }: { conferenceId: string }) {
  const { t } = useTranslation();
  const list = useLogistics(conferenceId);
  const [adding, setAdding] = useState(false);
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (!list.data) return <Spin />;
  const { items, canOrganise, planStatus } = list.data;
  return (
    <>
      {canOrganise && planStatus !== "closed" && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setAdding(true)}
          data-testid="logistics-add"
          data-safe-action="dialog"
        >
          {t("program.logistics.add")}
        </Button>
      )}
      <ResponsiveTable<LogisticsView>
        rowKey="id"
        size="middle"
        dataSource={items}
        pagination={false}
        data-testid="logistics-table"
        locale={{ emptyText: t("program.logistics.empty") }}
        scroll={{ x: 960 }}
        cardTitleKey="what"
        columns={[
          {
            key: "kind",
            title: t("program.logistics.kind"),
            width: 150,
            render: (_, i) => <Tag data-testid="logistics-kind">{t(`program.logistics.kinds.${i.kind}`)}</Tag>,
          },
          { key: "what", title: t("program.logistics.what"), render: (_, i) => <div data-testid="logistics-what">{i.what}</div> },
          { key: "unit", title: t("program.logistics.unit"), width: 200, render: (_, i) => i.unitName },
          {
            key: "deadline",
            title: t("program.speeches.deadline"),
            width: 150,
            render: (_, i) => (i.dueDate ? deadlineLabel(i.dueDate, i.dueTime, t) : "—"),
          },
          { key: "status", title: t("program.status"), width: 200, render: (_, i) => <ObligationStatus obligation={i.obligation} /> },
          { key: "actions", title: "", width: 180, render: (_, i) => <ObligationActions obligation={i.obligation} /> },
        ]}
      />
      <AddLogisticsDialog conferenceId={conferenceId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function AddLogisticsDialog({ conferenceId, open, onClose }: { conferenceId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateLogistics(conferenceId);
  useEffect(() => {
    if (!open) return;
    create.reset();
    form.resetFields();
    // Reset only when the dialog opens.
  }, [open]);
  const submit = (v: Values) =>
    create.mutate(
      {
        kind: v.kind,
        what: v.what,
        unitId: v.unitId,
        dueDate: v.dueDate.format("YYYY-MM-DD"),
        dueTime: v.dueTime ? v.dueTime.format("HH:mm") : null,
      },
      {
        onSuccess: () => {
          showSuccess(t("program.logistics.saved"));
          onClose();
        },
        onError: () => undefined,
      },
    );
  return (
    <Modal
      open={open}
      width={680}
      title={t("program.logistics.add")}
      okText={t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("logistics-form-submit")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: "hall", dueTime: null }}>
        <Form.Item name="kind" label={t("program.logistics.kind")}>
          <Select
            options={LogisticsKind.options.map((k) => ({ value: k, label: t(`program.logistics.kinds.${k}`) }))}
            data-testid="logistics-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="what"
          label={t("program.logistics.what")}
          rules={[{ required: true, whitespace: true, message: t("program.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="logistics-form-what" />
        </Form.Item>
        <Form.Item name="unitId" label={t("program.logistics.unit")} rules={[{ required: true, message: t("program.unitRequired") }]}>
          <UnitPicker testId="logistics-form-unit" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="dueDate" label={t("program.speeches.dueDate")} rules={[{ required: true, message: t("program.dueRequired") }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="logistics-form-due-date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dueTime" label={t("program.speeches.dueTime")}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
