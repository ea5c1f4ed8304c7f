import { describe, expect, it } from "vitest";
import { emptyReportDoc, MAX_SECTION_BYTES, type ReportDocJson, reportDocText, validateReportDoc } from "./rich-text";

const p = (text: string, marks?: ReportDocJson["marks"]): ReportDocJson => ({
  type: "paragraph",
  content: [{ type: "text", text, ...(marks ? { marks } : {}) }],
});
const doc = (...content: ReportDocJson[]): ReportDocJson => ({ type: "doc", content });

const cell = (type: string, text: string): ReportDocJson => ({ type, content: [p(text)] });
const wordLike = doc(
  { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Kết quả" }] },
  p("Đã tổ chức", [{ type: "bold" }]),
  {
    type: "bulletList",
    content: [{ type: "listItem", content: [p("Huấn luyện", [{ type: "italic" }, { type: "underline" }])] }],
  },
  { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p("Tuyển quân")] }] },
  {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "Chỉ tiêu"), cell("tableHeader", "Số")] },
      { type: "tableRow", content: [cell("tableCell", "Chi bộ"), { ...cell("tableCell", "12"), attrs: { colspan: 1, rowspan: 1 } }] },
    ],
  },
);

describe("a report section's document", () => {
  it("keeps paragraphs, headings, lists, bold/italic/underline and tables, and gives their text", () => {
    const { doc: stored, text } = validateReportDoc(wordLike);
    expect(stored.content?.map((n) => n.type)).toEqual(["heading", "paragraph", "bulletList", "orderedList", "table"]);
    expect(text).toBe("Kết quả\nĐã tổ chức\nHuấn luyện\nTuyển quân\nChỉ tiêu\nSố\nChi bộ\n12");
    expect(reportDocText(stored)).toBe(text);
    expect(validateReportDoc(emptyReportDoc()).text).toBe("");
  });

  const refused: Array<[string, unknown, string]> = [
    ["a script node", doc({ type: "script", content: [{ type: "text", text: "alert(1)" }] }), "«script»"],
    ["a style node", doc({ type: "style", content: [{ type: "text", text: "body{}" }] }), "«style»"],
    ["an iframe", doc({ type: "iframe", attrs: { src: "https://x" } }), "«iframe»"],
    ["an svg", doc({ type: "svg", attrs: { onload: "alert(1)" } }), "«svg»"],
    ["an image", doc({ type: "image", attrs: { src: "x", onerror: "alert(1)" } }), "«hình ảnh»"],
    ["a javascript: link", doc(p("bấm", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])), "«liên kết (link)»"],
    ["a code block", doc({ type: "codeBlock", content: [{ type: "text", text: "rm -rf" }] }), "«khối mã lệnh»"],
    ["an event handler on a paragraph", doc({ type: "paragraph", attrs: { onclick: "alert(1)" } }), "«onclick»"],
    ["a style attribute on a mark", doc(p("x", [{ type: "bold", attrs: { style: "color:red" } }])), "«style»"],
    ["raw HTML beside the text", doc({ type: "text", text: "x", html: "<script>alert(1)</script>" } as ReportDocJson), "«html»"],
    ["an object as an attribute value", doc({ type: "heading", attrs: { level: { toString: "x" } } }), "«level»"],
    ["text directly under the document", doc({ type: "text", text: "x" }), "cấu trúc sai"],
    [
      "a heading level the form owns",
      doc({ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }),
      "tiêu đề cấp khác 3–4",
    ],
    ["something that is not a document", { type: "paragraph" }, "phần gốc"],
    ["a string", "<p>x</p>", "không phải nội dung"],
  ];
  for (const [what, json, named] of refused)
    it(`refuses ${what}, naming what is not allowed`, () => {
      expect(() => validateReportDoc(json)).toThrow(named);
      expect(() => validateReportDoc(json)).toThrow("Báo cáo chỉ nhận đoạn văn");
    });

  it("refuses a section over 1 MB, saying how big it is and what to do", () => {
    const big = doc(...Array.from({ length: 60 }, () => p("x".repeat(20_000))));
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_SECTION_BYTES);
    expect(() => validateReportDoc(big)).toThrow(/dài quá 1 MB \(\d+ kB\)\. Hãy tách bớt/);
  });
});
