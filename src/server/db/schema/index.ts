export * from "./organisations";
export * from "./people";
export * from "./audit";
export * from "./plans";
export * from "./obligations";
export * from "./notifications";
