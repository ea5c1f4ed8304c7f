export { buildPlanDocx } from "./plan";
export { buildUrgingLetterDocx } from "./urging-letter";
export { deadlineText, placeDate, shortDate } from "./format";
export type * from "./types";
