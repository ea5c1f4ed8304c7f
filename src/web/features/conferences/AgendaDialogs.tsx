import { Checkbox, Form, Input, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AgendaItemView, ConferenceDetail } from "../../../contracts/conferences";
import { showSuccess } from "../../app/notify";
import { useAddAgendaItem, useMoveAgendaItem, useUpdateAgendaItem } from "./api";

interface ItemValues {
  start: string;
  end: string;
  content: string;
  responsible: string;
}

/** Adds an item, or edits one; a clash is refused by the server with the items and times named, shown as is. */
export function AgendaItemDialog({
  conference: c,
  item,
  onClose,
}: {
  conference: ConferenceDetail;
  item: AgendaItemView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemValues>();
  const add = useAddAgendaItem();
  const edit = useUpdateAgendaItem();
  const done = {
    onSuccess: () => {
      showSuccess(t("conferences.saved"));
      onClose();
    },
  };
  const save = (v: ItemValues) =>
    item
      ? edit.mutate({ id: c.id, itemId: item.id, version: c.version, ...v }, done)
      : add.mutate({ id: c.id, version: c.version, ...v }, done);
  return (
    <Modal
      open
      title={t("conferences.agenda.itemTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("conferences.save")}
      cancelText={t("conferences.cancel")}
      confirmLoading={add.isPending || edit.isPending}
      okButtonProps={{ "data-testid": "agenda-item-save" } as { "data-testid": string }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          start: item?.start ?? "",
          end: item?.end ?? "",
          content: item?.content ?? "",
          responsible: item?.responsible ?? "",
        }}
      >
        <Space>
          <Form.Item
            name="start"
            label={t("conferences.startTime")}
            rules={[{ required: true, message: t("conferences.agenda.timeRequired") }]}
          >
            <Input type="time" data-testid="agenda-item-start" />
          </Form.Item>
          <Form.Item
            name="end"
            label={t("conferences.endTime")}
            rules={[{ required: true, message: t("conferences.agenda.timeRequired") }]}
          >
            <Input type="time" data-testid="agenda-item-end" />
          </Form.Item>
        </Space>
        <Form.Item
          name="content"
          label={t("conferences.agenda.content")}
          rules={[{ required: true, whitespace: true, message: t("conferences.agenda.required") }]}
        >
          <Input.TextArea autoSize data-testid="agenda-item-content" />
        </Form.Item>
        <Form.Item name="responsible" label={t("conferences.agenda.responsible")}>
          <Input data-testid="agenda-item-responsible" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Dời giờ: a new start for one item (same length), and with "dời các mục sau" every later item by as much. */
export function MoveItemDialog({
  conference: c,
  item,
  onClose,
}: {
  conference: ConferenceDetail;
  item: AgendaItemView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ start: string; shiftFollowing: boolean }>();
  const move = useMoveAgendaItem();
  const save = (v: { start: string; shiftFollowing: boolean }) =>
    move.mutate(
      { id: c.id, itemId: item.id, version: c.version, start: v.start, shiftFollowing: v.shiftFollowing },
      {
        onSuccess: () => {
          showSuccess(t("conferences.saved"));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t("conferences.agenda.moveTitle", { content: item.content })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("conferences.save")}
      cancelText={t("conferences.cancel")}
      confirmLoading={move.isPending}
      okButtonProps={{ "data-testid": "agenda-move-save" } as { "data-testid": string }}
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ start: item.start ?? "", shiftFollowing: true }}>
        <Form.Item
          name="start"
          label={t("conferences.agenda.newStart")}
          rules={[{ required: true, message: t("conferences.agenda.timeRequired") }]}
        >
          <Input type="time" data-testid="agenda-move-start" />
        </Form.Item>
        <Form.Item name="shiftFollowing" valuePropName="checked">
          <Checkbox data-testid="agenda-shift-following">{t("conferences.agenda.shiftFollowing")}</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary">{t("conferences.agenda.shiftHelp")}</Typography.Text>
      </Form>
    </Modal>
  );
}
