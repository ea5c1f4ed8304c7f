#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so the package needs no separate server build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/server/cli.ts");
process.exitCode = await main(process.argv.slice(2));
