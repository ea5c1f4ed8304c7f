import { FileDoneOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { ImportResult } from "../../../contracts/importer";
import type { UnitView } from "../../../contracts/organisations";
import { canManageUnit } from "../../app/access";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { buttonProps } from "../../components/testId";
import { UnitPicker } from "../organisations/UnitPicker";
import { useCreateFromImport } from "./api";

/**
 * "Tạo kế hoạch nháp" on the import page: the reviewed result becomes a draft of the chosen issuing unit, with its
 * deadlines as tasks; the user lands on the new plan. `getResult` returns the reviewed result, or null when the
 * form is invalid (the import page then shows why).
 */
export function CreateFromImportButton({ getResult }: { getResult: () => ImportResult | null }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const create = useCreateFromImport();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [issuerUnitId, setIssuerUnitId] = useState<string | undefined>();
  const mayCreate = me.isAdmin || me.grants.some((g) => g.role === "manager");
  if (!mayCreate) return null;
  const close = () => {
    setResult(null);
    create.reset();
  };
  return (
    <>
      <Button
        type="primary"
        icon={<FileDoneOutlined />}
        data-testid="import-create-plan"
        onClick={() => {
          const reviewed = getResult();
          if (reviewed) setResult(reviewed);
        }}
      >
        {t("plans.fromImport.open")}
      </Button>
      <Modal
        open={result !== null}
        title={t("plans.fromImport.title")}
        okText={t("plans.fromImport.create")}
        cancelText={t("common.cancel")}
        okButtonProps={{ ...buttonProps("import-create-plan-confirm"), disabled: !issuerUnitId }}
        confirmLoading={create.isPending}
        onCancel={close}
        onOk={() =>
          result &&
          issuerUnitId &&
          create.mutate(
            { result, issuerUnitId },
            {
              onSuccess: ({ plan, warnings }) => {
                showSuccess(t("plans.fromImport.done", { count: plan.tasks.length }));
                close();
                void navigate(`/plans/${plan.id}/tasks`, { state: { warnings } });
              },
              onError: () => undefined,
            },
          )
        }
      >
        {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>
          {t("plans.fromImport.help", { issuer: result?.issuer ?? "—", count: result?.deadlines.length ?? 0 })}
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t("plans.issuer")} required>
            <UnitPicker
              value={issuerUnitId}
              onChange={setIssuerUnitId}
              allowed={(u: UnitView) => canManageUnit(me, u.path)}
              testId="import-create-plan-issuer"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
