import { Document, Packer, Paragraph, TextRun } from "docx";
import { closingTable } from "./closing";
import { headerTable } from "./header";
import { bodyParagraph, centred, FONT, pageSection, SIZE, SPACING, styles } from "./layout";
import { gridTable } from "./outline";
import type { UrgingLetterDocument } from "./types";

/** Twips: TT, unit, what is owed, deadline, state. */
const COLUMNS = [567, 2268, 2835, 1701, 1983];

const STATE_LABEL = { overdue: "Quá hạn, chưa gửi", returned: "Bị trả lại, chưa gửi lại" } as const;

/**
 * A công văn đôn đốc as an official .docx: header with `V/v …` under the number, `Kính gửi:` the late units,
 * the reminder, a table of what each unit owes and by when, then Nơi nhận beside the signature.
 * `const buffer = await buildUrgingLetterDocx(letter)`
 */
export async function buildUrgingLetterDocx(doc: UrgingLetterDocument): Promise<Buffer> {
  const subject = centred(doc.subject, { size: SIZE.small }, { spacing: { before: 60, after: 0, line: SPACING.tight } });
  const addressees = doc.lateUnits.map((u) => u.unit);
  const rows: string[][] = [["TT", "Đơn vị", "Nội dung phải thực hiện", "Hạn", "Tình trạng"]];
  let n = 0;
  for (const unit of doc.lateUnits) {
    for (const item of unit.items) {
      n += 1;
      const state = STATE_LABEL[item.state] + (item.note ? ` (lý do: ${item.note})` : "");
      rows.push([String(n), unit.unit, item.what, item.due, state]);
    }
  }
  const children = [
    headerTable(doc, [subject]),
    new Paragraph({ spacing: { before: 360, after: 120 }, children: [] }),
    kinhGui(addressees),
    bodyParagraph(`Thực hiện ${doc.planReference}, đến ${doc.asOf}, các đơn vị dưới đây chưa hoàn thành nội dung được giao đúng thời hạn:`),
    gridTable(rows, { widths: COLUMNS }),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
    bodyParagraph(
      `Đề nghị thủ trưởng các đơn vị trên khẩn trương thực hiện, gửi kết quả qua hệ thống; nội dung bị trả lại thì chỉnh sửa theo ý kiến đã nêu rồi gửi lại. Quá trình thực hiện có vướng mắc, báo cáo về cơ quan ban hành kế hoạch để được hướng dẫn./.`,
    ),
    closingTable(["Như trên", ...doc.recipients], doc.signer),
  ];
  const document = new Document({ creator: doc.issuer, title: doc.subject, styles, sections: [pageSection(children)] });
  return Packer.toBuffer(document);
}

/** `Kính gửi:` followed by one addressee, or a dashed list when there are several. */
function kinhGui(addressees: string[]): Paragraph {
  const runs = [new TextRun({ text: "Kính gửi: ", size: SIZE.body, font: FONT })];
  if (addressees.length === 1) runs.push(new TextRun({ text: `${addressees[0]}.`, size: SIZE.body, font: FONT }));
  else
    addressees.forEach((a, i) =>
      runs.push(
        new TextRun({ text: `- ${a}${i === addressees.length - 1 ? "." : ";"}`, size: SIZE.body, font: FONT, break: i === 0 ? 0 : 1 }),
      ),
    );
  return new Paragraph({ indent: { left: 2268, hanging: 1134 }, spacing: { after: 120 }, children: runs });
}
