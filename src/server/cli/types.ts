/** One sub-command of `npx kehoach`. Each lives in its own file under src/server/cli/ and is listed in index.ts. */
export interface CliCommand {
  name: string;
  /** One Vietnamese line for the command list. */
  summary: string;
  /** Full `--help` text (Vietnamese first, options listed). */
  help: string;
  /** Returns the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export const processIO: CliIO = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};
