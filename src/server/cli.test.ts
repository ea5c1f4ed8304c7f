import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "./cli";
import { commands } from "./cli/index";
import type { CliIO } from "./cli/types";

function fakeIO(): CliIO & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  return { stdin: new PassThrough(), stdout, stderr, env: {}, out: () => out, err: () => err };
}

describe("kehoach CLI", () => {
  it("lists every command on --help", async () => {
    const io = fakeIO();
    expect(await main(["--help"], io)).toBe(0);
    for (const name of ["serve", "migrate", "seed", "users", "dates", "import"]) expect(io.out()).toContain(name);
  });

  it.each(Object.keys(commands))("prints Vietnamese help for `%s --help` without running it", async (name) => {
    const io = fakeIO();
    expect(await main([name, "--help"], io)).toBe(0);
    expect(io.out()).toMatch(/Cách dùng|kehoach/);
    expect(io.out().length).toBeGreaterThan(40);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const io = fakeIO();
    expect(await main(["khong-co"], io)).toBe(2);
    expect(io.err()).toContain("Lệnh không tồn tại: khong-co");
  });
});
