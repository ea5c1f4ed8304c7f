import { describe, expect, it } from "vitest";
import { placeDate, recipientLines } from "./format";
import { buildPlanDocx } from "./plan";
import { type DocxParagraph, readDocx } from "./testing/read-docx";
import { seed000, seed001, seed002, urgingLetter } from "./testing/seed-documents";
import { buildUrgingLetterDocx } from "./urging-letter";

const twipsToMm = (t: number) => (t / 1440) * 25.4;

/** Index of the first paragraph whose text matches, failing loudly when absent. */
function indexOf(paragraphs: DocxParagraph[], match: RegExp | string, from = 0): number {
  const i = paragraphs.findIndex((p, k) => k >= from && (typeof match === "string" ? p.text === match : match.test(p.text)));
  if (i < 0) throw new Error(`no paragraph matches ${String(match)}`);
  return i;
}

function pageSettings(xml: string) {
  const size = /<w:pgSz ([^>]*)\/>/.exec(xml)?.[1] ?? "";
  const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? "";
  const attr = (s: string, name: string) => Number(new RegExp(`w:${name}="(-?\\d+)"`).exec(s)?.[1]);
  return {
    width: attr(size, "w"),
    height: attr(size, "h"),
    orient: /w:orient="(\w+)"/.exec(size)?.[1] ?? "portrait",
    top: twipsToMm(attr(margin, "top")),
    bottom: twipsToMm(attr(margin, "bottom")),
    left: twipsToMm(attr(margin, "left")),
    right: twipsToMm(attr(margin, "right")),
  };
}

