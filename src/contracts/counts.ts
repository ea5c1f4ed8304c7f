import { z } from "zod";

/**
 * Obligation counts, one wire shape for the plan list, the plan page, the board and the roll-up; the rule behind
 * each number is written once, in server/modules/obligations/counts.ts:
 * expected = obligations; submitted = done (submitted or accepted; a returned one is owed again);
 * onTime = done and never late; late = any submission after the deadline (stays after acceptance);
 * overdue = still owed after the deadline; completeness = submitted ÷ expected; onTimeRate = onTime ÷ expected.
 */
export const ObligationCounts = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  returned: z.number().int(),
  accepted: z.number().int(),
  completeness: z.number(),
  onTimeRate: z.number(),
});
export type ObligationCounts = z.infer<typeof ObligationCounts>;
