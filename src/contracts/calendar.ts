import { z } from "zod";

/** The secret feed address, shown once: whoever has it can read the unit's deadlines without signing in. */
export const CalendarToken = z.object({
  url: z.string(),
  path: z.string(),
  createdAt: z.iso.datetime(),
});
export type CalendarToken = z.infer<typeof CalendarToken>;

export const CalendarFileParams = z.strictObject({ file: z.string().max(200) });
