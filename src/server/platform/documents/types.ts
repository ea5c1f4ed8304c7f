import type { QrMatrix } from "./qr";
/** Inputs of the official-document builders: plain data, no database rows, so the builders stay pure. */

/** State and military bodies follow Nghị định 30/2020/NĐ-CP; Party bodies follow Hướng dẫn 36-HD/VPTW. */
export type DocumentLayout = "state" | "party";

/** One heading of the plan's outline with its own text and sub-headings: `{ number: "I.", heading: "MỤC ĐÍCH, YÊU CẦU", … }`. */
export interface OutlineSection {
  number: string | null;
  heading: string;
  /** Paragraphs separated by new lines; lines starting with "|" form a table. */
  text: string;
  children: OutlineSection[];
}

/** The signature block: `{ authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", rank: null, name: "Trần Duy Thước" }`. */
export interface Signer {
  /** The full authority line (`TM. ỦY BAN NHÂN DÂN`, `T/M BAN THƯỜNG VỤ`), or null when the head signs in person. */
  authority: string | null;
  title: string;
  /** Military rank written before the name (`Đại tá`), or null. */
  rank: string | null;
  name: string;
}

/** What every official document shares: who issues it, its number, place and date, recipients and signer. */
export interface OfficialHeader {
  layout: DocumentLayout;
  /** The body above the issuer (`UBND THÀNH PHỐ HẢI PHÒNG`, `ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG`), or null for a top body. */
  parentBody: string | null;
  /** The issuing body (`BỘ CHỈ HUY QUÂN SỰ THÀNH PHỐ`, `THÀNH ỦY HẢI PHÒNG`). */
  issuer: string;
  /** Number and symbol as written (`03/KH-BCH`, `63-KH/TU`); null leaves the space for the records office. */
  number: string | null;
  place: string;
  /** ISO date `2026-01-01`; null leaves day and month blank (a draft). */
  date: string | null;
  /** Recipients in order; the last is normally `Lưu: VT, …` (added when missing). */
  recipients: string[];
  signer: Signer;
}

export interface PlanDocument extends OfficialHeader {
  /** `KẾ HOẠCH` */
  typeName: string;
  title: string;
  /** Each legal basis as one sentence (`Căn cứ Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị …;`). */
  legalBases: string[];
  /** The sentence after the bases (`Bộ CHQS thành phố xây dựng Kế hoạch … như sau:`), or null. */
  preamble: string | null;
  sections: OutlineSection[];
}

/** One thing a late unit still owes. */
export interface OwedItem {
  what: string;
  /** The deadline as written (`08 giờ 00 ngày 31/5/2026`). */
  due: string;
  state: "overdue" | "returned";
  /** The reason it was sent back, when returned. */
  note: string | null;
}

export interface LateUnit {
  unit: string;
  items: OwedItem[];
}

/** A công văn đôn đốc: the late units of one plan and what each owes. */
export interface UrgingLetterDocument extends OfficialHeader {
  /** `V/v đôn đốc thực hiện Kế hoạch số 03/KH-BCH` */
  subject: string;
  /** The plan urged, as cited (`Kế hoạch số 03/KH-BCH ngày 01/01/2026 của Bộ CHQS thành phố về …`). */
  planReference: string;
  /** The moment the list was drawn up, as written (`16 giờ 00 ngày 03/6/2026`). */
  asOf: string;
  lateUnits: LateUnit[];
}

/** One row of a printed agenda: times as `HH:MM` (Vietnam), or null when the item has none. */
export interface AgendaRowText {
  start: string | null;
  end: string | null;
  content: string;
  responsible: string;
}

/** A conference's agenda (Chương trình hội nghị) under the issuer's header. */
export interface AgendaDocument extends OfficialHeader {
  /** The conference's title (`Hội nghị sơ kết 1 năm …`). */
  title: string;
  /** `(Kèm theo Kế hoạch số 63-KH/TU ngày 26/5/2026)`, or null. */
  reference: string | null;
  /** `08 giờ 00, ngày 02/6/2026 (1/2 ngày)`, or null. */
  when: string | null;
  venue: string;
  items: AgendaRowText[];
  /** `180 phút`, or null. */
  total: string | null;
}

/** A Giấy mời: the host's header and number, the conference, and per delegate who, dress code, seat and QR. */
export interface InvitationLetter extends Omit<OfficialHeader, "recipients"> {
  conferenceTitle: string;
  /** As written: `07 giờ 30 phút, thứ Ba, ngày 02/6/2026`. */
  time: string;
  venue: string;
}

export interface InvitationGuest {
  /** `Đồng chí Nguyễn Văn A` */
  addressee: string;
  /** `Chủ tịch UBND xã An Lão` */
  position: string;
  dressCode: string;
  /** `Khu A, hàng 3, ghế 12`; empty until seating assigns one. */
  seat: string;
  /** The personal confirmation link, printed under its QR code. */
  confirmUrl: string;
  /** The QR code printed on the letter (platform/documents/qr.ts): drawn as squares in a PDF, a PNG in a .docx. */
  qr: QrMatrix;
  /** The signed entry token's QR for the door (check-in), when the conference issues them; null prints none. */
  entryQr: QrMatrix | null;
}

/** One delegate on a unit's letter: a row of its table, and an entry card with their own codes. */
export interface InvitationCard {
  fullName: string;
  title: string;
  /** The unit as written on the card (`Phường Đông Hải`), empty when none. */
  unit: string;
  /** `Khu A, hàng 3, ghế 12`; empty until seating assigns one. */
  seat: string;
  dressCode: string;
  confirmUrl: string;
  qr: QrMatrix;
  entryQr: QrMatrix | null;
}

/** A Giấy mời to a unit: the unit asked to send the listed delegates, each with an entry card. */
export interface UnitInvitation {
  /** `Phường Đông Hải`; null for delegates written without a unit (the letter is addressed to them). */
  unit: string | null;
  delegates: InvitationCard[];
}
