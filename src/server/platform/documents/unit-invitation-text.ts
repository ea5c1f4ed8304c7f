import type { InvitationCard, InvitationLetter, UnitInvitation } from "./types";

/**
 * The words of a Giấy mời to a unit, shared by its .docx and its PDF page so both say the same:
 * `Kính gửi: Phường Đông Hải`, the invitation to send the listed delegates, and the request about the cards.
 */

export const UNIT_TABLE_HEAD = ["STT", "Họ và tên", "Chức vụ", "Chỗ ngồi"] as const;
export const NO_SEAT = "Ban tổ chức sẽ hướng dẫn tại hội nghị";

export function unitLetterText(letter: InvitationLetter, invitation: UnitInvitation) {
  const unit = invitation.unit;
  const dress = new Set(invitation.delegates.map((d) => d.dressCode.trim()).filter(Boolean));
  return {
    addressee: unit ?? "Các đồng chí đại biểu có tên dưới đây",
    opening: unit
      ? `${letter.issuer} trân trọng kính mời ${unit} cử các đồng chí có tên dưới đây đến dự ${letter.conferenceTitle}:`
      : `${letter.issuer} trân trọng kính mời các đồng chí có tên dưới đây đến dự ${letter.conferenceTitle}:`,
    rows: invitation.delegates.map((d, i) => [String(i + 1), d.fullName, d.title, d.seat || NO_SEAT]),
    // One dress code for all is written once; several are left to each card.
    dressCode: dress.size === 1 ? [...dress][0] : dress.size > 1 ? "ghi trên thẻ đại biểu của từng đồng chí" : "",
    closing: `${unit ? "Đề nghị đơn vị thông báo để các đồng chí có tên trên đến dự đúng giờ. " : "Rất mong các đồng chí đến dự đúng giờ. "}Mỗi đồng chí mang theo thẻ đại biểu kèm theo giấy mời này (xuất trình mã vào cửa tại cửa hội trường) và xác báo tham dự bằng mã QR hoặc liên kết in trên thẻ./.`,
  };
}

/** What a card and the cards' page say they go with: `Kèm theo Giấy mời số 12/GM-UBND`. */
export const attachedTo = (letter: InvitationLetter) => `Kèm theo Giấy mời số ${letter.number ?? "……"}`;

/** The lines of one entry card, label and value. */
export function cardLines(letter: InvitationLetter, card: InvitationCard): Array<[string, string]> {
  return [
    ["Họ và tên", card.fullName],
    ["Chức vụ", card.title],
    ["Đơn vị", card.unit],
    ["Chỗ ngồi", card.seat || NO_SEAT],
    ["Trang phục", card.dressCode],
    ["Thời gian", letter.time],
  ].filter((l): l is [string, string] => Boolean(l[1]));
}
