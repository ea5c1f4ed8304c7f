import { DeleteOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Modal, Space, Spin, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DelegateView, QuotaView } from "../../../contracts/delegates";
import { showError, showSuccess } from "../../app/notify";
import { useAddNominee, useNominees, useRemoveNominee, useSubmitNominees } from "./api";

/** A unit's nominees under one request: add and remove them, see the titles still missing, then submit the list. */
export function NomineesDialog({ quota, unitId, onClose }: { quota: QuotaView; unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useNominees(quota.id, unitId);
  const add = useAddNominee(quota.id, unitId);
  const remove = useRemoveNominee(quota.id, unitId);
  const submit = useSubmitNominees();
  const [form] = Form.useForm<{ fullName: string; title?: string; phone?: string }>();
  const unit = list.data?.unit;
  const full = unit ? unit.nominated >= quota.count : false;
  return (
    <Modal open width={820} title={`${t("delegates.quotas.nominees")} — ${unit?.unitName ?? ""}`} onCancel={onClose} footer={null}>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {!list.data ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph>
            {t("delegates.quotas.nominated")}: <b data-testid="nominees-count">{list.data.unit.nominated}</b>/{quota.count}{" "}
            {list.data.unit.missingTitles.length > 0 && (
              <>
                — {t("delegates.quotas.missing")}:{" "}
                {list.data.unit.missingTitles.map((m, i) => (
                  <Tag key={`${m}-${i}`}>{m}</Tag>
                ))}
              </>
            )}
          </Typography.Paragraph>
          <Table<DelegateView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={list.data.nominees}
            data-testid="nominees-table"
            columns={[
              { key: "name", title: t("delegates.fullName"), dataIndex: "fullName" },
              { key: "title", title: t("delegates.title"), dataIndex: "title" },
              { key: "phone", title: t("delegates.phone"), dataIndex: "phone" },
              {
                key: "x",
                title: "",
                width: 60,
                render: (_, d) =>
                  list.data.unit.canEdit && (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("delegates.delete")}
                      data-testid="nominee-remove"
                      onClick={() =>
                        remove.mutate({ delegateId: d.id, version: d.version }, { onError: (e) => showError(e, t("errors.unexpected")) })
                      }
                    />
                  ),
              },
            ]}
          />
          {list.data.unit.canEdit && !full && (
            <Form
              form={form}
              layout="inline"
              style={{ marginTop: 12 }}
              onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields(), onError: (e) => showError(e, t("errors.unexpected")) })}
            >
              <Form.Item name="fullName" rules={[{ required: true, whitespace: true }]}>
                <Input placeholder={t("delegates.fullName")} data-testid="nominee-name" />
              </Form.Item>
              <Form.Item name="title">
                <Input placeholder={t("delegates.title")} data-testid="nominee-title" />
              </Form.Item>
              <Form.Item name="phone">
                <Input placeholder={t("delegates.phone")} data-testid="nominee-phone" />
              </Form.Item>
              <Button htmlType="submit" loading={add.isPending} data-testid="nominee-add">
                {t("delegates.quotas.addNominee")}
              </Button>
            </Form>
          )}
          {full && <Typography.Text type="success">{t("delegates.quotas.full")}</Typography.Text>}
          <Space style={{ marginTop: 16, display: "flex", justifyContent: "flex-end" }}>
            {list.data.unit.canSubmit && list.data.unit.obligationId && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                disabled={list.data.unit.nominated === 0}
                data-testid="nominees-submit"
                onClick={() =>
                  submit.mutate(list.data.unit.obligationId as string, {
                    onSuccess: () => (showSuccess(t("delegates.quotas.submitted")), onClose()),
                    onError: (e) => showError(e, t("errors.unexpected")),
                  })
                }
              >
                {t("delegates.quotas.submit")}
              </Button>
            )}
          </Space>
        </>
      )}
    </Modal>
  );
}
