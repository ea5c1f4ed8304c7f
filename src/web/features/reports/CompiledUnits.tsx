import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompiledUnit } from "../../../contracts/report-compile";
import { showError, showSuccess } from "../../app/notify";
import { accept, excuse, type ReadyView, sendBack, useCompileAction } from "./compile-api";

const STATUS_COLOR = { open: "default", submitted: "gold", returned: "red", accepted: "green" } as const;

/** The units' reports of the level with where each stands, and the reviewers' accept, return and excuse. */
export function CompiledUnits({ view }: { taskId: string; view: ReadyView }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState<CompiledUnit | null>(null);
  const [excusing, setExcusing] = useState<CompiledUnit | null>(null);
  const accepting = useCompileAction((u: CompiledUnit) => accept(u.obligationId, u.version));
  const onAccept = (u: CompiledUnit) =>
    accepting
      .mutateAsync(u)
      .then(() => showSuccess(t("reportCompile.accepted", { unit: u.unitName })))
      .catch((error) => showError(error, t("reportCompile.accept")));
  return (
    <Card size="small" title={t("reportCompile.units")}>
      <Table<CompiledUnit>
        rowKey="obligationId"
        size="small"
        dataSource={view.units}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="compiled-units"
        scroll={{ x: 720 }}
        columns={[
          { title: t("reportCompile.unit"), dataIndex: "unitName" },
          {
            title: t("reportCompile.status"),
            render: (_, u) => (
              <Space orientation="vertical" size={2}>
                <Tag color={STATUS_COLOR[u.status]} data-testid="compiled-unit-status">
                  {t(`reportCompile.statuses.${u.status}`)}
                </Tag>
                {u.excuse && <Typography.Text type="secondary">{t("reportCompile.excused", { note: u.excuse })}</Typography.Text>}
                {u.status === "returned" && u.returnedReason && (
                  <Typography.Text type="danger" style={{ whiteSpace: "pre-wrap" }}>
                    {u.returnedReason}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: "actions",
            width: 280,
            render: (_, u) => (
              <Space wrap>
                {u.canReview && (
                  <Button size="small" type="primary" onClick={() => onAccept(u)} data-testid="compiled-accept">
                    {t("reportCompile.accept")}
                  </Button>
                )}
                {u.canReview && (
                  <Button size="small" danger onClick={() => setReturning(u)} data-testid="compiled-return" data-safe-action="dialog">
                    {t("reportCompile.return")}
                  </Button>
                )}
                {u.canExcuse && (
                  <Button size="small" onClick={() => setExcusing(u)} data-testid="compiled-excuse" data-safe-action="dialog">
                    {t("reportCompile.excuse")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {returning && <ReturnDialog unit={returning} view={view} onClose={() => setReturning(null)} />}
      {excusing && <ExcuseDialog unit={excusing} onClose={() => setExcusing(null)} />}
    </Card>
  );
}

function ReturnDialog({ unit, view, onClose }: { unit: CompiledUnit; view: ReadyView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ headingId: string; body: string }>();
  const action = useCompileAction((v: { headingId: string; body: string }) =>
    sendBack(unit.obligationId, unit.version, [{ headingId: v.headingId === "all" ? null : v.headingId, body: v.body }]),
  );
  const submit = async () => {
    const values = await form.validateFields();
    await action
      .mutateAsync(values)
      .then(() => {
        showSuccess(t("reportCompile.returned", { unit: unit.unitName }));
        onClose();
      })
      .catch((error) => showError(error, t("reportCompile.return")));
  };
  return (
    <Modal
      open
      title={t("reportCompile.returnTitle", { unit: unit.unitName })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={action.isPending}
      okButtonProps={{ ...({ "data-testid": "compiled-return-ok" } as object) }}
    >
      <Form form={form} layout="vertical" initialValues={{ headingId: "all" }}>
        <Form.Item name="headingId" label={t("reportCompile.returnHeading")}>
          <Select
            data-testid="compiled-return-heading"
            options={[
              { value: "all", label: t("reportCompile.wholeReport") },
              ...view.form.headings.map((h) => ({ value: h.id, label: `${h.number} ${h.heading}` })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t("reportCompile.returnComment")}
          rules={[{ required: true, whitespace: true, message: t("reportCompile.required") }]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="compiled-return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExcuseDialog({ unit, onClose }: { unit: CompiledUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const action = useCompileAction((note: string) => excuse(unit.obligationId, note));
  const submit = async () => {
    const { note } = await form.validateFields();
    await action
      .mutateAsync(note)
      .then(() => {
        showSuccess(t("reportCompile.excusedDone", { unit: unit.unitName }));
        onClose();
      })
      .catch((error) => showError(error, t("reportCompile.excuse")));
  };
  return (
    <Modal
      open
      title={t("reportCompile.excuseTitle", { unit: unit.unitName })}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={action.isPending}
      okButtonProps={{ ...({ "data-testid": "compiled-excuse-ok" } as object) }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t("reportCompile.excuseNote")}
          rules={[{ required: true, whitespace: true, message: t("reportCompile.required") }]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="compiled-excuse-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
