import { useMutation } from "@tanstack/react-query";
import { importerEndpoints } from "../../../contracts/importer-preview";
import { call } from "../../app/api";

export type ImportSource = { file: File } | { fileName: string; text: string };

/** Sends a file (multipart) or pasted text (JSON); nothing is saved, the answer is for review. */
export function useImportPlan() {
  return useMutation({
    mutationFn: (source: ImportSource) => {
      if ("file" in source) {
        const form = new FormData();
        form.append("file", source.file, source.file.name);
        return call(importerEndpoints.preview, { form });
      }
      return call(importerEndpoints.preview, { body: source });
    },
    onError: () => undefined,
  });
}
