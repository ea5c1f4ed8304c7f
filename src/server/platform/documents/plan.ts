import { Document, Packer, Paragraph } from "docx";
import { closingTable } from "./closing";
import { headerTable } from "./header";
import { bodyParagraph, centred, pageSection, SIZE, SPACING, shortRule, styles, TEXT_WIDTH } from "./layout";
import { outlineBlocks } from "./outline";
import type { PlanDocument } from "./types";

/**
 * The plan as an official .docx: header table, type name, title with its rule, legal bases in italics,
 * the preamble, the outline, then Nơi nhận beside the signature.
 * `const buffer = await buildPlanDocx(plan)`
 */
export async function buildPlanDocx(doc: PlanDocument): Promise<Buffer> {
  const titleLines = doc.title
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const children = [
    headerTable(doc),
    centred(doc.typeName, { bold: true, caps: true, size: SIZE.body }, { spacing: { before: 360, after: 0, line: SPACING.tight } }),
    ...titleLines.map((line) => centred(line, { bold: true, size: SIZE.body })),
    shortRule(TEXT_WIDTH, 1800),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
    ...doc.legalBases.map((basis) => bodyParagraph(basis, { italics: true })),
    ...(doc.preamble ? [bodyParagraph(doc.preamble)] : []),
    ...outlineBlocks(doc.sections),
    closingTable(doc.recipients, doc.signer),
  ];
  const document = new Document({
    creator: doc.issuer,
    title: `${doc.typeName} ${doc.title}`.replace(/\s+/g, " "),
    styles,
    sections: [pageSection(children)],
  });
  return Packer.toBuffer(document);
}
