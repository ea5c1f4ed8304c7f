import { useMutation } from "@tanstack/react-query";
import { ImportPlanResponse } from "../../../contracts/importer-preview";
import { api } from "../../app/api";

export type ImportSource = { file: File } | { fileName: string; text: string };

/** Sends a file (multipart) or pasted text (JSON); nothing is saved, the answer is for review. */
export function useImportPlan() {
  return useMutation({
    mutationFn: (source: ImportSource) => {
      if ("file" in source) {
        const form = new FormData();
        form.append("file", source.file, source.file.name);
        return api("POST", "/api/import/plan", { form, schema: ImportPlanResponse });
      }
      return api("POST", "/api/import/plan", { body: source, schema: ImportPlanResponse });
    },
    onError: () => undefined,
  });
}
