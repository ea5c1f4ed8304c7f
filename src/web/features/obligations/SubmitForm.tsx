import { SendOutlined, UploadOutlined } from "@ant-design/icons";
import type { UploadFile } from "antd";
import { Alert, Button, Card, Input, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ObligationDetail, uploadLimits } from "../../../contracts/obligations";
import { showSuccess } from "../../app/notify";
import { emptyHeld, HeldFields, heldComplete } from "../conferences/HeldFields";
import { useObligationHeld, useReportHeld } from "../conferences/held-api";
import { useSubmit } from "./api";

const accept = uploadLimits.extensions.map((e) => `.${e}`).join(",");

/**
 * Nộp báo cáo: text and files (checked here for type and size first; the server checks the bytes again). For a
 * conference each unit holds, the unit first reports when it was held, how many attended and where; the minutes
 * and photos are the files.
 */
export function SubmitForm({ obligation }: { obligation: ObligationDetail }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const resubmit = obligation.status === "returned";
  const heldQuery = useObligationHeld(obligation.id, obligation.deliverable === "conference");
  const perUnit = heldQuery.data?.conference ?? null;
  const reportHeld = useReportHeld();
  const [held, setHeld] = useState(emptyHeld);
  const saved = heldQuery.data?.report;
  useEffect(() => {
    if (saved) setHeld({ heldDate: saved.heldDate, heldTime: saved.heldTime, attendance: saved.attendance, venue: saved.venue });
  }, [saved]);

  const pick = (file: File) => {
    const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
    if (!(uploadLimits.extensions as readonly string[]).includes(ext))
      setProblem(t("obligations.submit.badType", { name: file.name, types: uploadLimits.extensions.join(", ") }));
    else if (file.size > uploadLimits.maxFileBytes)
      setProblem(t("obligations.submit.tooLarge", { name: file.name, mb: uploadLimits.maxFileBytes / 1024 / 1024 }));
    else if (files.length >= uploadLimits.maxFiles) setProblem(t("obligations.submit.tooMany", { count: uploadLimits.maxFiles }));
    else {
      setProblem(null);
      setFiles((list) => [
        ...list,
        { uid: `${Date.now()}-${file.name}`, name: file.name, status: "done", originFileObj: file as UploadFile["originFileObj"] },
      ]);
    }
    return false;
  };

  const send = async () => {
    if (perUnit) {
      try {
        await reportHeld.mutateAsync({ id: obligation.id, ...held, attendance: held.attendance as number });
      } catch {
        return; // the message is shown above the fields; nothing was submitted
      }
    }
    submit.mutate(
      { id: obligation.id, text, files: files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : [])) },
      {
        onSuccess: () => {
          setText("");
          setFiles([]);
          showSuccess(t("obligations.submit.done"));
        },
        onError: () => undefined,
      },
    );
  };

  return (
    <Card size="small" title={resubmit ? t("obligations.submit.resubmitTitle") : t("obligations.submit.title")} data-testid="submit-form">
      {submit.error && <Alert type="error" showIcon title={submit.error.message} style={{ marginBottom: 12 }} data-testid="submit-error" />}
      {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {perUnit && <HeldFields value={held} onChange={setHeld} error={reportHeld.error?.message} />}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={50_000}
        placeholder={t("obligations.submit.textPlaceholder")}
        data-testid="submit-text"
      />
      <Typography.Paragraph type="secondary" style={{ margin: "8px 0" }}>
        {t("obligations.submit.limits", {
          types: uploadLimits.extensions.join(", "),
          mb: uploadLimits.maxFileBytes / 1024 / 1024,
          count: uploadLimits.maxFiles,
        })}
      </Typography.Paragraph>
      <Upload
        multiple
        accept={accept}
        beforeUpload={pick}
        fileList={files}
        onRemove={(f) => setFiles((list) => list.filter((x) => x.uid !== f.uid))}
      >
        <Button icon={<UploadOutlined />} data-testid="submit-files">
          {t("obligations.submit.pickFiles")}
        </Button>
      </Upload>
      <Button
        type="primary"
        icon={<SendOutlined />}
        style={{ marginTop: 12 }}
        loading={submit.isPending || reportHeld.isPending}
        disabled={(!text.trim() && files.length === 0) || (perUnit !== null && !heldComplete(held))}
        onClick={send}
        data-testid="submit-send"
      >
        {resubmit ? t("obligations.submit.resubmit") : t("obligations.submit.send")}
      </Button>
    </Card>
  );
}
