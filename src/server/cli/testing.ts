import { PassThrough } from "node:stream";
import type { CliIO } from "./types";

/** Streams for running a CLI command in a test: `const { io, out } = fakeIO({ input: "…" })`. */
export function fakeIO(options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
  stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
  stdin.end(options.input ?? "");
  const io: CliIO = { stdin, stdout, stderr, env: options.env ?? {} };
  return { io, out: () => out, err: () => err };
}
