import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { croppedImages } from "../../platform/documents/testing/read-docx";
import { guestFileName, renderInvitations } from "./invitation-render";

const letter = {
  layout: "state" as const,
  parentBody: "UBND THÀNH PHỐ HẢI PHÒNG",
  issuer: "Văn phòng UBND thành phố",
  number: "7/GM-VP",
  place: "Hải Phòng",
  date: "2026-05-20",
  signer: { authority: "TL. CHÁNH VĂN PHÒNG", title: "Phó Chánh Văn phòng", rank: null, name: "Trần Văn Ký" },
  conferenceTitle: "Hội nghị sơ kết",
  time: "08 giờ 00 phút, thứ Ba, ngày 02/6/2026",
  venue: "Hội trường A",
};
const guest = (i: number, entryToken: string | null) => ({
  addressee: `Đồng chí Người ${i} <&>`,
  position: "Chủ tịch UBND",
  dressCode: "Com lê",
  seat: i === 1 ? "Khu A, hàng 1, ghế 1" : "",
  confirmUrl: `https://x.example/xac-bao/${"a".repeat(42)}${i}`,
  fileName: guestFileName(i, "Người Trùng Tên"),
  entryToken,
});

describe("invitation rendering", () => {
  it("prints the entry code beside the confirmation code when check-in gives tokens, one image part each", async () => {
    const { zip, pdf } = await renderInvitations(letter, [guest(1, "E".repeat(135)), guest(2, "F".repeat(135))], undefined, { every: 1 });
    const outer = await JSZip.loadAsync(zip, { checkCRC32: true });
    const names = Object.keys(outer.files);
    // Same person's file name twice: the second is numbered, none is lost.
    expect(names).toHaveLength(2);
    const inner = await JSZip.loadAsync(await outer.files[names[0]].async("uint8array"), { checkCRC32: true });
    expect(Object.keys(inner.files).filter((n) => n.startsWith("word/media/") && !inner.files[n].dir)).toHaveLength(2);
    const xml = (await inner.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Mã vào cửa");
    expect(xml).toContain("Đồng chí Người 1 &lt;&amp;&gt;");
    expect(xml).toContain("Khu A, hàng 1, ghế 1");
    // The codes' paragraph sets its own line height: a fixed one crops the images in LibreOffice.
    expect(croppedImages(xml)).toBe(0);
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it("prints the confirmation code alone before check-in issues tokens", async () => {
    const { zip } = await renderInvitations(letter, [guest(1, null)]);
    const outer = await JSZip.loadAsync(zip);
    const inner = await JSZip.loadAsync(await Object.values(outer.files)[0].async("uint8array"));
    expect(Object.keys(inner.files).filter((n) => n.startsWith("word/media/") && !inner.files[n].dir)).toHaveLength(1);
    expect((await inner.file("word/document.xml")?.async("string")) ?? "").not.toContain("Mã vào cửa");
  });
});
