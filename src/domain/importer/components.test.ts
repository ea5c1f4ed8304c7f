import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readHeading, romanValue, stripMarkup, toBlocks } from "./blocks";
import { readSigner } from "./closing";
import { cleanNumber, readHeader } from "./header";
import { readBasis } from "./legal";
import { buildOutline, toPlanSections } from "./outline";
import { readPlanText } from "./readPlan";
import { splitSubject, splitUnits, unitKey } from "./units";

const outline = (text: string) => toPlanSections(buildOutline(toBlocks(text)));
const numbers = (text: string): unknown =>
  outline(text).map(function shape(s): unknown {
    return s.children.length ? [s.number, s.children.map(shape)] : s.number;
  });

describe("blocks", () => {
  it("reads every heading style of the issue", () => {
    expect(
      ["I. MỤC ĐÍCH", "I- MỤC ĐÍCH", "A. NỘI DUNG", "1. Mục đích", "1.1. Đại biểu", "2.1 Đại biểu", "a) Nội dung"].map(
        (l) => readHeading(l)?.number,
      ),
    ).toEqual(["I", "I", "A", "1", "1.1", "2.1", "a"]);
    expect(readHeading("1.086 đại biểu")).toBeNull();
    expect(romanValue("XIV")).toBe(14);
  });

  it("removes markdown but keeps the star under a Party body", () => {
    expect(stripMarkup("## **I.** MỤC ĐÍCH")).toBe("I. MỤC ĐÍCH");
    expect(stripMarkup("(*kinh phí hoạt động ...*).")).toBe("(kinh phí hoạt động ...).");
    expect(stripMarkup("*")).toBe("*");
  });

  it("splits headings that bold glued onto one line", () => {
    const b = toBlocks("I. THÀNH PHẦN**1. Thành phần đại biểu****1.1. Đại biểu Trung ương**");
    expect(b.map((x) => (x.type === "line" ? x.heading?.number : null))).toEqual(["I", "1", "1.1"]);
  });

  it("joins a table split across pages, dropping the repeated header and merging a continuation row", () => {
    const b = toBlocks(
      [
        "| TT | NỘI DUNG | PHÂN CÔNG |",
        "|---|---|---|",
        "| 1 | Một phần | Sở A |",
        "",
        "| TT | NỘI DUNG | PHÂN CÔNG |",
        "|--|--|--|",
        "| | tiếp theo. | |",
        "| 2 | Hai | Sở B |",
      ].join("\n"),
    );
    expect(b).toEqual([
      {
        type: "table",
        rows: [
          ["TT", "NỘI DUNG", "PHÂN CÔNG"],
          ["1", "Một phần tiếp theo.", "Sở A"],
          ["2", "Hai", "Sở B"],
        ],
      },
    ]);
  });

  it("joins a tab-separated table split across pages", () => {
    const b = toBlocks("TT\tNỘI DUNG\tPHÂN CÔNG\n1\tMột\tSở A\n\nTT\tNỘI DUNG\tPHÂN CÔNG\n\ttiếp.\t\n2\tHai\tSở B");
    expect(b).toEqual([
      {
        type: "table",
        rows: [
          ["TT", "NỘI DUNG", "PHÂN CÔNG"],
          ["1", "Một tiếp.", "Sở A"],
          ["2", "Hai", "Sở B"],
        ],
      },
    ]);
  });

  it("reads tab-separated tables and joins lines broken mid-sentence", () => {
    const b = toBlocks("STT\tNội dung\tĐơn vị\n1\tBáo cáo\tSở A\ncủng cố niềm tin của Nhân\n\ndân. Tích cực");
    expect(b[0]).toEqual({
      type: "table",
      rows: [
        ["STT", "Nội dung", "Đơn vị"],
        ["1", "Báo cáo", "Sở A"],
      ],
    });
    expect(b[1]).toMatchObject({ type: "line", text: "củng cố niềm tin của Nhân dân. Tích cực" });
  });
});

