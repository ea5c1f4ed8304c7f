import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateField, Located, TimeField } from "./fields";

/** One editable list of the result: each entry a small card, with add and remove. */
export function EditableList({
  name,
  empty,
  render,
  blank,
}: {
  name: string;
  empty: string;
  blank: object;
  render: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <div style={{ color: "rgba(0,0,0,0.45)", marginBottom: 8 }}>{empty}</div>}
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 8 }}
              extra={
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  title={t("importPlan.remove")}
                />
              }
              title={`#${field.name + 1}`}
            >
              {render(field.name)}
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(blank)} block type="dashed">
            {t("importPlan.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

const tags = { mode: "tags" as const, open: false, tokenSeparators: [";"], style: { width: "100%" } };

export function DeadlinesEditor() {
  const { t } = useTranslation();
  return (
    <EditableList
      name="deadlines"
      empty={t("importPlan.none")}
      blank={{ due: null, time: null, units: [], what: "", raw: "" }}
      render={(i) => (
        <>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item
                name={[i, "due"]}
                label={<Located id={`deadlines.${i}.raw`}>{t("importPlan.due")}</Located>}
                rules={[{ required: true, message: t("importPlan.dueRequired") }]}
              >
                <DateField />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={[i, "time"]} label={t("importPlan.time")}>
                <TimeField />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={[i, "units"]} label={t("importPlan.units")}>
            <Select {...tags} />
          </Form.Item>
          <Form.Item name={[i, "what"]} label={t("importPlan.what")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name={[i, "raw"]} label={t("importPlan.raw")}>
            <Input />
          </Form.Item>
        </>
      )}
    />
  );
}

export function TasksEditor() {
  const { t } = useTranslation();
  return (
    <EditableList
      name="tasks"
      empty={t("importPlan.none")}
      blank={{ unit: "", role: "lead", items: [] }}
      render={(i) => (
        <>
          <Row gutter={8}>
            <Col span={16}>
              <Form.Item
                name={[i, "unit"]}
                label={<Located id={`tasks.${i}.unit`}>{t("importPlan.unit")}</Located>}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, "role"]} label={t("importPlan.role")}>
                <Select
                  options={[
                    { value: "lead", label: t("importPlan.roles.lead") },
                    { value: "support", label: t("importPlan.roles.support") },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={[i, "items"]} label={t("importPlan.items")}>
            <Select {...tags} />
          </Form.Item>
        </>
      )}
    />
  );
}

export function SpeechesEditor() {
  const { t } = useTranslation();
  return (
    <EditableList
      name="speeches"
      empty={t("importPlan.none")}
      blank={{ no: 1, topic: "", unit: "" }}
      render={(i) => (
        <Row gutter={8}>
          <Col span={4}>
            <Form.Item name={[i, "no"]} label={t("importPlan.no")}>
              <InputNumber min={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={20}>
            <Form.Item name={[i, "topic"]} label={<Located id={`speeches.${i}.topic`}>{t("importPlan.topic")}</Located>}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
            <Form.Item name={[i, "unit"]} label={<Located id={`speeches.${i}.unit`}>{t("importPlan.unit")}</Located>}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
    />
  );
}

export function LegalBasesEditor() {
  const { t } = useTranslation();
  return (
    <EditableList
      name="legalBases"
      empty={t("importPlan.none")}
      blank={{ text: "", documentNumber: null, documentDate: null, issuer: null }}
      render={(i) => (
        <>
          <Form.Item name={[i, "text"]} label={<Located id={`legalBases.${i}.text`}>{t("importPlan.basisText")}</Located>}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Row gutter={8}>
            <Col span={8}>
              <Form.Item name={[i, "documentNumber"]} label={t("importPlan.number")}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, "documentDate"]} label={t("importPlan.date")}>
                <DateField />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, "issuer"]} label={t("importPlan.issuer")}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
    />
  );
}

export function AnnexesEditor() {
  const { t } = useTranslation();
  return (
    <EditableList
      name="annexes"
      empty={t("importPlan.none")}
      blank={{ title: "", reference: null }}
      render={(i) => (
        <>
          <Form.Item name={[i, "title"]} label={<Located id={`annexes.${i}.title`}>{t("importPlan.annexTitle")}</Located>}>
            <Input />
          </Form.Item>
          <Form.Item name={[i, "reference"]} label={t("importPlan.reference")}>
            <Input />
          </Form.Item>
        </>
      )}
    />
  );
}
