import { Button, Card, Empty } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompiledHeading } from "../../../contracts/report-compile";
import { showError, showSuccess } from "../../app/notify";
import { saveSection, useCompileAction } from "./compile-api";
import { RichTextEditor } from "./RichTextEditor";

type Doc = Record<string, unknown>;

interface Props {
  taskId: string;
  unitId?: string;
  headingId: string;
  compiled: CompiledHeading["compiled"];
  editable: boolean;
}

/**
 * The level's compiled draft of one heading, in the same editor as the units' sections (the same schema, checked
 * again by the server). Saving names the version it was loaded at: a pick or another tab in between is a 409.
 */
export function CompiledDraft({ taskId, unitId, headingId, compiled, editable }: Props) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<Doc | null>(null);
  const save = useCompileAction((next: Doc) =>
    saveSection(taskId, headingId, {
      ...(unitId ? { unitId } : {}),
      version: compiled?.version ?? 0,
      doc: next as { type: "doc"; content: unknown[] },
    }),
  );
  const onSave = () =>
    doc &&
    save
      .mutateAsync(doc)
      .then(() => {
        setDoc(null);
        showSuccess(t("reportCompile.saved"));
      })
      .catch((error) => showError(error, t("reportCompile.saveDraft")));
  return (
    <Card
      size="small"
      title={t("reportCompile.compiledDraft")}
      data-testid="compiled-draft"
      extra={
        editable &&
        compiled && (
          <Button type="primary" size="small" disabled={!doc} loading={save.isPending} onClick={onSave} data-testid="compiled-draft-save">
            {t("reportCompile.saveDraft")}
          </Button>
        )
      }
    >
      {compiled ? (
        <RichTextEditor
          // A pick or a save brings a new version: the editor reopens on the server's copy.
          key={compiled.version}
          initial={compiled.doc as Doc}
          editable={editable}
          onChange={setDoc}
          testId="compiled-draft-text"
          ariaLabel={t("reportCompile.compiledDraft")}
        />
      ) : (
        <Empty description={t("reportCompile.emptyDraft")} />
      )}
    </Card>
  );
}
