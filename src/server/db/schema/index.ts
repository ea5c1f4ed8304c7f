export * from "./audit";
export * from "./notifications";
export * from "./obligations";
export * from "./organisations";
export * from "./people";
export * from "./plans";
