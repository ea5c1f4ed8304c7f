import { AlignmentType, Document, ImageRun, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { closingTable } from "./closing";
import { headerTable } from "./header";
import { bodyParagraph, centred, FONT, pageSection, SIZE, styles } from "./layout";
import { qrMatrix, qrPngOf } from "./qr";
import type { InvitationGuest, InvitationLetter } from "./types";
import { writeZip, type ZipPart, zipPart } from "./zip-writer";

/**
 * Giấy mời as .docx, made fast in bulk: the letter is built once by the docx package with a marker in each
 * personal field and a placeholder QR image, then each guest's copy is that package with the markers replaced in
 * `word/document.xml` and the QR image swapped, so 1,086 letters cost 1,086 small zips, not 1,086 layouts.
 */

const FIELDS = ["addressee", "position", "dressCode", "seat", "confirmUrl"] as const;
const marker = (f: (typeof FIELDS)[number]) => `@@${f.toUpperCase()}@@`;
export const QR_POINTS = 110;

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const line = (label: string, value: string) =>
  new Paragraph({
    spacing: { after: 80 },
    indent: { firstLine: 720 },
    children: [
      new TextRun({ text: `${label}: `, bold: true, font: FONT, size: SIZE.body }),
      new TextRun({ text: value, font: FONT, size: SIZE.body }),
    ],
  });

/** The letter with markers; the placeholder PNGs set the QR images' parts (replaced per guest). */
async function template(letter: InvitationLetter, placeholderPng: Buffer, entryPng: Buffer | null): Promise<Buffer> {
  const image = (data: Buffer) => new ImageRun({ type: "png", data, transformation: { width: QR_POINTS, height: QR_POINTS } });
  const children = [
    headerTable({ ...letter, recipients: [] }),
    new Paragraph({ spacing: { before: 360 }, children: [] }),
    centred("GIẤY MỜI", { bold: true, size: 32 }, { spacing: { after: 240 } }),
    centred(`Kính gửi: ${marker("addressee")}`, { bold: true, size: SIZE.body }, { spacing: { after: 0 } }),
    centred(marker("position"), { italics: true, size: SIZE.body }, { spacing: { after: 240 } }),
    bodyParagraph(`${letter.issuer} trân trọng kính mời đồng chí đến dự ${letter.conferenceTitle}.`),
    line("Thời gian", letter.time),
    line("Địa điểm", letter.venue),
    line("Trang phục", marker("dressCode")),
    line("Chỗ ngồi", marker("seat")),
    bodyParagraph("Đề nghị đồng chí xác báo tham dự (dự, vắng hoặc cử người dự thay) bằng cách quét mã QR dưới đây hoặc mở liên kết:"),
    // The codes' own line height: the document's fixed 1.3 lines crop the images in LibreOffice.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      children: entryPng ? [image(placeholderPng), new TextRun({ text: "\t\t" }), image(entryPng)] : [image(placeholderPng)],
    }),
    ...(entryPng
      ? [
          centred(
            "Quét để xác báo                              Mã vào cửa (xuất trình tại cửa hội trường)",
            { size: 20 },
            { spacing: { after: 0 } },
          ),
        ]
      : []),
    centred(marker("confirmUrl"), { size: 20 }, { spacing: { after: 120 } }),
    bodyParagraph("Rất mong đồng chí đến dự đúng giờ./."),
    closingTable(["Như trên", "Lưu: VT"], letter.signer),
  ];
  const document = new Document({
    creator: letter.issuer,
    title: `Giấy mời ${letter.conferenceTitle}`,
    styles,
    sections: [pageSection(children)],
  });
  return Packer.toBuffer(document);
}

export interface InvitationDocxMaker {
  /** One guest's letter as a .docx. */
  make(guest: InvitationGuest): Promise<Buffer>;
}

/** Prepares the template once for a batch: `const maker = await invitationDocxMaker(letter, { withEntry: true })`. */
export async function invitationDocxMaker(letter: InvitationLetter, { withEntry = false } = {}): Promise<InvitationDocxMaker> {
  // Two placeholders of different sizes, so their parts in the package are told apart by their bytes.
  const placeholderPng = qrPngOf(qrMatrix("kehoach"), 2);
  const entryPng = withEntry ? qrPngOf(qrMatrix("kehoach"), 3) : null;
  const zip = await JSZip.loadAsync(await template(letter, placeholderPng, entryPng));
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("docx template without word/document.xml");
  // Which image part is which QR: found by the placeholder's bytes.
  let confirmPart = "";
  let entryPart = "";
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("word/media/") && !zip.files[n].dir)) {
    const bytes = Buffer.from((await zip.file(name)?.async("uint8array")) ?? []);
    if (bytes.equals(placeholderPng)) confirmPart = name;
    else if (entryPng && bytes.equals(entryPng)) entryPart = name;
  }
  if (!confirmPart || (withEntry && !entryPart)) throw new Error("docx template without its QR images");
  // "[Content_Types].xml" first, as Word writes it; every unchanged part deflated once for the whole batch.
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  names.sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0));
  const changing = new Set(["word/document.xml", confirmPart, entryPart]);
  const fixed = new Map<string, ZipPart>();
  for (const name of names) {
    const bytes = changing.has(name) ? undefined : await zip.file(name)?.async("uint8array");
    if (bytes) fixed.set(name, zipPart(name, Buffer.from(bytes)));
  }
  return {
    async make(guest) {
      let filled = xml;
      for (const f of FIELDS)
        filled = filled.split(marker(f)).join(xmlEscape(guest[f] || (f === "seat" ? "Ban tổ chức sẽ hướng dẫn tại hội nghị" : "")));
      const part = (name: string) => {
        if (name === confirmPart) return zipPart(name, qrPngOf(guest.qr), false);
        if (name === entryPart) return zipPart(name, qrPngOf(guest.entryQr ?? qrMatrix("")), false);
        return zipPart(name, Buffer.from(filled, "utf8"));
      };
      return writeZip(names.map((name) => fixed.get(name) ?? part(name)));
    },
  };
}
