import { useTranslation } from "react-i18next";
import { SpreadsheetImportDialog } from "../../components/SpreadsheetImportDialog";
import { useImportDelegates } from "./api";

/** Excel import in two steps, as for units: check (every row accepted or refused with its reason), then confirm. */
export function DelegateImportDialog({ conferenceId, open, onClose }: { conferenceId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const importDelegates = useImportDelegates(conferenceId);
  return (
    <SpreadsheetImportDialog
      open={open}
      onClose={onClose}
      sheetImport={importDelegates}
      texts="delegates.importDialog"
      testId="delegate-import"
      width={960}
      refusedFirst
      columns={[
        { title: t("delegates.fullName"), dataIndex: "fullName" },
        { title: t("delegates.title"), dataIndex: "title" },
        { title: t("delegates.unit"), dataIndex: "unitName" },
        { title: t("delegates.group"), dataIndex: "groupName", render: (name: string | null) => name ?? "—" },
        { title: t("delegates.phone"), dataIndex: "phone" },
      ]}
    />
  );
}
