import { z } from "zod";
import { ZImportResult } from "./importer";

/** POST /api/import/plan with JSON: text pasted in the browser, named so the importer knows how to read it (.txt or .md). */
export const ImportPlanTextRequest = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "Hãy đặt tên cho văn bản (ví dụ: ke-hoach.txt)." })
    .max(255, { error: "Tên tệp quá dài (tối đa 255 ký tự)." }),
  text: z.string().trim().min(1, { error: "Hãy dán nội dung kế hoạch trước khi đọc." }),
});
export type ImportPlanTextRequest = z.infer<typeof ImportPlanTextRequest>;

/** What the importer read, next to the plain text it read it from, so the UI can show where each field came from. */
export const ImportPlanResponse = z.object({ sourceText: z.string(), result: ZImportResult });
export type ImportPlanResponse = z.infer<typeof ImportPlanResponse>;
