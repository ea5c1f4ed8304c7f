import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Every TanStack Query key of the web app, in one place. A key starts with its domain, so invalidating the
 * domain's root (`queryKeys.plans.all`) refreshes every view under it.
 */
export const queryKeys = {
  me: ["auth", "me"] as const,
  plans: {
    all: ["plans"] as const,
    lists: ["plans", "list"] as const,
    list: (status: string | undefined) => ["plans", "list", status ?? "all"] as const,
    detail: (id: string) => ["plans", "detail", id] as const,
    amendments: (id: string) => ["plans", "detail", id, "amendments"] as const,
  },
  board: { all: ["board"] as const, page: (planId: string, params: object) => ["board", planId, params] as const },
  rollup: {
    all: ["rollup"] as const,
    level: (planId: string, parentUnitId: string | undefined) => ["rollup", planId, parentUnitId ?? "top"] as const,
  },
  planObligations: {
    all: ["plan-obligations"] as const,
    ofUnit: (planId: string, unitId: string) => ["plan-obligations", planId, unitId] as const,
  },
  obligations: { all: ["obligations"] as const, detail: (id: string) => ["obligations", id] as const },
  myWork: { all: ["my-work"] as const, ofUnit: (unitId: string | undefined) => ["my-work", unitId ?? "mine"] as const },
  notifications: {
    all: ["notifications"] as const,
    latest: ["notifications", "latest"] as const,
    email: ["notifications", "email"] as const,
  },
  units: {
    all: ["units"] as const,
    list: ["units", "all"] as const,
    search: (q: string) => ["units", "search", q] as const,
  },
  groups: { all: ["unit-groups"] as const, members: (groupId: string | null) => ["unit-groups", groupId, "units"] as const },
  users: { all: ["users"] as const, list: (filter: string) => ["users", filter] as const },
  audit: { all: ["audit"] as const },
  conferences: {
    all: ["conferences"] as const,
    list: ["conferences", "list"] as const,
    ofPlan: (planId: string) => ["conferences", "plan", planId] as const,
    detail: (id: string) => ["conferences", "detail", id] as const,
  },
  conferenceProgram: {
    all: ["conference-program"] as const,
    speeches: (conferenceId: string) => ["conference-program", conferenceId, "speeches"] as const,
    awards: (conferenceId: string) => ["conference-program", conferenceId, "awards"] as const,
    logistics: (conferenceId: string) => ["conference-program", conferenceId, "logistics"] as const,
    readiness: (conferenceId: string) => ["conference-program", conferenceId, "readiness"] as const,
  },
  delegates: {
    all: ["delegates"] as const,
    list: (conferenceId: string, filter: object) => ["delegates", conferenceId, "list", filter] as const,
    quotas: (conferenceId: string) => ["delegates", conferenceId, "quotas"] as const,
    nominees: (quotaId: string, unitId: string) => ["delegates", "nominees", quotaId, unitId] as const,
    tally: (conferenceId: string) => ["delegates", conferenceId, "tally"] as const,
    invitations: (conferenceId: string) => ["delegates", conferenceId, "invitations"] as const,
    confirm: (token: string) => ["delegates", "confirm", token] as const,
  },
  seating: { all: ["seating"] as const, plan: (conferenceId: string) => ["seating", conferenceId] as const },
};

/** Every view that shows an obligation or counts obligations: what a submission, return or acceptance changes. */
const obligationViews: readonly QueryKey[] = [
  queryKeys.obligations.all,
  queryKeys.planObligations.all,
  queryKeys.board.all,
  queryKeys.rollup.all,
  queryKeys.myWork.all,
  queryKeys.plans.all,
  queryKeys.notifications.all,
  queryKeys.conferenceProgram.all,
  queryKeys.delegates.all,
];

/** Refreshes every view that shows obligations (after submit, return, accept, issue, a task change). */
export async function refreshObligationViews(queryClient: QueryClient): Promise<void> {
  await Promise.all(obligationViews.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
