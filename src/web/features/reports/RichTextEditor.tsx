import {
  BoldOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  TableOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { Button, Space, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { reportExtensions } from "../../../domain/reports/rich-text";
import "./rich-text.css";

type Doc = Record<string, unknown>;

export interface RichTextEditorProps {
  /** The document it opens with (remount with a new `key` to replace it). */
  initial: Doc;
  onChange?: (doc: Doc) => void;
  editable?: boolean;
  /** data-testid of the editing area; the toolbar's buttons get `${testId}-bold` etc. */
  testId?: string;
  ariaLabel?: string;
}

/**
 * The report editor, reusable wherever a report's text is written or compiled: the allowed schema of
 * domain/reports/rich-text (what Word pastes beyond it is dropped by the editor and refused by the server),
 * with a small toolbar: bold, italic, underline, lists, a table and its rows.
 */
export function RichTextEditor({ initial, onChange, editable = true, testId = "rich-text", ariaLabel }: RichTextEditorProps) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: reportExtensions(),
    content: initial,
    editable,
    onUpdate: ({ editor: e }) => onChange?.(e.getJSON() as Doc),
    editorProps: {
      attributes: { "data-testid": testId, "aria-label": ariaLabel ?? t("reportWriting.editor.label"), class: "report-text" },
    },
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      underline: e?.isActive("underline") ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
      table: e?.isActive("table") ?? false,
    }),
  });
  const tool = (name: string, icon: ReactNode, run: () => void, on = false, disabled = false) => (
    <Tooltip title={t(`reportWriting.editor.${name}`)} key={name}>
      <Button
        size="small"
        type={on ? "primary" : "text"}
        icon={icon}
        aria-label={t(`reportWriting.editor.${name}`)}
        aria-pressed={on}
        disabled={disabled}
        data-testid={`${testId}-${name}`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  return (
    <div className="report-editor" data-editable={editable}>
      {editable && (
        <Space size={2} wrap className="report-editor-toolbar">
          {tool("bold", <BoldOutlined />, () => chain().toggleBold().run(), active?.bold)}
          {tool("italic", <ItalicOutlined />, () => chain().toggleItalic().run(), active?.italic)}
          {tool("underline", <UnderlineOutlined />, () => chain().toggleUnderline().run(), active?.underline)}
          {tool("bulletList", <UnorderedListOutlined />, () => chain().toggleBulletList().run(), active?.bulletList)}
          {tool("orderedList", <OrderedListOutlined />, () => chain().toggleOrderedList().run(), active?.orderedList)}
          {tool(
            "table",
            <TableOutlined />,
            () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
            false,
            active?.table,
          )}
          {tool("addRow", <InsertRowBelowOutlined />, () => chain().addRowAfter().run(), false, !active?.table)}
          {tool("deleteTable", <DeleteRowOutlined />, () => chain().deleteTable().run(), false, !active?.table)}
        </Space>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
