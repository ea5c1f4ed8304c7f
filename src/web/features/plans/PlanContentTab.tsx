import { SaveOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Col, DatePicker, Form, Input, Row, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanDetail } from "../../../contracts/plans";
import { ApiError } from "../../app/api";
import { showSuccess } from "../../app/notify";
import { queryKeys } from "../../app/queryKeys";
import { DATE_FORMAT } from "../../i18n/index";
import { fetchPlan, useAmendPlan, useUpdatePlan } from "./api";
import { LegalBasesEditor } from "./LegalBasesEditor";
import { changedFields, type PlanFormValues, toChanges, toFormValues } from "./planForm";
import { SectionsEditor } from "./SectionsEditor";

/**
 * Nội dung: every part of the plan. A draft is edited and saved against the version it was loaded at; an
 * issued plan changes only through an amendment with a note. When someone else saved first (409), the
 * message is shown and the user's text stays in the form, so nothing typed is lost.
 */
export function PlanContentTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanFormValues>();
  const [baseVersion, setBaseVersion] = useState(plan.version);
  const [note, setNote] = useState("");
  const update = useUpdatePlan();
  const amend = useAmendPlan();
  const error = update.error ?? amend.error;
  const conflict = error instanceof ApiError && error.code === "VERSION_CONFLICT";
  // A number already used by the issuer that year: the message names the other plan; the field shows it too.
  const onError = (e: Error) => {
    if (e instanceof ApiError && e.code === "DUPLICATE") form.setFields([{ name: "number", errors: [e.message] }]);
  };
  const editable = plan.canManage && plan.status !== "closed";
  const amending = plan.status === "issued";

  // Load the form when another plan is shown, never on a background refresh that would wipe typing.
  useEffect(() => {
    form.setFieldsValue(toFormValues(plan));
    setBaseVersion(plan.version);
  }, [plan.id]);

  const reloadFromServer = () =>
    queryClient.fetchQuery({ queryKey: queryKeys.plans.detail(plan.id), queryFn: () => fetchPlan(plan.id), staleTime: 0 });
  const saved = (fresh: PlanDetail) => {
    form.setFieldsValue(toFormValues(fresh));
    setBaseVersion(fresh.version);
    setNote("");
    update.reset();
    amend.reset();
    showSuccess(amending ? t("plans.content.amended") : t("plans.content.saved"));
  };

  const save = (version: number) => {
    const changes = toChanges(form.getFieldsValue(true) as PlanFormValues);
    const onSuccess = (fresh: PlanDetail) => saved(fresh);
    if (amending) {
      const diff = changedFields(plan, changes);
      amend.mutate({ id: plan.id, note, changes: diff, version }, { onSuccess, onError });
    } else update.mutate({ id: plan.id, ...changes, version }, { onSuccess, onError });
  };
  // After a 409: save the user's text over the newer version, on purpose.
  const overwrite = async () => save((await reloadFromServer()).version);
  const discard = async () => {
    const fresh = await reloadFromServer();
    form.setFieldsValue(toFormValues(fresh));
    setBaseVersion(fresh.version);
    update.reset();
    amend.reset();
  };

  return (
    <Form<PlanFormValues>
      form={form}
      layout="vertical"
      disabled={!editable}
      onFinish={() => save(baseVersion)}
      data-testid="plan-content-form"
    >
      {error && (
        <Alert
          type={conflict ? "warning" : "error"}
          showIcon
          title={error.message}
          description={conflict ? t("plans.content.conflictHelp") : undefined}
          style={{ marginBottom: 12 }}
          data-testid="plan-content-error"
          action={
            conflict && (
              <Space orientation="vertical">
                <Button size="small" disabled={false} onClick={() => void overwrite()} data-testid="plan-content-overwrite">
                  {t("plans.content.overwrite")}
                </Button>
                <Button size="small" danger disabled={false} onClick={() => void discard()}>
                  {t("plans.content.discard")}
                </Button>
              </Space>
            )
          }
        />
      )}
      {!plan.canManage && <Alert type="info" showIcon title={t("plans.content.readOnly")} style={{ marginBottom: 12 }} />}
      {plan.canManage && amending && <Alert type="info" showIcon title={t("plans.content.issuedHelp")} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="number" label={t("plans.number")}>
            <Input data-testid="plan-content-number" />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="typeCode" label={t("plans.content.typeCode")}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="place" label={t("plans.content.place")}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="issuedOn" label={t("plans.issuedOn")}>
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t("plans.planTitle")}
        rules={[{ required: true, whitespace: true, message: t("plans.titleRequired") }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="plan-content-title" />
      </Form.Item>
      <Form.Item label={t("plans.content.legalBases")}>
        <LegalBasesEditor disabled={!editable} />
      </Form.Item>
      <Form.Item name="purpose" label={t("plans.content.purpose")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} data-testid="plan-content-purpose" />
      </Form.Item>
      <Form.Item name="requirements" label={t("plans.content.requirements")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} />
      </Form.Item>
      <Form.Item label={t("plans.content.sections")}>
        <SectionsEditor name={["sections"]} disabled={!editable} />
      </Form.Item>
      <Form.Item name="budget" label={t("plans.content.budget")}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="recipients" label={t("plans.content.recipients")} extra={t("plans.content.recipientsHelp")}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t("plans.content.signer")}</Typography.Text>
          <Form.Item name={["signer", "authority"]} label={t("plans.content.authority")} extra={t("plans.content.authorityHelp")}>
            <Input />
          </Form.Item>
          <Form.Item name={["signer", "title"]} label={t("plans.content.signerTitle")}>
            <Input />
          </Form.Item>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name={["signer", "rank"]} label={t("plans.content.rank")} style={{ width: "40%" }}>
              <Input />
            </Form.Item>
            <Form.Item name={["signer", "name"]} label={t("plans.content.signerName")} style={{ width: "60%" }}>
              <Input />
            </Form.Item>
          </Space.Compact>
        </Col>
      </Row>
      {editable && (
        <Space align="end" wrap>
          {amending && (
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t("plans.content.amendNote")}
              autoSize={{ minRows: 1, maxRows: 4 }}
              style={{ width: 480, maxWidth: "calc(100vw - 48px)" }}
              data-testid="plan-amend-note"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={update.isPending || amend.isPending}
            disabled={amending && !note.trim()}
            data-testid="plan-content-save"
          >
            {amending ? t("plans.content.amend") : t("common.save")}
          </Button>
        </Space>
      )}
    </Form>
  );
}
