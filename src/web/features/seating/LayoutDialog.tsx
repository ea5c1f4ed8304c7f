import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { HallLayoutInput, SeatingPlan } from "../../../contracts/seating";
import { ApiError } from "../../app/api";
import { showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { usePutLayout } from "./api";

interface Values {
  presidiumRows: (number | null)[];
  blocks: { name: string; rows: number | null; seatsPerRow: number | null }[];
}

/** A first hall to start from: one presidium row, three blocks of 10 × 10. */
const STARTER: HallLayoutInput = {
  presidiumRows: [10],
  blocks: ["Khối A", "Khối B", "Khối C"].map((name) => ({ name, rows: 10, seatsPerRow: 10 })),
};

/** The server's words for a refused layout: its message, then each field it names (zod issues in `details`). */
function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const issues = Array.isArray(error.details) ? (error.details as { message?: unknown }[]) : [];
  const more = issues.map((i) => (typeof i.message === "string" ? i.message : "")).filter((m) => m && !error.message.includes(m));
  return [error.message, ...more];
}

/**
 * Defines or replaces the hall by counts: the presidium's rows (seats each, front row first) and the blocks left to
 * right (name, rows, seats per row). The server checks the numbers and answers why a layout is refused, shown here.
 */
/** Mounted when opened (its form starts from the current layout, or a starter hall). */
export function LayoutDialog({ plan, open, onClose }: { plan: SeatingPlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = usePutLayout(plan.conferenceId);
  const presidium = Form.useWatch("presidiumRows", form) ?? [];
  const blocks = Form.useWatch("blocks", form) ?? [];
  const capacity =
    presidium.reduce<number>((a, n) => a + (n ?? 0), 0) + blocks.reduce<number>((a, b) => a + (b?.rows ?? 0) * (b?.seatsPerRow ?? 0), 0);

  const submit = (v: Values) => {
    // Sent as typed: the server's rules (and their Vietnamese messages) decide what a valid hall is.
    const layout = { presidiumRows: v.presidiumRows ?? [], blocks: v.blocks ?? [] } as HallLayoutInput;
    save.mutate(
      { layout, version: plan.layout ? plan.version : undefined },
      {
        onSuccess: () => {
          showSuccess(t("seating.layout.saved"));
          onClose();
        },
        onError: () => undefined,
      },
    );
  };

  return (
    <Modal
      open={open}
      width={640}
      title={plan.layout ? t("seating.layout.replace") : t("seating.layout.create")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("layout-save", { loading: save.isPending })}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("seating.layout.help")}</Typography.Paragraph>
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="layout-error"
          title={problemsOf(save.error).map((m) => <div key={m}>{m}</div>)}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={plan.layout ?? STARTER}>
        <Typography.Text strong>{t("seating.layout.presidium")}</Typography.Text>
        <Form.List name="presidiumRows">
          {(fields, { add, remove }) => (
            <Space wrap style={{ margin: "8px 0 16px" }}>
              {fields.map((field, i) => (
                <Space.Compact key={field.key}>
                  <Form.Item name={field.name} noStyle>
                    <InputNumber
                      prefix={t("seating.layout.presidiumRow", { n: i + 1 })}
                      style={{ width: 170 }}
                      data-testid="layout-presidium-row"
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t("seating.layout.remove")}
                    data-testid="layout-presidium-remove"
                  />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(10)} data-testid="layout-presidium-add">
                {t("seating.layout.addPresidiumRow")}
              </Button>
            </Space>
          )}
        </Form.List>
        <Typography.Text strong style={{ display: "block" }}>
          {t("seating.layout.blocks")}
        </Typography.Text>
        <Form.List name="blocks">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} wrap align="end" style={{ marginBottom: 8 }} data-testid="layout-block">
                  <Form.Item name={[field.name, "name"]} label={t("seating.layout.blockName")} style={{ marginBottom: 0 }}>
                    <Input style={{ width: 150 }} data-testid="layout-block-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, "rows"]} label={t("seating.layout.rows")} style={{ marginBottom: 0 }}>
                    <InputNumber style={{ width: 100 }} data-testid="layout-block-rows" />
                  </Form.Item>
                  <Form.Item name={[field.name, "seatsPerRow"]} label={t("seating.layout.seatsPerRow")} style={{ marginBottom: 0 }}>
                    <InputNumber style={{ width: 100 }} data-testid="layout-block-seats" />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t("seating.layout.remove")}
                    data-testid="layout-block-remove"
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ name: t("seating.layout.newBlock", { n: fields.length + 1 }), rows: 10, seatsPerRow: 10 })}
                data-testid="layout-block-add"
              >
                {t("seating.layout.addBlock")}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }} data-testid="layout-capacity">
        {t("seating.layout.capacity", { count: capacity })}
      </Typography.Paragraph>
    </Modal>
  );
}
