import { describe, expect, it } from "vitest";
import { BEFORE_FIRST_HEADING, matchOutline } from "./docx-outline";
import { reportDocText } from "./rich-text";

const form = [
  { id: "I", number: "I", heading: "Tình hình chung" },
  { id: "I1", number: "1", heading: "Thuận lợi" },
  { id: "I2", number: "2", heading: "Khó khăn" },
  { id: "II", number: "II", heading: "Kết quả thực hiện nhiệm vụ" },
  { id: "II1", number: "1", heading: "Công tác tuyển quân" },
  { id: "III", number: "III", heading: "Phương hướng, nhiệm vụ năm 2027" },
];

describe("a .docx laid along the form", () => {
  it("matches headings by number and text, ignoring diacritics and tone placement, and keeps lists, tables and emphasis", () => {
    const html = [
      "<p><strong>ĐẢNG ỦY XÃ AN LƯ</strong></p><p>BÁO CÁO tổng kết</p>",
      "<h1>I. TÌNH HÌNH CHUNG</h1>",
      "<p>1. Thuận lợi</p><p>Được sự quan tâm của <em>cấp uỷ</em>.</p>",
      "<p><strong>2. Kho khan</strong></p><ul><li>Địa bàn rộng</li><li>Thời tiết</li></ul>",
      "<p>II. Kết quả thực hiện nhiệm vụ:</p>",
      "<p>1. Công tác tuyển quân</p><table><tr><th>Chỉ tiêu</th><th>Đạt</th></tr><tr><td><p>Tuyển quân</p></td><td>100%</td></tr></table>",
      "<p>IV. Kiến nghị, đề xuất</p><p>Đề nghị cấp trên hỗ trợ kinh phí.</p><script>alert(1)</script>",
    ].join("");
    const { blocks, emptyHeadingIds } = matchOutline(html, form);
    expect(blocks.map((b) => [b.title, b.headingId])).toEqual([
      [BEFORE_FIRST_HEADING, null],
      ["I. TÌNH HÌNH CHUNG", "I"],
      ["1. Thuận lợi", "I1"],
      ["2. Kho khan", "I2"],
      ["II. Kết quả thực hiện nhiệm vụ:", "II"],
      ["1. Công tác tuyển quân", "II1"],
      ["IV. Kiến nghị, đề xuất", null],
    ]);
    const byHeading = new Map(blocks.map((b) => [b.headingId ?? b.title, b]));
    expect(byHeading.get("I1")?.text).toBe("Được sự quan tâm của cấp uỷ.");
    expect(JSON.stringify(byHeading.get("I1")?.doc)).toContain('"type":"italic"');
    expect(byHeading.get("I2")?.doc.content?.map((n) => n.type)).toEqual(["bulletList"]);
    expect(byHeading.get("II1")?.doc.content?.map((n) => n.type)).toEqual(["table"]);
    expect(reportDocText(byHeading.get("II1")?.doc ?? { type: "doc" })).toBe("Chỉ tiêu\nĐạt\nTuyển quân\n100%");
    expect(byHeading.get("IV. Kiến nghị, đề xuất")?.text).toBe("Đề nghị cấp trên hỗ trợ kinh phí.");
    expect(JSON.stringify(blocks)).not.toContain("alert");
    // I and II hold only sub-headings; III is missing from the file.
    expect(emptyHeadingIds).toEqual(["I", "II", "III"]);
  });

  it("reads Word's automatic numbering (a list item that is a heading) and a body paragraph opening with a number as text", () => {
    const html =
      "<ol><li>Tình hình chung</li></ol><p>Ổn định.</p><p>1. Thuận lợi</p><p>1. Thuận lợi về cơ sở vật chất đã được các cơ quan cấp trên quan tâm đầu tư, sửa chữa, nâng cấp trong suốt năm 2026 vừa qua, đáp ứng yêu cầu nhiệm vụ.</p>";
    const { blocks } = matchOutline(html, form);
    expect(blocks.map((b) => b.headingId)).toEqual(["I", "I1"]);
    expect(blocks[1].text).toMatch(/^1\. Thuận lợi về cơ sở vật chất/);
  });

  it("refuses a file with no heading at all, saying what to do", () => {
    expect(() => matchOutline("<p>Một đoạn văn.</p><p>Đoạn thứ hai.</p>", form)).toThrow(
      /Không tìm thấy đề mục nào trong tệp \.docx.*chưa có gì được lưu/,
    );
  });
});
