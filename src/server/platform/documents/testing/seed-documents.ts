import type { PlanDocument, UrgingLetterDocument } from "../types";

/** Seed 000 (Bộ CHQS thành phố, military: state layout), shortened but with every part in place. */
export const seed000: PlanDocument = {
  layout: "state",
  parentBody: "Bộ Tư lệnh Quân khu 3",
  issuer: "Bộ Chỉ huy Quân sự thành phố Hải Phòng",
  number: "03/KH-BCH",
  place: "Hải Phòng",
  date: "2026-01-01",
  typeName: "Kế hoạch",
  title: "Rà soát, rút kinh nghiệm, tháo gỡ khó khăn bất cập\ntrong triển khai chính quyền địa phương 02 cấp",
  legalBases: [
    "Căn cứ Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị, Ban Bí thư về chủ trương sắp xếp, tổ chức lại đơn vị hành chính các cấp và mô hình tổ chức chính quyền địa phương 02 cấp;",
    "Căn cứ Công văn số 13572/VP-NVKTGS ngày 23/12/2025 của Văn phòng UBND thành phố Hải Phòng về việc triển khai thực hiện Thông báo Kết luận của Thường trực Chính phủ;",
  ],
  preamble:
    "Bộ CHQS thành phố xây dựng Kế hoạch rà soát, rút kinh nghiệm, tháo gỡ khó khăn bất cập trong triển khai chính quyền địa phương 02 cấp (gọi tắt là hội nghị) như sau:",
  sections: [
    {
      number: "I.",
      heading: "Mục đích, yêu cầu",
      text: "",
      children: [
        {
          number: "1.",
          heading: "Mục đích",
          text: "Nhằm đánh giá thực chất kết quả sau thời gian thực hiện chủ trương sắp xếp, tổ chức lại đơn vị hành chính các cấp, mô hình tổ chức chính quyền địa phương 02 cấp; chỉ ra những tồn tại, hạn chế, khó khăn bất cập, nguyên nhân, bài học kinh nghiệm.",
          children: [],
        },
        {
          number: "2.",
          heading: "Yêu cầu",
          text: "- Chuẩn bị nội dung, chương trình hội nghị phải được lãnh đạo, chỉ đạo chặt chẽ;\n- Tổ chức hội nghị đúng thành phần, sát với mục đích, yêu cầu đề ra.",
          children: [],
        },
      ],
    },
    {
      number: "II.",
      heading: "Tổ chức thực hiện",
      text: "",
      children: [
        {
          number: "1.",
          heading: "Ban CHQS 114 xã, phường, đặc khu",
          text: "- Xây dựng kế hoạch, tổ chức hội nghị xong trước ngày 12/01/2026;\n- Gửi báo cáo về Bộ CHQS thành phố (qua Phòng Tham mưu) chậm nhất 08 giờ, ngày 15/01/2026.",
          children: [],
        },
      ],
    },
  ],
  recipients: [
    "Thủ trưởng Bộ (07);",
    "TT Phòng TM, CT, HC-KT (09);",
    "Ban Chỉ huy PTKV 1, 2, 3, 4;",
    "Ban CHQS 114 xã, phường, đặc khu;",
    "Lưu: VT, TaH. Tt147.",
  ],
  signer: { authority: null, title: "Chỉ huy trưởng", rank: "Đại tá", name: "Bùi Xuân Thắng" },
};

