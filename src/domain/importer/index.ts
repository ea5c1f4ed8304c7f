export type { Block } from "./blocks";
export { ImportError } from "./errors";
export {
  decodeText,
  IMPORT_EXTENSIONS,
  type ImportedFile,
  type ImportPlanInput,
  importPlan,
  importPlanFile,
  MAX_IMPORT_BYTES,
  OCR_WARNING,
  type OcrEngine,
  type OcrPages,
} from "./importPlan";
export { type ReadPlanOptions, readPlanText } from "./readPlan";
export { summarisePlan } from "./summary";
