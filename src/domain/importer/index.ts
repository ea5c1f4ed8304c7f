export { ImportError } from "./errors";
export { type ImportPlanInput, importPlan, MAX_IMPORT_BYTES } from "./importPlan";
export { type ReadPlanOptions, readPlanText } from "./readPlan";
export { summarisePlan } from "./summary";
