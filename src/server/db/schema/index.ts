export * from "./organisations";
export * from "./people";
export * from "./audit";
