import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";

const MAX_DEPTH = 4;

/**
 * The content outline (I, 1, a, …) as nested cards; each section has a number, a heading, its text and
 * its sub-sections. `name` is the Form.List path of this level.
 */
export function SectionsEditor({ name, depth = 0, disabled }: { name: Array<string | number>; depth?: number; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginLeft: depth * 12 }}
              extra={
                !disabled && (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    title={t("plans.content.removeSection")}
                    onClick={() => remove(field.name)}
                  />
                )
              }
              title={
                <div style={{ display: "flex", gap: 8 }}>
                  <Form.Item name={[field.name, "number"]} noStyle>
                    <Input disabled={disabled} style={{ width: 64, flex: "none" }} placeholder="I" />
                  </Form.Item>
                  <Form.Item name={[field.name, "heading"]} noStyle>
                    <Input disabled={disabled} style={{ flex: "1 1 auto", minWidth: 0 }} placeholder={t("plans.content.heading")} />
                  </Form.Item>
                </div>
              }
            >
              <Form.Item name={[field.name, "text"]} noStyle>
                <Input.TextArea disabled={disabled} autoSize={{ minRows: 1, maxRows: 12 }} placeholder={t("plans.content.sectionText")} />
              </Form.Item>
              {depth + 1 < MAX_DEPTH && <SectionsEditor name={[field.name, "children"]} depth={depth + 1} disabled={disabled} />}
            </Card>
          ))}
          {!disabled && (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ number: "", heading: "", text: "", children: [] })}
            >
              {depth === 0 ? t("plans.content.addSection") : t("plans.content.addSubsection")}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
