import { FileOutlined, RollbackOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ProgramObligation } from "../../../contracts/conference-program";
import { fileUrl } from "../obligations/api";
import { obligationStatusColors } from "../obligations/labels";
import { AcceptButton, ReturnDialog } from "../obligations/ReviewControls";

/**
 * The obligation behind a speech or a logistics task, in a table cell: its status (late, overdue, returned with
 * the reason), the draft's files, a link to upload for the unit, and approve / return for the plan's reviewers,
 * through the obligation's own review (the same endpoints as the obligation page).
 */
export function ObligationStatus({ obligation }: { obligation: ProgramObligation | null }) {
  const { t } = useTranslation();
  if (!obligation)
    return (
      <Tag data-testid="program-status" data-status="none">
        {t("program.notIssued")}
      </Tag>
    );
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag color={obligationStatusColors[obligation.status]} data-testid="program-status" data-status={obligation.status}>
          {t(`obligations.status.${obligation.status}`)}
        </Tag>
        {obligation.late && (
          <Tag color="red" data-testid="program-late">
            {t("obligations.lateTag")}
          </Tag>
        )}
        {obligation.overdue && (
          <Tag color="red" data-testid="program-overdue">
            {t("obligations.overdueTag")}
          </Tag>
        )}
      </Space>
      {obligation.status === "returned" && obligation.returnedReason && (
        <Typography.Text type="danger" data-testid="program-returned-reason">
          {t("program.returnedReason", { reason: obligation.returnedReason })}
        </Typography.Text>
      )}
      {obligation.files.map((f) => (
        <a key={f.id} href={fileUrl(f.id)} data-testid="program-file">
          <FileOutlined /> {f.fileName}
        </a>
      ))}
    </Space>
  );
}

/** Upload (a link to the obligation page, where the unit submits) and the reviewers' approve and return. */
export function ObligationActions({ obligation }: { obligation: ProgramObligation | null }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  if (!obligation) return null;
  const owed = obligation.status === "open" || obligation.status === "returned";
  const reviewable = obligation.canReview && obligation.status === "submitted";
  return (
    <Space size={4} wrap>
      {obligation.canSubmit && owed && (
        <Link to={`/obligations/${obligation.id}`} data-testid="program-upload">
          <UploadOutlined /> {t("program.upload")}
        </Link>
      )}
      {reviewable && (
        <>
          <AcceptButton obligation={obligation} testId="program-approve" size="small">
            {t("program.approve")}
          </AcceptButton>
          <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="program-return">
            {t("obligations.review.return")}
          </Button>
        </>
      )}
      <ReturnDialog obligation={obligation} open={returning} onClose={() => setReturning(false)} testId="program-return" />
    </Space>
  );
}