/** Seed 001 (Ban Thường vụ Thành ủy: Party layout), with its programme table. */
export const seed001: PlanDocument = {
  layout: "party",
  parentBody: "Đảng bộ thành phố Hải Phòng",
  issuer: "Thành ủy Hải Phòng",
  number: "63-KH/TU",
  place: "Hải Phòng",
  date: "2026-05-26",
  typeName: "KẾ HOẠCH",
  title: "tổ chức Hội nghị sơ kết 1 năm vận hành mô hình\ntổ chức tổng thể của hệ thống chính trị, mô hình chính quyền\nđịa phương 2 cấp",
  legalBases: [
    "Thực hiện Công văn số 08-CV/BCĐ, ngày 19/5/2026 của Ban Chỉ đạo Trung ương; Kế hoạch số 59-KH/TU, ngày 21/5/2026 của Ban Thường vụ Thành ủy về tổ chức sơ kết 1 năm vận hành mô hình tổ chức tổng thể của hệ thống chính trị, mô hình chính quyền địa phương 2 cấp,",
  ],
  preamble: "Ban Thường vụ Thành ủy xây dựng Kế hoạch tổ chức Hội nghị sơ kết cấp thành phố với những nội dung sau:",
  sections: [
    {
      number: "I.",
      heading: "Thành phần, thời gian, địa điểm, chương trình hội nghị",
      text: "",
      children: [
        {
          number: "1.",
          heading: "Thành phần đại biểu",
          text: "",
          children: [
            {
              number: "1.1.",
              heading: "Đại biểu Trung ương",
              text: "- Đại diện lãnh đạo Ban Tổ chức Trung ương, Bộ Nội vụ, Văn phòng Chính phủ;",
              children: [],
            },
          ],
        },
        { number: "2.", heading: "Thời gian:", text: "1/2 ngày, dự kiến từ 08 giờ, ngày 02/6/2026 (thứ Ba).", children: [] },
        {
          number: "5.",
          heading: "Chương trình Hội nghị",
          text: "| STT | Thời gian | Nội dung | Phân công thực hiện |\n|-----|-----|--|---|\n| 1 | 08h00' - 08h05' | Tuyên bố lý do, giới thiệu đại biểu | Đồng chí Chánh Văn phòng Thành ủy |\n| 2 | 08h05' - 08h25' | Báo cáo sơ kết 1 năm | Đồng chí Trưởng Ban Tổ chức Thành ủy |",
          children: [],
        },
      ],
    },
  ],
  recipients: ["- Ban Thường vụ Thành uỷ,", "- Các đơn vị được phân công nhiệm vụ,", "- Lưu Văn phòng Thành uỷ."],
  signer: { authority: "T/M Ban Thường vụ", title: "Phó Bí thư Thường trực", rank: null, name: "Đỗ Mạnh Hiến" },
};

/** Seed 002 (UBND xã Thanh Hà: state layout, signed TM.). */
export const seed002: PlanDocument = {
  layout: "state",
  parentBody: "UBND thành phố Hải Phòng",
  issuer: "Ủy ban nhân dân xã Thanh Hà",
  number: "12/KH-UBND",
  place: "Thanh Hà",
  date: "2025-10-05",
  typeName: "KẾ HOẠCH",
  title: "Thực hiện Nghị quyết số 268/NQ-CP ngày 31/8/2025 của Chính phủ",
  legalBases: [
    "Thực hiện Nghị quyết số 268/NQ-CP ngày 31/8/2025 của Chính phủ về tình hình triển khai thực hiện và vận hành mô hình chính quyền địa phương 02 cấp;",
  ],
  preamble: null,
  sections: [
    {
      number: "I.",
      heading: "MỤC ĐÍCH, YÊU CẦU",
      text: "Triển khai nghiêm túc, có chất lượng và hiệu quả Nghị quyết số 268/NQ-CP.",
      children: [],
    },
  ],
  recipients: ["Ủy ban nhân dân thành phố;", "Sở Nội vụ;", "Lưu: VT, VHXH."],
  signer: { authority: "TM. Ủy ban nhân dân", title: "Chủ tịch", rank: null, name: "Trần Duy Thước" },
};

/** An urging letter of UBND xã Thanh Hà about its plan, two late units. */
export const urgingLetter: UrgingLetterDocument = {
  layout: "state",
  parentBody: "UBND thành phố Hải Phòng",
  issuer: "Ủy ban nhân dân xã Thanh Hà",
  number: "45/UBND-VX",
  place: "Thanh Hà",
  date: "2026-06-03",
  subject: "V/v đôn đốc thực hiện Kế hoạch số 12/KH-UBND",
  planReference: "Kế hoạch số 12/KH-UBND ngày 05/10/2025 của Ủy ban nhân dân xã Thanh Hà",
  asOf: "16 giờ 00 ngày 03/6/2026",
  lateUnits: [
    {
      unit: "Phòng Văn hóa - Xã hội",
      items: [{ what: "Báo cáo kết quả thực hiện", due: "08 giờ 00 ngày 31/5/2026", state: "overdue", note: null }],
    },
    {
      unit: "Trung tâm Phục vụ HCC xã",
      items: [{ what: "Danh sách đại biểu", due: "ngày 01/6/2026", state: "returned", note: "thiếu số điện thoại" }],
    },
  ],
  recipients: ["Lưu: VT, VHXH"],
  signer: { authority: "KT. Chủ tịch", title: "Phó Chủ tịch", rank: null, name: "Nguyễn Văn An" },
};
