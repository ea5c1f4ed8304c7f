import { RollbackOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ObligationDetail } from "../../../contracts/obligations";
import { AcceptButton, ReturnDialog } from "./ReviewControls";

/** The plan's manager returns a submission with a reason, or accepts it; both carry the version they saw. */
export function ReviewActions({ obligation }: { obligation: ObligationDetail }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  return (
    <Card size="small" title={t("obligations.review.title")} data-testid="review-actions">
      <Space>
        <AcceptButton obligation={obligation} testId="review-accept">
          {t("obligations.review.accept")}
        </AcceptButton>
        <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="review-return" data-safe-action="dialog">
          {t("obligations.review.return")}
        </Button>
      </Space>
      <ReturnDialog obligation={obligation} open={returning} onClose={() => setReturning(false)} testId="review-return" />
    </Card>
  );
}
