export { agendaTime, buildAgendaDocx } from "./agenda";
export { deadlineText, placeDate, shortDate } from "./format";
export { buildPlanDocx } from "./plan";
export type * from "./types";
export { buildUrgingLetterDocx } from "./urging-letter";