describe("outline", () => {
  it("restarts roman numbering inside a lettered part and returns to the top level after it", () => {
    expect(numbers("I. MỘT\n1. Một\nII. HAI\nA. NỘI DUNG\nI. ĐẶC ĐIỂM\nII. TỒN TẠI\nB. CHƯƠNG TRÌNH\nIII. BA")).toEqual([
      ["I", ["1"]],
      ["II", [["A", ["I", "II"]], "B"]],
      "III",
    ]);
  });

  it("keeps the text after `Heading:` as the section's text", () => {
    expect(outline("I. X\n2. Thời gian: 1/2 ngày.")[0].children[0]).toMatchObject({ heading: "Thời gian", text: "1/2 ngày." });
  });
});

describe("units", () => {
  it("splits a list of units only where a new unit name starts", () => {
    expect(splitUnits("Ban Chỉ huy PTKV, Ban Chỉ huy BDBP và các Trung đoàn")).toEqual([
      "Ban Chỉ huy PTKV",
      "Ban Chỉ huy BDBP",
      "các Trung đoàn",
    ]);
    expect(splitUnits("Ban CHQS 114 xã, phường, đặc khu")).toEqual(["Ban CHQS 114 xã, phường, đặc khu"]);
    expect(splitUnits("Sở Văn hoá, Thể thao và Du lịch")).toEqual(["Sở Văn hoá, Thể thao và Du lịch"]);
    expect(splitUnits("Văn phòng HĐND và UBND xã")).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(splitUnits("Các cơ quan CHQS thành phố (CT, HC-KT)")).toEqual(["Các cơ quan CHQS thành phố (CT, HC-KT)"]);
  });

  it("finds the unit that opens a task sentence, not cut inside its own name", () => {
    expect(splitSubject("Ban Tổ chức Thành ủy chủ trì, phối hợp …")?.subject).toBe("Ban Tổ chức Thành ủy");
    expect(splitSubject("Giao Ban Tổ chức Thành uỷ phối hợp với Văn phòng")?.subject).toBe("Ban Tổ chức Thành uỷ");
    expect(splitSubject("Xây dựng dự thảo báo cáo")).toBeNull();
    expect(unitKey("Thành uỷ")).toBe(unitKey("thành ủy"));
  });
});

