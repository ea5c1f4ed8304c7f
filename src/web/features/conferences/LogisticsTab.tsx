import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Row, Select, Spin, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LogisticsView } from "../../../contracts/conference-program";
import { LogisticsKind } from "../../../contracts/conferences";
import { showSuccess } from "../../app/notify";
import { FormDialog } from "../../components/FormDialog";
import { ResponsiveTable } from "../../components/ResponsiveTable";
import { UnitPicker } from "../organisations/UnitPicker";
import { DueFields, type DueValues, dueRequest } from "../plans/DueFields";
import { deadlineLabel } from "../plans/labels";
import { ObligationActions, ObligationStatus } from "./ObligationCell";
import { useCreateLogistics, useLogistics } from "./program-api";

interface Values extends DueValues {
  kind: LogisticsKind;
  what: string;
  unitId: string;
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
  const submit = (v: Values) =>
    create.mutate(
      {
        kind: v.kind,
        what: v.what,
        unitId: v.unitId,
        ...dueRequest(v),
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
    <FormDialog
      open={open}
      onClose={onClose}
      form={form}
      mutations={[create]}
      editing={false}
      title={t("program.logistics.add")}
      width={680}
      submitTestId="logistics-form-submit"
    >
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
          <DueFields
            span={12}
            labels={{ date: t("program.speeches.dueDate"), dateRequired: t("program.dueRequired"), time: t("program.speeches.dueTime") }}
            testIds={{ date: "logistics-form-due-date" }}
          />
        </Row>
      </Form>
    </FormDialog>
  );
}
