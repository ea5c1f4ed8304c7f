export { agendaTime, buildAgendaDocx } from "./agenda";
export { deadlineText, placeDate, shortDate } from "./format";
export { buildPlanDocx } from "./plan";
export { buildAnnexTableDocx, buildMcScriptDocx } from "./program";
export type * from "./types";
export { buildUrgingLetterDocx } from "./urging-letter";
