import { z } from "zod";
import { IdParams } from "./common";
import { endpoint, file, MIME } from "./http";

/** Optional details of the công văn đôn đốc; what is left out stays blank for the records office or comes from the plan. */
export const UrgingLetterRequest = z
  .strictObject({
    /** The letter's own number and symbol (`45/UBND-VX`); a state công văn has no type code, a Party one is `CV`. */
    number: z.string().trim().max(100).nullable().optional(),
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
