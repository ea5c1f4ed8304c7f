import { StringDecoder } from "node:string_decoder";
import type { CliIO } from "./types";

type Stdin = CliIO["stdin"] & { setRawMode?: (raw: boolean) => unknown };

export class InputAborted extends Error {}

/**
 * Asks each prompt in turn and reads one line per prompt without echoing it (raw mode on a TTY),
 * e.g. a password and its confirmation: `const [pw, again] = await readHiddenLines(io, ["Mật khẩu: ", "Nhập lại: "])`.
 * Ctrl-C or the end of input rejects with InputAborted.
 */
export function readHiddenLines(io: CliIO, prompts: string[]): Promise<string[]> {
  const stdin = io.stdin as Stdin;
  const raw = typeof stdin.setRawMode === "function";
  const decoder = new StringDecoder("utf8");
  const lines: string[] = [];
  let current: string[] = [];
  let lastWasCr = false;

  return new Promise<string[]>((resolve, reject) => {
    const cleanup = () => {
      stdin.off("data", onData);
      stdin.off("end", onEnd);
      if (raw) stdin.setRawMode?.(false);
      stdin.pause();
    };
    const onEnd = () => {
      cleanup();
      reject(new InputAborted("stdin ended"));
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
      for (const ch of text) {
        if (ch === "\n" && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = ch === "\r";
        if (ch === "\r" || ch === "\n") {
          lines.push(current.join(""));
          current = [];
          io.stdout.write("\n");
          if (lines.length === prompts.length) {
            cleanup();
            resolve(lines);
            return;
          }
          io.stdout.write(prompts[lines.length]);
        } else if (ch === "\u0003" || ch === "\u0004") {
          cleanup();
          reject(new InputAborted("cancelled"));
          return;
        } else if (ch === "\u007f" || ch === "\b") {
          current.pop();
        } else {
          current.push(ch);
        }
      }
    };
    if (raw) stdin.setRawMode?.(true);
    io.stdout.write(prompts[0]);
    stdin.on("data", onData);
    stdin.on("end", onEnd);
    stdin.resume();
  });
}
