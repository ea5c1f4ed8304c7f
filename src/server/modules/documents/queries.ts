// The units' names come from organisations, which owns the units table.
export { issuerNames } from "../organisations/queries";
