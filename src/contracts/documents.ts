import { z } from "zod";

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
