import type { ImportErrorCode } from "../../contracts/importer";

/** Why a file could not be imported; the server maps the code to 400/413, the UI shows the message: `e.code === "TOO_LARGE"`. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  /** `throw new ImportError("TOO_LARGE", "Tệp lớn hơn 10 MB …")`. */
  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImportError";
    this.code = code;
  }
}
