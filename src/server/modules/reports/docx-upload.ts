import mammoth from "mammoth";
import type { DocxPreview } from "../../../contracts/reports";
import { matchOutline } from "../../../domain/reports/docx-outline";
import { ReportDocError } from "../../../domain/reports/rich-text";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { checkOfficeZip } from "../../platform/files/office";
import { bufferSource } from "../../platform/files/zip-guard";
import { presentFormOf } from "./forms";
import { assertReportEditable, invalid } from "./policy";
import { reportContext } from "./values";

/**
 * A unit's report uploaded as one .docx: read, laid along the form (domain/reports/docx-outline) and answered as
 * a preview. Nothing is saved here: the unit places what did not match and confirms, which saves the sections
 * (PUT …/report/sections) with their versions, all or nothing.
 */

const ZIP_MAGIC = 0x04034b50;

export interface PreviewDocxOptions {
  actor: Actor;
  obligationId: string;
  fileName: string;
  content: Buffer;
}

export async function previewDocx(db: Db, { actor, obligationId, fileName, content }: PreviewDocxOptions): Promise<DocxPreview> {
  const context = await reportContext(db, actor, obligationId, true);
  assertReportEditable(context.obligation, "nội dung");
  // The type is read from the bytes, not the name: a .docx is a zip holding word/document.xml, inflated under a cap.
  if (content.length < 4 || content.readUInt32LE(0) !== ZIP_MAGIC)
    throw new AppError(
      "INVALID_FILE",
      `Tệp "${fileName}" không phải tệp Word (.docx). Nếu là tệp .doc cũ hoặc .pdf, hãy mở bằng Word và lưu thành .docx rồi tải lên.`,
    );
  await checkOfficeZip(fileName, "docx", bufferSource(content));
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: content })).value;
  } catch {
    throw new AppError("INVALID_FILE", `Không đọc được tệp "${fileName}". Hãy mở bằng Word, lưu lại rồi tải lên.`);
  }
  const form = await presentFormOf(db, actor, context.task, context.form);
  try {
    const { blocks, emptyHeadingIds } = matchOutline(html, form.headings);
    return {
      fileName,
      blocks: blocks.map((b) => ({
        title: b.title,
        headingId: b.headingId,
        doc: b.doc as unknown as Record<string, unknown>,
        excerpt: b.text.slice(0, 200),
      })),
      emptyHeadingIds,
    };
  } catch (error) {
    if (error instanceof ReportDocError) throw invalid(error.message);
    throw error;
  }
}
