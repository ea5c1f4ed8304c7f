export { importPlan, MAX_IMPORT_BYTES, type ImportPlanInput } from "./importPlan";
export { readPlanText, type ReadPlanOptions } from "./readPlan";
export { ImportError } from "./errors";
export { summarisePlan } from "./summary";