describe("plan .docx in the official layout", () => {
  for (const [name, seed] of [
    ["state (seed 000)", seed000],
    ["state (seed 002)", seed002],
    ["Party (seed 001)", seed001],
  ] as const) {
    it(`is A4 portrait with margins, font and body size of Nghị định 30 — ${name}`, async () => {
      const docx = await readDocx(await buildPlanDocx(seed));
      const page = pageSettings(docx.documentXml);
      expect([page.width, page.height, page.orient]).toEqual([11906, 16838, "portrait"]);
      expect(page.top).toBeGreaterThanOrEqual(20);
      expect(page.top).toBeLessThanOrEqual(25);
      expect(page.bottom).toBeGreaterThanOrEqual(20);
      expect(page.bottom).toBeLessThanOrEqual(25);
      expect(page.left).toBeGreaterThanOrEqual(30);
      expect(page.left).toBeLessThanOrEqual(35);
      expect(page.right).toBeGreaterThanOrEqual(15);
      expect(page.right).toBeLessThanOrEqual(20);
      // The default font and size of the whole document, and every run names the font too.
      expect(docx.stylesXml).toMatch(
        /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"\/><w:sz w:val="2[68]"\/>/,
      );
      const fonts = new Set([...docx.documentXml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
      expect([...fonts]).toEqual(["Times New Roman"]);
      // Body paragraphs: justified, first-line indent 1–1.27 cm, 13–14 pt, ≥ 6 pt after, spacing 1–1.5.
      const body = docx.paragraphs.filter((p) => !p.inTable && p.alignment === "both");
      expect(body.length).toBeGreaterThanOrEqual(2);
      for (const p of body) {
        expect(p.firstLine).toBeGreaterThanOrEqual(567);
        expect(p.firstLine).toBeLessThanOrEqual(720);
        for (const s of p.sizes) expect([26, 28]).toContain(Number.isNaN(s) ? 28 : s);
      }
      expect(docx.stylesXml).toMatch(/<w:spacing w:after="(\d+)" w:line="(\d+)"\/>/);
      const [, after, line] = /<w:spacing w:after="(\d+)" w:line="(\d+)"\/>/.exec(docx.stylesXml) ?? [];
      expect(Number(after)).toBeGreaterThanOrEqual(120);
      expect(Number(line)).toBeGreaterThanOrEqual(240);
      expect(Number(line)).toBeLessThanOrEqual(360);
    });
  }

  it("numbers pages centred at the top from page 2 only (different first page)", async () => {
    const docx = await readDocx(await buildPlanDocx(seed000));
    expect(docx.documentXml).toContain("<w:titlePg/>");
    expect(docx.documentXml).toMatch(/<w:headerReference w:type="first"/);
    expect(docx.documentXml).toMatch(/<w:headerReference w:type="default"/);
  });

  it("puts the parts of a state plan in order, each formatted as the decree says", async () => {
    const { paragraphs: p } = await readDocx(await buildPlanDocx(seed000));
    const parent = indexOf(p, "BỘ TƯ LỆNH QUÂN KHU 3");
    const issuer = indexOf(p, "BỘ CHỈ HUY QUÂN SỰ THÀNH PHỐ HẢI PHÒNG");
    const nation = indexOf(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const motto = indexOf(p, "Độc lập - Tự do - Hạnh phúc");
    const number = indexOf(p, "Số: 03/KH-BCH");
    const date = indexOf(p, "Hải Phòng, ngày 01 tháng 01 năm 2026");
    const type = indexOf(p, "KẾ HOẠCH");
    const title = indexOf(p, /^Rà soát, rút kinh nghiệm/);
    const basis = indexOf(p, /^Căn cứ Kết luận số 137-KL\/TW/);
    const preamble = indexOf(p, /^Bộ CHQS thành phố xây dựng Kế hoạch/);
    const section1 = indexOf(p, "I. MỤC ĐÍCH, YÊU CẦU");
    const section2 = indexOf(p, "II. TỔ CHỨC THỰC HIỆN");
    const noiNhan = indexOf(p, "Nơi nhận:");
    const signer = indexOf(p, "CHỈ HUY TRƯỞNG");
    const name = indexOf(p, "Đại tá Bùi Xuân Thắng");
    const order = [parent, issuer, nation, motto, number, date, type, title, basis, preamble, section1, section2, noiNhan, signer, name];
    expect(order).toEqual([...order].sort((a, b) => a - b));

    expect(p[parent]).toMatchObject({ bold: false, inTable: true });
    expect(p[issuer]).toMatchObject({ bold: true, inTable: true });
    expect(p[nation]).toMatchObject({ bold: true, inTable: true });
    expect(p[motto]).toMatchObject({ bold: true, inTable: true });
    expect(p[date]).toMatchObject({ italics: true, inTable: true });
    expect(p[type]).toMatchObject({ bold: true, alignment: "center", inTable: false });
    expect(p[title]).toMatchObject({ bold: true, alignment: "center" });
    expect(p[basis]).toMatchObject({ italics: true, alignment: "both" });
    expect(p[preamble].italics).toBe(false);
    expect(p[section1]).toMatchObject({ bold: true });
    // A short rule sits under the issuer, under the motto and under the title: an empty bordered paragraph.
    expect(p[issuer + 1].text).toBe("");
    expect(p[motto + 1].text).toBe("");
    // Nơi nhận bold italic 12 pt, recipients 11 pt each "- …;", the last "- Lưu: VT, ….", beside the signature.
    expect(p[noiNhan]).toMatchObject({ bold: true, italics: true, sizes: [24], inTable: true });
    const recipients = p.slice(noiNhan + 1, signer).filter((x) => x.text.startsWith("- "));
    expect(recipients.map((r) => r.text)).toEqual(recipientLines(seed000.recipients));
    expect(recipients.at(-1)?.text).toBe("- Lưu: VT, TaH. Tt147.");
    for (const r of recipients) expect(r.sizes).toEqual([22]);
    expect(p[signer]).toMatchObject({ bold: true, inTable: true });
    expect(p[name]).toMatchObject({ bold: true, inTable: true });
  });

  it("writes the Party header: the Party's name with a rule, a star under the body, `Số 63-KH/TU` without colon", async () => {
    const { paragraphs: p, text } = await readDocx(await buildPlanDocx(seed001));
    const body = indexOf(p, "THÀNH ỦY HẢI PHÒNG");
    const star = indexOf(p, "*");
    const party = indexOf(p, "ĐẢNG CỘNG SẢN VIỆT NAM");
    const number = indexOf(p, "Số 63-KH/TU");
    const date = indexOf(p, "Hải Phòng, ngày 26 tháng 5 năm 2026");
    const type = indexOf(p, "KẾ HOẠCH");
    const basis = indexOf(p, /^Thực hiện Công văn số 08-CV\/BCĐ/);
    const authority = indexOf(p, "T/M BAN THƯỜNG VỤ");
    expect([body, star, party, number, date, type, basis, authority]).toEqual(
      [body, star, party, number, date, type, basis, authority].sort((a, b) => a - b),
    );
    expect(p[body].bold).toBe(true);
    expect(p[party]).toMatchObject({ bold: true });
    expect(p[party + 1].text).toBe("");
    expect(p[date].italics).toBe(true);
    expect(p[basis].italics).toBe(true);
    expect(text).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).not.toContain("Số:");
    // The programme table survives as a table.
    expect(p.find((x) => x.text === "Tuyên bố lý do, giới thiệu đại biểu")?.inTable).toBe(true);
    expect(p[indexOf(p, "PHÓ BÍ THƯ THƯỜNG TRỰC")].bold).toBe(true);
  });

  it("leaves number and date blank for a draft not yet issued", async () => {
    const { text } = await readDocx(await buildPlanDocx({ ...seed002, number: null, date: null }));
    expect(text).toMatch(/^Số:\s+$/m);
    expect(text).toMatch(/^Thanh Hà, ngày\s+tháng\s+năm\s+$/m);
  });
});

describe("urging letter .docx", () => {
  it("has the công văn header with V/v under the number, Kính gửi the late units, and a row per owed item", async () => {
    const { paragraphs: p, text } = await readDocx(await buildUrgingLetterDocx(urgingLetter));
    const number = indexOf(p, "Số: 45/UBND-VX");
    const subject = indexOf(p, "V/v đôn đốc thực hiện Kế hoạch số 12/KH-UBND");
    const date = indexOf(p, "Thanh Hà, ngày 03 tháng 6 năm 2026");
    const kinhGui = indexOf(p, /^Kính gửi: - Phòng Văn hóa - Xã hội;- Trung tâm Phục vụ HCC xã\.$/);
    const row1 = indexOf(p, "Phòng Văn hóa - Xã hội");
    const row2 = indexOf(p, "Trung tâm Phục vụ HCC xã");
    const noiNhan = indexOf(p, "Nơi nhận:");
    expect([number, subject, date, kinhGui, row1, row2, noiNhan]).toEqual(
      [number, subject, date, kinhGui, row1, row2, noiNhan].sort((a, b) => a - b),
    );
    expect(p[subject]).toMatchObject({ inTable: true, sizes: [24] });
    expect(p[row1].inTable).toBe(true);
    expect(text).toContain("Bị trả lại, chưa gửi lại (lý do: thiếu số điện thoại)");
    expect(text).toContain("08 giờ 00 ngày 31/5/2026");
    expect(text).not.toContain("KẾ HOẠCH");
    expect(
      p
        .slice(noiNhan + 1)
        .filter((x) => x.text.startsWith("- "))
        .map((x) => x.text),
    ).toEqual(["- Như trên;", "- Lưu: VT, VHXH."]);
  });
});

describe("how dates and recipients are written", () => {
  it("pads days below 10 and months below 3 only", () => {
    expect(placeDate("Hải Phòng", "2026-01-01")).toBe("Hải Phòng, ngày 01 tháng 01 năm 2026");
    expect(placeDate("Hải Phòng", "2026-03-05")).toBe("Hải Phòng, ngày 05 tháng 3 năm 2026");
    expect(placeDate("Hải Phòng", "2026-12-25")).toBe("Hải Phòng, ngày 25 tháng 12 năm 2026");
  });

  it("ends every recipient with a semicolon and the archive line with a full stop, adding it when missing", () => {
    expect(recipientLines(["- Sở Nội vụ,", "Lưu: VT, VHXH.", "Sở Y tế"])).toEqual(["- Sở Nội vụ;", "- Sở Y tế;", "- Lưu: VT, VHXH."]);
    expect(recipientLines(["Sở Nội vụ"])).toEqual(["- Sở Nội vụ;", "- Lưu: VT."]);
  });
});
