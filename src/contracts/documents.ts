import { z } from "zod";
import { IdParams } from "./common";
import { endpoint, file, json, MIME } from "./http";

/** Optional details of the công văn đôn đốc; what is left out comes from the plan and the issuer's register. */
export const UrgingLetterRequest = z
  .strictObject({
    /**
     * The drafting office in a state công văn's symbol (`VP` in `15/UBND-VP`, the default). The number itself
     * always comes from the issuer's register of outgoing documents.
     */
    office: z
      .string()
      .trim()
      .regex(/^[A-ZĐ][A-ZĐ0-9&]{0,9}$/u, { error: "Mã đơn vị soạn thảo chỉ gồm chữ in hoa và số, ví dụ VP, VX." })
      .optional(),
    /** ISO date of the letter; default today in Vietnam. */
    date: z.iso.date({ error: "Ngày phải có dạng YYYY-MM-DD." }).optional(),
    signer: z
      .strictObject({
        authority: z.string().max(200).nullable(),
        title: z.string().max(200),
        rank: z.string().max(100).nullable(),
        name: z.string().max(200),
      })
      .optional(),
  })
  // An empty POST arrives as null.
  .nullish();
export type UrgingLetterRequest = z.infer<typeof UrgingLetterRequest>;

/** GET /api/plans/:id/urging-letter/preview: the rows the letter will hold. */
export const UrgingLetterPreview = z.object({
  lateUnits: z.array(
    z.object({
      unit: z.string(),
      items: z.array(z.object({ what: z.string(), due: z.string(), state: z.enum(["overdue", "returned"]), note: z.string().nullable() })),
    }),
  ),
});
export type UrgingLetterPreview = z.infer<typeof UrgingLetterPreview>;

const tags = ["documents"];

/** Official documents as Word files. */
export const documentEndpoints = {
  planDocx: endpoint({
    method: "GET",
    path: "/api/plans/:id/export.docx",
    tags,
    summary: "Xuất kế hoạch ra tệp Word theo thể thức văn bản (Nghị định 30 hoặc Hướng dẫn 36 của Đảng)",
    params: IdParams,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
  urgingLetterPreview: endpoint({
    method: "GET",
    path: "/api/plans/:id/urging-letter/preview",
    tags,
    summary: "Xem trước công văn đôn đốc: các đơn vị chậm và nội dung, thời hạn từng việc",
    params: IdParams,
    reply: json(UrgingLetterPreview),
  }),
  urgingLetter: endpoint({
    method: "POST",
    path: "/api/plans/:id/urging-letter",
    tags,
    summary: "Lập công văn đôn đốc (.docx) các đơn vị chậm hạn hoặc bị trả lại",
    params: IdParams,
    body: UrgingLetterRequest,
    reply: file(MIME.docx, "Tệp Word (.docx)"),
  }),
};
