import { describe, expect, it } from "vitest";
import { appendPassage, docLines, docText, textParagraphs } from "./prose";

const text = (t: string) => ({ type: "text", text: t });
const p = (t: string) => ({ type: "paragraph", content: [text(t)] });

describe("reading the editor's documents", () => {
  it("turns paragraphs, lists and tables into the lines the .docx builder lays out", () => {
    const doc = {
      type: "doc",
      content: [
        p("Mở đầu"),
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [p("Một")] },
            { type: "listItem", content: [p("Hai")] },
          ],
        },
        { type: "orderedList", content: [{ type: "listItem", content: [p("Thứ nhất")] }] },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableHeader", content: [p("Xã")] },
                { type: "tableHeader", content: [p("Số | chi bộ")] },
              ],
            },
            {
              type: "tableRow",
              content: [
                { type: "tableCell", content: [p("An Lạc")] },
                { type: "tableCell", content: [p("10")] },
              ],
            },
          ],
        },
        { type: "paragraph", content: [] },
      ],
    };
    expect(docLines(doc)).toEqual(["Mở đầu", "- Một", "- Hai", "1. Thứ nhất", "| Xã | Số / chi bộ |", "| An Lạc | 10 |"]);
  });

  it("reads nothing from what is not a document", () => {
    expect(docText(null)).toBe("");
    expect(docText("<script>")).toBe("");
  });

  it("appends a passage after the unit's name in bold, keeping what the draft held", () => {
    const first = appendPassage(null, "Xã An Lạc", textParagraphs("Dòng một\n\n  Dòng hai "));
    const second = appendPassage(first, "Xã Bình Minh", [p("Đoạn chọn")]);
    expect(docText(second)).toBe("Xã An Lạc:\nDòng một\nDòng hai\nXã Bình Minh:\nĐoạn chọn");
    expect(second.content[0]).toMatchObject({ content: [{ marks: [{ type: "bold" }] }] });
  });
});
