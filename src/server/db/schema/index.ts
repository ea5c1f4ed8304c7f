export * from "./audit";
export * from "./conferences";
export * from "./notifications";
export * from "./obligations";
export * from "./organisations";
export * from "./people";
export * from "./plans";
export * from "./reports";
