/**
 * Seed 001's 1,086 invitations, as the invitation job renders them (each with its own QR code of a personal
 * link): `invitations.docx` the .zip of 1,086 .docx (target under 10 s), `invitations.pdf` one merged PDF of
 * 1,086 A4 pages in Tinos (target under 30 s). Rendering only: the database work of a batch is a few queries.
 */
import { randomBytes } from "node:crypto";
import { guestFileName, renderInvitations } from "../src/server/modules/delegates/invitation-render";
import type { InvitationLetter } from "../src/server/platform/documents/types";

const COUNT = 1086;
const letter: InvitationLetter = {
  layout: "party",
  parentBody: "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
  issuer: "Ban Thường vụ Thành ủy",
  number: "125-GM/TU",
  place: "Hải Phòng",
  date: "2026-05-20",
  signer: { authority: "T/M BAN THƯỜNG VỤ", title: "Bí thư", rank: null, name: "Lê Văn Thành" },
  conferenceTitle: "Hội nghị sơ kết 1 năm thực hiện mô hình chính quyền địa phương hai cấp",
  time: "07 giờ 30 phút, thứ Ba, ngày 02/6/2026",
  venue: "Nhà hát Hoa Phượng, Trung tâm Hội nghị và Biểu diễn thành phố",
};
const guests = Array.from({ length: COUNT }, (_, i) => ({
  addressee: `Đồng chí Nguyễn Văn Đại Biểu ${i + 1}`,
  position: `Bí thư Đảng ủy, Xã An Hưng ${Math.floor(i / 5) + 1}`,
  dressCode: i < 100 ? "Com lê, cà vạt" : "Áo sơ mi trắng, quần âu",
  seat: `Khu ${"ABCD"[i % 4]}, hàng ${Math.floor(i / 40) + 1}, ghế ${(i % 40) + 1}`,
  confirmUrl: `https://kehoach.haiphong.gov.vn/xac-bao/${randomBytes(32).toString("base64url")}`,
  fileName: guestFileName(i, `Nguyễn Văn Đại Biểu ${i + 1}`),
  // A signed entry token as check-in makes them (135 characters): the letters carry both codes, the worst case.
  entryToken: randomBytes(101).toString("base64url"),
}));

export const benches = {
  "invitations.docx": async () => {
    const { zip } = await renderInvitations(letter, guests, undefined, { docx: true, pdf: false });
    if (zip.length < COUNT * 1000) throw new Error("zip too small");
  },
  "invitations.pdf": async () => {
    const { pdf } = await renderInvitations(letter, guests, undefined, { docx: false, pdf: true });
    if (pdf.length < COUNT * 1000) throw new Error("pdf too small");
  },
};

export const budgets = {
  "invitations.docx": { warmup: 0, samples: 2 },
  "invitations.pdf": { warmup: 0, samples: 2 },
};
