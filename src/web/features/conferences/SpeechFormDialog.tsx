import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, TimePicker } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_SPEECH_SECONDS, type SpeechView } from "../../../contracts/conference-program";
import { showSuccess } from "../../app/notify";
import { buttonProps } from "../../components/testId";
import { DATE_FORMAT } from "../../i18n/index";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreateSpeech, useUpdateSpeech } from "./program-api";

interface Values {
  topic: string;
  unitId: string;
  dueDate: Dayjs;
  dueTime: Dayjs | null;
  minutes: number;
}

/**
 * A new speech or an edit: topic, the unit that presents it, the deadline of its draft (the unit's obligation) and
 * the time on stage in minutes (7 by default). On an issued plan the unit stays; the deadline moves with the obligation.
 */
export function SpeechFormDialog({
  conferenceId,
  speech,
  open,
  issued,
  onClose,
}: {
  conferenceId: string;
  speech: SpeechView | null;
  open: boolean;
  issued: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateSpeech(conferenceId);
  const update = useUpdateSpeech(conferenceId);
  const error = create.error ?? update.error;

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    form.resetFields();
    if (speech)
      form.setFieldsValue({
        topic: speech.topic,
        unitId: speech.unitId ?? undefined,
        dueDate: speech.dueDate ? dayjs(speech.dueDate) : undefined,
        dueTime: speech.dueTime ? dayjs(`2000-01-01T${speech.dueTime}`) : null,
        minutes: Math.round(speech.timeLimitSeconds / 60),
      });
    else form.setFieldsValue({ minutes: DEFAULT_SPEECH_SECONDS / 60, dueTime: null });
    // Reset only when the dialog opens.
  }, [open]);

  const submit = (v: Values) => {
    const done = () => {
      showSuccess(t("program.speeches.saved"));
      onClose();
    };
    const dueDate = v.dueDate.format("YYYY-MM-DD");
    const dueTime = v.dueTime ? v.dueTime.format("HH:mm") : null;
    const timeLimitSeconds = Math.round(v.minutes * 60);
    if (speech) {
      const dueChanged = dueDate !== speech.dueDate || dueTime !== speech.dueTime;
      update.mutate(
        {
          speechId: speech.id,
          version: speech.version,
          topic: v.topic,
          timeLimitSeconds,
          ...(v.unitId && v.unitId !== speech.unitId ? { unitId: v.unitId } : {}),
          ...(dueChanged ? { dueDate, dueTime } : {}),
        },
        { onSuccess: done, onError: () => undefined },
      );
    } else
      create.mutate(
        { topic: v.topic, unitId: v.unitId, dueDate, dueTime, timeLimitSeconds },
        { onSuccess: done, onError: () => undefined },
      );
  };

  return (
    <Modal
      open={open}
      width={720}
      title={speech ? t("program.speeches.edit") : t("program.speeches.add")}
      okText={speech ? t("common.save") : t("common.create")}
      cancelText={t("common.cancel")}
      okButtonProps={buttonProps("speech-form-submit")}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} data-testid="speech-form-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="topic"
          label={t("program.speeches.topic")}
          rules={[{ required: true, whitespace: true, message: t("program.required") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="speech-form-topic" />
        </Form.Item>
        {issued && speech ? (
          // The unit of an issued plan's speech owes it already: it is shown, not changed.
          <Form.Item label={t("program.speeches.unit")} extra={t("program.speeches.unitFixed")}>
            <Input value={speech.unitName} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t("program.speeches.unit")} rules={[{ required: true, message: t("program.unitRequired") }]}>
            <UnitPicker testId="speech-form-unit" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="dueDate" label={t("program.speeches.dueDate")} rules={[{ required: true, message: t("program.dueRequired") }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="speech-form-due-date" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="dueTime" label={t("program.speeches.dueTime")}>
              <TimePicker format="HH:mm" minuteStep={5} style={{ width: "100%" }} data-testid="speech-form-due-time" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="minutes" label={t("program.speeches.minutes")} rules={[{ required: true, message: t("program.required") }]}>
              <InputNumber min={1} max={60} style={{ width: "100%" }} data-testid="speech-form-minutes" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