describe("header, legal bases, signature", () => {
  it("reads a state header laid out in two columns", () => {
    const h = readHeader(
      toBlocks(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HẢI PHÒNG\tĐộc lập - Tự do - Hạnh phúc\nSố: 12 / KH-UBND\tHải Phòng, ngày 05 tháng 01 năm 2026",
      ),
    );
    expect(h).toEqual({ number: "12/KH-UBND", issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", place: "Hải Phòng", issuedOn: "2026-01-05" });
    expect(cleanNumber("03 /KH-BCH")).toBe("03/KH-BCH");
  });

  it("takes the issuing body, not its parent", () => {
    expect(readHeader(toBlocks("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nĐẢNG ỦY XÃ AN LÃO\n*\nSố 07-KH/ĐU")).issuer).toBe("ĐẢNG ỦY XÃ AN LÃO");
  });

  it("reads number, date and issuer of a cited document", () => {
    expect(readBasis("Kế hoạch số 59-KH/TU, ngày 21/5/2026 của Ban Thường vụ Thành ủy về tổ chức sơ kết", null)).toEqual({
      text: "Kế hoạch số 59-KH/TU, ngày 21/5/2026 của Ban Thường vụ Thành ủy về tổ chức sơ kết",
      documentNumber: "59-KH/TU",
      documentDate: "2026-05-21",
      issuer: "Ban Thường vụ Thành ủy",
    });
  });

  it("reads authority, title, rank and name of the signer", () => {
    expect(readSigner(toBlocks("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nThượng tá Nguyễn Văn A"))).toEqual({
      authority: "KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Văn A",
      rank: "Thượng tá",
    });
  });
});

describe("a plan it has never seen", () => {
  const plan = readPlanText(readFileSync(join(process.cwd(), "test/fixtures/seeds/extra/state-plan.txt"), "utf8"));

  it("reads the header, bases and the signature laid out in tables", () => {
    expect(plan).toMatchObject({ number: "45/KH-UBND", issuer: "ỦY BAN NHÂN DÂN XÃ AN LÃO", place: "An Lão", issuedOn: "2026-03-10" });
    expect(plan.legalBases.map((b) => b.documentNumber)).toEqual(["72/2025/QH15", "12-HD/BDVTU"]);
    expect(plan.recipients).toEqual(["Thường trực Đảng ủy", "Các phòng, thôn", "Lưu: VT"]);
    expect(plan.signer).toEqual({ authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn Bình", rank: null });
  });

  it("reads deadlines in headings and in lines broken mid-sentence, with the document's year", () => {
    expect(plan.deadlines.map((d) => [d.due, d.time, d.units])).toEqual([
      ["2026-03-19", "17:00", ["Văn phòng HĐND và UBND xã"]],
      ["2026-03-15", null, ["Phòng Văn hóa - Xã hội"]],
      ["2026-03-18", null, ["Các thôn"]],
    ]);
  });

  it("reads the conference from a tab-separated programme", () => {
    expect(plan.conferences).toHaveLength(1);
    expect(plan.conferences[0]).toMatchObject({
      date: "2026-03-20",
      start: "07:30",
      end: "11:00",
      duration: "01 buổi",
      expectedAttendance: 120,
    });
    expect(plan.conferences[0].agenda.map((a) => a.start)).toEqual(["07:30", "08:00", "09:30"]);
  });
});

describe("task tables in an annex", () => {
  const plan = readPlanText(readFileSync(join(process.cwd(), "test/fixtures/seeds/extra/task-table.md"), "utf8"));

  it("reads one deadline per row, a month or quarter meaning its last day", () => {
    expect(plan.deadlines.map((d) => [d.due, d.units, d.raw])).toEqual([
      ["2026-09-30", ["Phòng Văn hóa - Xã hội"], "Quý III/2026"],
      ["2026-06-30", ["Văn phòng HĐND và UBND xã"], "Trước 30/6/2026"],
      ["2026-12-31", ["Phòng Kinh tế"], "Tháng 12/2026"],
    ]);
  });

  it("reads lead and supporting units per row", () => {
    expect(plan.tasks.filter((t) => t.role === "support").map((t) => t.unit)).toEqual([
      "Văn phòng HĐND và UBND xã",
      "Trung tâm Phục vụ hành chính công xã",
    ]);
    expect(plan.tasks.find((t) => t.unit === "Trung tâm Văn hóa, Thể thao và Truyền thông xã")?.items).toEqual(["Tuyên truyền"]);
  });
});

describe("a Party plan it has never seen", () => {
  const plan = readPlanText(readFileSync(join(process.cwd(), "test/fixtures/seeds/extra/party-plan.txt"), "utf8"));

  it("reads the Party header and signature", () => {
    expect(plan).toMatchObject({ number: "15-KH/ĐU", issuer: "ĐẢNG ỦY XÃ AN LÃO", place: "An Lão", issuedOn: "2026-06-05" });
    expect(plan.signer).toEqual({ authority: "T/M ĐẢNG ỦY", title: "BÍ THƯ", name: "Nguyễn Văn An", rank: null });
  });

  it("reads each deadline once, a day without year taking the plan's year", () => {
    expect(plan.deadlines.map((d) => [d.due, d.time, d.units])).toEqual([
      ["2026-06-08", null, ["Văn phòng Đảng ủy"]],
      ["2026-06-09", "16:30", ["Ban Xây dựng Đảng"]],
      ["2026-06-05", null, ["Các chi bộ"]],
    ]);
  });

  it("reads the conference time with the weekday between time and date", () => {
    expect(plan.conferences[0]).toMatchObject({ date: "2026-06-11", start: "14:00", duration: "1/2 ngày", venue: "Hội trường Đảng ủy xã" });
  });
});

describe("a programme written as a list", () => {
  it("reads times and who is responsible from each line", () => {
    const plan = readPlanText(
      "KẾ HOẠCH\nTổ chức Hội nghị\nI. THÀNH PHẦN\n- Chủ trì: Đồng chí Bí thư.\nII. CHƯƠNG TRÌNH HỘI NGHỊ\n- 08h00 - 08h05: Tuyên bố lý do (Đồng chí Chánh Văn phòng);\n- 08h05 - 08h15: Phát biểu khai mạc.",
    );
    expect(plan.conferences[0].agenda).toEqual([
      { start: "08:00", end: "08:05", item: "Tuyên bố lý do", by: "Đồng chí Chánh Văn phòng" },
      { start: "08:05", end: "08:15", item: "Phát biểu khai mạc", by: null },
    ]);
    expect(plan.conferences[0]).toMatchObject({ start: "08:00", end: "08:15", chair: "Đồng chí Bí thư" });
  });
});
