import { describe, expect, it } from "vitest";
import { basisSentences, planOutline, printedNumber, signerOf } from "./compose";

const basis = (text: string) => ({ text, documentNumber: null, documentDate: null, issuer: null, planId: null });

describe("composing the printed plan", () => {
  it("prints bare outline numbers as plans write them", () => {
    expect(["I", "II", "1", "1.1", "a", "đ", "3.", "b)", ""].map(printedNumber)).toEqual([
      "I.",
      "II.",
      "1.",
      "1.1.",
      "a)",
      "đ)",
      "3.",
      "b)",
      null,
    ]);
  });

  it("opens legal bases with Căn cứ (state) or Thực hiện (Party) and ends the last with a full stop", () => {
    expect(basisSentences("state", [basis("Luật Tổ chức chính quyền địa phương;"), basis("Căn cứ Kết luận số 137-KL/TW")])).toEqual([
      "Căn cứ Luật Tổ chức chính quyền địa phương;",
      "Căn cứ Kết luận số 137-KL/TW.",
    ]);
    expect(basisSentences("party", [basis("Kế hoạch số 59-KH/TU")])).toEqual(["Thực hiện Kế hoạch số 59-KH/TU."]);
  });

  it("adds purpose, requirements and budget written in their own fields, renumbering Roman headings", () => {
    const outline = planOutline({
      sections: [{ number: "I", heading: "NỘI DUNG", text: "", children: [] }],
      purpose: "Đánh giá kết quả.",
      requirements: "",
      budget: "Ngân sách thành phố.",
    });
    expect(outline.map((s) => `${s.number} ${s.heading}`)).toEqual(["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. KINH PHÍ"]);
    expect(outline[0].children.map((c) => c.heading)).toEqual(["Mục đích"]);
  });

  it("does not repeat purpose when the imported outline already has it", () => {
    const outline = planOutline({
      sections: [{ number: "I", heading: "Mục đích, yêu cầu", text: "", children: [] }],
      purpose: "x",
      requirements: "y",
      budget: "",
    });
    expect(outline).toHaveLength(1);
  });

  it("completes a bare authority prefix with the issuing body", () => {
    expect(
      signerOf({ signer: { authority: "TM.", title: "CHỦ TỊCH", rank: null, name: "A" } }, "Ủy ban nhân dân xã Thanh Hà").authority,
    ).toBe("TM. Ủy ban nhân dân xã Thanh Hà");
    expect(signerOf({ signer: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", rank: null, name: "B" } }, "x").authority).toBe(
      "KT. CHỦ TỊCH",
    );
  });
});
