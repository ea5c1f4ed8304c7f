import { describe, expect, it } from "vitest";
import { main } from "./cli";
import { commands } from "./cli/index";
import { fakeIO } from "./cli/testing";

describe("kehoach CLI", () => {
  it("lists every command on --help", async () => {
    const { io, out } = fakeIO();
    expect(await main(["--help"], io)).toBe(0);
    for (const name of ["serve", "migrate", "seed", "users", "dates", "import"]) expect(out()).toContain(name);
  });

  it.each(Object.keys(commands))("prints Vietnamese help for `%s --help` without running it", async (name) => {
    const { io, out } = fakeIO();
    expect(await main([name, "--help"], io)).toBe(0);
    expect(out()).toMatch(/Cách dùng|kehoach/);
    expect(out().length).toBeGreaterThan(40);
  });

  it("refuses an unknown command with exit code 2", async () => {
    const { io, err } = fakeIO();
    expect(await main(["khong-co"], io)).toBe(2);
    expect(err()).toContain("Lệnh không tồn tại: khong-co");
  });
});
