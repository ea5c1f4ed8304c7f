import { Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import type { AwardView } from "../../../contracts/conference-program";
import type { AwardKind } from "../../../contracts/conferences";
import { showSuccess } from "../../app/notify";
import { FormDialog } from "../../components/FormDialog";
import { useCreateAward, useUpdateAward } from "./program-api";

interface Values {
  kind: AwardKind;
  recipient: string;
  recipientTitle: string;
  form: string;
  citation: string;
  presenter: string;
}

/** A new award or an edit: collective or individual, recipient, position, form of award, citation and who presents it. */
export function AwardFormDialog({
  conferenceId,
  award,
  open,
  onClose,
}: {
  conferenceId: string;
  award: AwardView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateAward(conferenceId);
  const update = useUpdateAward(conferenceId);
  const fill = () =>
    form.setFieldsValue(
      award
        ? {
            kind: award.kind,
            recipient: award.recipient,
            recipientTitle: award.recipientTitle,
            form: award.form,
            citation: award.citation,
            presenter: award.presenter,
          }
        : { kind: "collective", recipientTitle: "", form: "", citation: "", presenter: "" },
    );

  const submit = (v: Values) => {
    const done = () => {
      showSuccess(t("program.awards.saved"));
      onClose();
    };
    const body = {
      ...v,
      recipientTitle: v.recipientTitle ?? "",
      form: v.form ?? "",
      citation: v.citation ?? "",
      presenter: v.presenter ?? "",
    };
    if (award) update.mutate({ awardId: award.id, version: award.version, ...body }, { onSuccess: done, onError: () => undefined });
    else create.mutate(body, { onSuccess: done, onError: () => undefined });
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      form={form}
      mutations={[create, update]}
      onOpen={fill}
      editing={Boolean(award)}
      title={award ? t("program.awards.edit") : t("program.awards.add")}
      width={680}
      submitTestId="award-form-submit"
      errorTestId="award-form-error"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="kind" label={t("program.awards.kind")}>
          <Radio.Group
            options={[
              { value: "collective", label: t("program.awards.kinds.collective") },
              { value: "individual", label: t("program.awards.kinds.individual") },
            ]}
            data-testid="award-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="recipient"
          label={t("program.awards.recipient")}
          rules={[{ required: true, whitespace: true, message: t("program.required") }]}
        >
          <Input data-testid="award-form-recipient" />
        </Form.Item>
        <Form.Item name="recipientTitle" label={t("program.awards.recipientTitle")}>
          <Input data-testid="award-form-title" />
        </Form.Item>
        <Form.Item name="form" label={t("program.awards.form")}>
          <Input placeholder={t("program.awards.formPlaceholder")} data-testid="award-form-form" />
        </Form.Item>
        <Form.Item name="citation" label={t("program.awards.citation")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="award-form-citation" />
        </Form.Item>
        <Form.Item name="presenter" label={t("program.awards.presenter")}>
          <Input data-testid="award-form-presenter" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
