import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT } from "../../i18n/index";

/** Căn cứ: each legal basis with its wording, number, date and issuer. */
export function LegalBasesEditor({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="legalBases">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ width: "100%" }}>
              <Form.Item
                name={[field.name, "text"]}
                noStyle
                rules={[{ required: true, whitespace: true, message: t("plans.content.basisRequired") }]}
              >
                <Input.TextArea
                  disabled={disabled}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  style={{ width: 460, maxWidth: "calc(100vw - 48px)" }}
                  placeholder={t("plans.content.basisText")}
                />
              </Form.Item>
              <Form.Item name={[field.name, "documentNumber"]} noStyle>
                <Input disabled={disabled} style={{ width: 150 }} placeholder={t("plans.content.basisNumber")} />
              </Form.Item>
              <Form.Item name={[field.name, "documentDate"]} noStyle>
                <DatePicker disabled={disabled} format={DATE_FORMAT} placeholder={t("plans.content.basisDate")} />
              </Form.Item>
              <Form.Item name={[field.name, "issuer"]} noStyle>
                <Input disabled={disabled} style={{ width: 200 }} placeholder={t("plans.content.basisIssuer")} />
              </Form.Item>
              {!disabled && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  title={t("plans.content.removeBasis")}
                />
              )}
            </Space>
          ))}
          {!disabled && (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ text: "", documentNumber: "", documentDate: null, issuer: "", planId: null })}
            >
              {t("plans.content.addBasis")}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
