import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { reportEndpoints } from "../../../contracts/reports";
import { call } from "../../app/api";

/** A unit's report (form, values, sections) for one obligation. */
export const unitReportKey = (obligationId: string) => ["unit-report", obligationId] as const;

export function useUnitReport(obligationId: string) {
  return useQuery({
    queryKey: unitReportKey(obligationId),
    queryFn: () => call(reportEndpoints.getUnitReport, { params: { id: obligationId } }),
    // The editors own their text once loaded; a refetch must not reset what is being typed.
    refetchOnWindowFocus: false,
  });
}

/** Autosave of one heading (the caller handles 409 with the server's copy). */
export const saveSection = (obligationId: string, headingId: string, version: number, doc: Record<string, unknown>) =>
  call(reportEndpoints.saveSection, { params: { id: obligationId, headingId }, body: { version, doc } });

export function useSaveValues(obligationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; values: Array<{ indicatorId: string; value: number | null }> }) =>
      call(reportEndpoints.saveValues, { params: { id: obligationId }, body }),
    onSuccess: (report) => queryClient.setQueryData(unitReportKey(obligationId), report),
  });
}

export function usePreviewDocx(obligationId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return call(reportEndpoints.previewDocx, { params: { id: obligationId }, form });
    },
  });
}

export function useSaveSections(obligationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sections: Array<{ headingId: string; version: number; doc: Record<string, unknown> }>) =>
      call(reportEndpoints.saveSections, { params: { id: obligationId }, body: { sections } }),
    onSuccess: (report) => queryClient.setQueryData(unitReportKey(obligationId), report),
  });
}
