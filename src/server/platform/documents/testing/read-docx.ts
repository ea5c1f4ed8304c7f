import JSZip from "jszip";

/** One paragraph of a produced .docx as a test sees it. */
export interface DocxParagraph {
  text: string;
  /** Every run with text is bold / italic. */
  bold: boolean;
  italics: boolean;
  /** Half-point sizes of the runs with text. */
  sizes: number[];
  alignment: string | null;
  firstLine: number | null;
  /** Inside a table cell. */
  inTable: boolean;
}

export interface ReadDocx {
  documentXml: string;
  stylesXml: string;
  paragraphs: DocxParagraph[];
  /** The text of all paragraphs joined by new lines, in document order. */
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Opens a .docx (a zip) and lists its body paragraphs with their formatting. */
export async function readDocx(buffer: Buffer): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const paragraphs: DocxParagraph[] = [];
  // Track table depth by scanning tags in order, so each paragraph knows whether it sits in a cell.
  let depth = 0;
  const tokens = documentXml.matchAll(/<w:tbl>|<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g);
  for (const [token] of tokens) {
    if (token === "<w:tbl>") depth++;
    else if (token === "</w:tbl>") depth--;
    else paragraphs.push(readParagraph(token, depth > 0));
  }
  return { documentXml, stylesXml, paragraphs, text: paragraphs.map((p) => p.text).join("\n") };
}

function readParagraph(xml: string, inTable: boolean): DocxParagraph {
  const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => ({
    text: decode([...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
    bold: /<w:b\/>|<w:b w:val="(?:true|1)"\/>/.test(r),
    italics: /<w:i\/>|<w:i w:val="(?:true|1)"\/>/.test(r),
    size: Number(/<w:sz w:val="(\d+)"/.exec(r)?.[1] ?? NaN),
  }));
  const withText = runs.filter((r) => r.text.trim() !== "");
  return {
    text: runs.map((r) => r.text).join(""),
    bold: withText.length > 0 && withText.every((r) => r.bold),
    italics: withText.length > 0 && withText.every((r) => r.italics),
    sizes: withText.map((r) => r.size),
    alignment: /<w:jc w:val="(\w+)"/.exec(xml)?.[1] ?? null,
    firstLine: Number(/w:firstLine="(\d+)"/.exec(xml)?.[1] ?? NaN) || null,
    inTable,
  };
}

/** Paragraphs holding an image whose line height is fixed (LibreOffice crops the image to it). */
export const croppedImages = (xml: string) =>
  [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:drawing>[\s\S]*?<\/w:p>/g)].filter(([p]) => !/w:lineRule="auto"/.test(p)).length;
