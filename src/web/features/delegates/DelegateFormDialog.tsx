import { Form, Input, InputNumber, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { DelegateView } from "../../../contracts/delegates";
import { showError, showSuccess } from "../../app/notify";
import { useCreateDelegate, useUpdateDelegate } from "./api";

interface Values {
  fullName: string;
  title?: string;
  unitName?: string;
  groupId?: string | null;
  phone?: string;
  email?: string;
  protocolRank?: number;
}

/** Adds or edits one delegate; the server checks the phone by the numbering plan and the version. */
export function DelegateFormDialog({
  conferenceId,
  groups,
  delegate,
  onClose,
}: {
  conferenceId: string;
  groups: Array<{ id: string; name: string }>;
  delegate: DelegateView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateDelegate(conferenceId);
  const update = useUpdateDelegate(conferenceId);
  const save = (values: Values) => {
    const body = {
      ...values,
      groupId: values.groupId ?? null,
      title: values.title ?? "",
      unitName: values.unitName ?? "",
      phone: values.phone ?? "",
      email: values.email ?? "",
    };
    const done = {
      onSuccess: () => (showSuccess(t("delegates.saved")), onClose()),
      onError: (e: unknown) => showError(e, t("errors.unexpected")),
    };
    if (delegate) update.mutate({ delegateId: delegate.id, version: delegate.version, ...body }, done);
    else create.mutate(body, done);
  };
  return (
    <Modal
      open
      title={delegate ? delegate.fullName : t("delegates.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending || update.isPending, ...({ "data-testid": "delegate-save" } as object) }}
    >
      <Form form={form} layout="vertical" initialValues={delegate ?? { protocolRank: 1000 }} onFinish={save}>
        <Form.Item name="fullName" label={t("delegates.fullName")} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="delegate-form-name" />
        </Form.Item>
        <Form.Item name="title" label={t("delegates.title")}>
          <Input />
        </Form.Item>
        <Form.Item name="unitName" label={t("delegates.unit")}>
          <Input />
        </Form.Item>
        <Form.Item name="groupId" label={t("delegates.group")}>
          <Select allowClear options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="phone" label={t("delegates.phone")}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t("delegates.email")}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="protocolRank" label={t("delegates.rank")}>
          <InputNumber min={0} max={1_000_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
