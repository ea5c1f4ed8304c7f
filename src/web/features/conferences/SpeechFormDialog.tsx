import { Col, Form, Input, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";
import { DEFAULT_SPEECH_SECONDS, type SpeechView } from "../../../contracts/conference-program";
import { showSuccess } from "../../app/notify";
import { FormDialog } from "../../components/FormDialog";
import { UnitPicker } from "../organisations/UnitPicker";
import { DueFields, type DueValues, dueFormValues, dueRequest } from "../plans/DueFields";
import { useCreateSpeech, useUpdateSpeech } from "./program-api";

interface Values extends DueValues {
  topic: string;
  unitId: string;
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
  const fill = () => {
    if (speech)
      form.setFieldsValue({
        topic: speech.topic,
        unitId: speech.unitId ?? undefined,
        ...dueFormValues(speech.dueDate, speech.dueTime),
        minutes: Math.round(speech.timeLimitSeconds / 60),
      });
    else form.setFieldsValue({ minutes: DEFAULT_SPEECH_SECONDS / 60, dueTime: null });
  };

  const submit = (v: Values) => {
    const done = () => {
      showSuccess(t("program.speeches.saved"));
      onClose();
    };
    const { dueDate, dueTime } = dueRequest(v);
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
    <FormDialog
      open={open}
      onClose={onClose}
      form={form}
      mutations={[create, update]}
      onOpen={fill}
      editing={Boolean(speech)}
      title={speech ? t("program.speeches.edit") : t("program.speeches.add")}
      width={720}
      submitTestId="speech-form-submit"
      errorTestId="speech-form-error"
    >
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
          <DueFields
            span={8}
            labels={{ date: t("program.speeches.dueDate"), dateRequired: t("program.dueRequired"), time: t("program.speeches.dueTime") }}
            testIds={{ date: "speech-form-due-date", time: "speech-form-due-time" }}
          />
          <Col span={8}>
            <Form.Item name="minutes" label={t("program.speeches.minutes")} rules={[{ required: true, message: t("program.required") }]}>
              <InputNumber min={1} max={60} style={{ width: "100%" }} data-testid="speech-form-minutes" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
