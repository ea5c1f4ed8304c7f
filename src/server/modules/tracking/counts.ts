import type { boardStatusFilters } from "../../../contracts/tracking";

export type BoardStatusFilter = (typeof boardStatusFilters)[number];
