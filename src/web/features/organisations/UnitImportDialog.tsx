import { useTranslation } from "react-i18next";
import { SpreadsheetImportDialog } from "../../components/SpreadsheetImportDialog";
import { useImportUnits } from "./api";
import { kindLabel, treeLabel } from "./labels";

/** Units from an Excel sheet: checked row by row first, written on confirmation. */
export function UnitImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const importUnits = useImportUnits();
  return (
    <SpreadsheetImportDialog
      open={open}
      onClose={onClose}
      sheetImport={importUnits}
      texts="unitImport"
      testId="unit-import"
      width={900}
      columns={[
        { title: t("organisations.name"), dataIndex: "name" },
        { title: t("organisations.kind"), dataIndex: "kind", render: (kind: string) => kindLabel(kind, t) },
        { title: t("organisations.tree"), dataIndex: "tree", render: (tree: string) => treeLabel(tree, t) },
        { title: t("organisations.parent"), dataIndex: "parentName", render: (name: string | null) => name ?? "—" },
      ]}
    />
  );
}
