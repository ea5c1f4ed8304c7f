import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { DateField, Located, TimeField } from "./fields";
import { EditableList } from "./ReviewLists";

export function ConferencesEditor() {
  const { t } = useTranslation();
  return (
    <EditableList
      name="conferences"
      empty={t("importPlan.none")}
      blank={{
        level: null,
        title: null,
        date: null,
        start: null,
        end: null,
        duration: null,
        venue: null,
        chair: null,
        expectedAttendance: null,
        participants: [],
        dressCode: null,
        agenda: [],
      }}
      render={(i) => (
        <>
          <Form.Item name={[i, "title"]} label={<Located id={`conferences.${i}.title`}>{t("importPlan.conferenceTitle")}</Located>}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Row gutter={8}>
            <Col span={8}>
              <Form.Item name={[i, "date"]} label={t("importPlan.date")}>
                <DateField />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={[i, "start"]} label={t("importPlan.start")}>
                <TimeField />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name={[i, "end"]} label={t("importPlan.end")}>
                <TimeField />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={[i, "duration"]} label={t("importPlan.duration")}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={[i, "venue"]} label={<Located id={`conferences.${i}.venue`}>{t("importPlan.venue")}</Located>}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Form.Item name={[i, "chair"]} label={<Located id={`conferences.${i}.chair`}>{t("importPlan.chair")}</Located>}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Row gutter={8}>
            <Col span={8}>
              <Form.Item name={[i, "level"]} label={t("importPlan.level")}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, "expectedAttendance"]} label={t("importPlan.expected")}>
                <InputNumber min={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={[i, "dressCode"]} label={t("importPlan.dressCode")}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={[i, "participants"]} label={t("importPlan.participants")}>
            <Select mode="tags" open={false} tokenSeparators={[";"]} style={{ width: "100%" }} />
          </Form.Item>
          <Form.List name={[i, "agenda"]}>
            {(rows, { add, remove }) => (
              <>
                <div style={{ fontWeight: 500, marginBottom: 4 }}>{t("importPlan.agenda")}</div>
                {rows.map((row) => (
                  <Row gutter={6} key={row.key} align="top">
                    <Col span={4}>
                      <Form.Item name={[row.name, "start"]}>
                        <TimeField />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[row.name, "end"]}>
                        <TimeField />
                      </Form.Item>
                    </Col>
                    <Col span={15}>
                      <Form.Item
                        name={[row.name, "item"]}
                        label={<Located id={`conferences.${i}.agenda.${row.name}.item`}>{t("importPlan.agendaItem")}</Located>}
                      >
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                      </Form.Item>
                      <Form.Item name={[row.name, "by"]} label={t("importPlan.by")}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} />
                    </Col>
                  </Row>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ start: null, end: null, item: "", by: null })}>
                  {t("importPlan.addAgenda")}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    />
  );
}

export function RecipientsAndSigner() {
  const { t } = useTranslation();
  return (
    <>
      <Form.List name="recipients">
        {(rows, { add, remove }) => (
          <>
            <div style={{ fontWeight: 500, marginBottom: 4 }}>{t("importPlan.recipients")}</div>
            {rows.map((row) => (
              <Row key={row.key} gutter={6}>
                <Col flex="auto">
                  <Form.Item name={row.name} label={<Located id={`recipients.${row.name}`}>{`#${row.name + 1}`}</Located>}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} style={{ marginTop: 30 }} />
                </Col>
              </Row>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add("")}>
              {t("importPlan.add")}
            </Button>
          </>
        )}
      </Form.List>
      <div style={{ fontWeight: 500, margin: "16px 0 4px" }}>{t("importPlan.signer")}</div>
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name={["signer", "authority"]} label={<Located id="signer.authority">{t("importPlan.authority")}</Located>}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={["signer", "title"]} label={<Located id="signer.title">{t("importPlan.signerTitle")}</Located>}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={["signer", "rank"]} label={t("importPlan.rank")}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name={["signer", "name"]} label={<Located id="signer.name">{t("importPlan.signerName")}</Located>}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The outline, nested as in the plan: number, heading and text of every section, editable at every depth. */
export function SectionsEditor({ name = ["sections"], depth = 0 }: { name?: Array<string | number>; depth?: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <div style={{ marginLeft: depth ? 16 : 0, borderLeft: depth ? "2px solid #f0f0f0" : undefined, paddingLeft: depth ? 8 : 0 }}>
          {rows.map((row) => (
            <div key={row.key} style={{ marginBottom: 8 }}>
              <Row gutter={6}>
                <Col span={4}>
                  <Form.Item name={[row.name, "number"]} style={{ marginBottom: 4 }}>
                    <Input placeholder={t("importPlan.sectionNumber")} />
                  </Form.Item>
                </Col>
                <Col span={19}>
                  <Form.Item name={[row.name, "heading"]} style={{ marginBottom: 4 }}>
                    <Input placeholder={t("importPlan.heading")} style={{ fontWeight: 500 }} />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} />
                </Col>
              </Row>
              <Form.Item name={[row.name, "text"]} style={{ marginBottom: 4 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} placeholder={t("importPlan.sectionText")} />
              </Form.Item>
              <SectionsEditor name={[row.name, "children"]} depth={depth + 1} />
            </div>
          ))}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ number: "", heading: "", text: "", children: [] })}
          >
            {depth ? t("importPlan.addSubsection") : t("importPlan.addSection")}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
