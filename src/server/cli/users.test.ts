import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { auditLog, roleGrants, users } from "../db/schema/index";
import { verifyPassword } from "../platform/passwords";
import { makeUnit, type UnitRow } from "../testing/factories";
import type { CliIO } from "./types";
import { usersCommand } from "./users";

interface FakeIO extends CliIO {
  out: () => string;
  err: () => string;
  rawModes: boolean[];
  input: PassThrough & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

function fakeIO(env: NodeJS.ProcessEnv, tty = false): FakeIO {
  const input: FakeIO["input"] = new PassThrough();
  const rawModes: boolean[] = [];
  if (tty) {
    input.isTTY = true;
    input.setRawMode = (raw: boolean) => rawModes.push(raw);
  }
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  return { stdin: input, stdout, stderr, env, input, rawModes, out: () => out, err: () => err };
}

describe("kehoach users (command line)", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let partyCommittee: UnitRow;
  let commune: UnitRow;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "kehoach-users-cli-"));
    env = { KEHOACH_DATA_DIR: dir };
    const database = await openDatabase({ dataDir: dir });
    await database.migrate();
    partyCommittee = await makeUnit(database.db, { name: "Thành ủy Hải Phòng", shortName: "TU Hải Phòng", tree: "party" });
    const stateRoot = await makeUnit(database.db, { name: "UBND thành phố Hải Phòng" });
    const otherRoot = await makeUnit(database.db, { name: "Đảng ủy Khối", tree: "party" });
    commune = await makeUnit(database.db, { parent: stateRoot, name: "Xã An Lão" });
    await makeUnit(database.db, { parent: otherRoot, name: "Xã An Lão", tree: "party" });
    await database.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints help for users and for users create", async () => {
    const io = fakeIO(env);
    expect(await usersCommand.run(["--help"], io)).toBe(0);
    expect(io.out()).toContain("Cách dùng: npx kehoach users <lệnh con>");
    const create = fakeIO(env);
    expect(await usersCommand.run(["create", "--help"], create)).toBe(0);
    expect(create.out()).toContain("--unit ĐƠN_VỊ");
    expect(create.out()).not.toContain("Lệnh con:");
  });

  it("creates a user on a unit named with the old tone placement, password from KEHOACH_PASSWORD", async () => {
    const io = fakeIO({ ...env, KEHOACH_PASSWORD: "mat-khau-cli-123" });
    const code = await usersCommand.run(
      ["create", "--username", "VanThu.TU", "--unit", "thành uỷ hải phòng", "--role", "manager", "--full-name", "Nguyễn Thị Hoa"],
      io,
    );
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(io.out()).toContain("Đã tạo người dùng vanthu.tu (Nguyễn Thị Hoa), vai trò manager tại Thành ủy Hải Phòng.");
    const again = fakeIO({ ...env, KEHOACH_PASSWORD: "mat-khau-cli-123" });
    expect(await usersCommand.run(["create", "--username", "vanthu.tu", "--unit", "TU Hải Phòng", "--role", "viewer"], again)).toBe(1);
    expect(again.err()).toContain('Tên đăng nhập "vanthu.tu" đã có người dùng.');
  });

  it("reads the password twice without echo on a terminal, and finds a unit by its id", async () => {
    const io = fakeIO(env, true);
    const run = usersCommand.run(["create", "--username", "ban.chqs", "--unit", commune.id, "--role", "member"], io);
    await waitFor(() => io.out().includes("Mật khẩu: "));
    io.input.write("bi-mat-123\r");
    await waitFor(() => io.out().includes("Nhập lại mật khẩu: "));
    io.input.write("bi-mat-123\r");
    expect(await run).toBe(0);
    expect(io.out()).not.toContain("bi-mat-123");
    expect(io.rawModes).toEqual([true, false]);
    expect(io.out()).toContain("vai trò member tại Xã An Lão");
  });

  it("refuses when the two typed passwords differ", async () => {
    const io = fakeIO(env, true);
    const run = usersCommand.run(["create", "--username", "go.sai", "--unit", commune.id, "--role", "member"], io);
    await waitFor(() => io.out().includes("Mật khẩu: "));
    io.input.write("bi-mat-123\rkhac-han-456\r");
    expect(await run).toBe(1);
    expect(io.err()).toContain("Hai lần nhập mật khẩu không khớp.");
  });

  it("asks for KEHOACH_PASSWORD when there is no terminal to type it in", async () => {
    const io = fakeIO(env);
    expect(await usersCommand.run(["create", "--username", "khong.tty", "--unit", commune.id, "--role", "member"], io)).toBe(1);
    expect(io.err()).toContain("hãy đặt biến môi trường KEHOACH_PASSWORD");
  });

  it("lists the candidates when a unit name is ambiguous", async () => {
    const io = fakeIO({ ...env, KEHOACH_PASSWORD: "mat-khau-cli-123" });
    expect(await usersCommand.run(["create", "--username", "trung.ten", "--unit", "xã an lão", "--role", "member"], io)).toBe(1);
    expect(io.err()).toContain('Có 2 đơn vị trùng tên "xã an lão". Hãy dùng mã đơn vị');
    expect(io.err()).toContain(commune.id);
    expect(io.err()).toContain("thuộc Đảng ủy Khối");
  });

  it("lists near candidates when no unit has that name", async () => {
    const io = fakeIO({ ...env, KEHOACH_PASSWORD: "mat-khau-cli-123" });
    expect(await usersCommand.run(["create", "--username", "khong.thay", "--unit", "hai phong", "--role", "member"], io)).toBe(1);
    expect(io.err()).toContain('Không tìm thấy đơn vị "hai phong". Các đơn vị gần đúng:');
    expect(io.err()).toContain(partyCommittee.id);
  });

  it("refuses a bad role, a bad username, a short password and missing options", async () => {
    const withPassword = (password: string) => fakeIO({ ...env, KEHOACH_PASSWORD: password });
    const cases: Array<[string[], string, string]> = [
      [["--username", "abc.d", "--unit", commune.id, "--role", "boss"], "mat-khau-cli-123", 'Vai trò "boss" không hợp lệ'],
      [["--username", "a b", "--unit", commune.id, "--role", "member"], "mat-khau-cli-123", "Tên đăng nhập phải dài 3–64 ký tự"],
      [["--username", "ngan.qua", "--unit", commune.id, "--role", "member"], "ngan", "Mật khẩu phải có ít nhất 8 ký tự."],
      [["--username", "thieu.unit", "--role", "member"], "mat-khau-cli-123", "Thiếu tuỳ chọn: --unit"],
      [["--username", "la.ky", "--unit", commune.id, "--role", "member", "--admin"], "mat-khau-cli-123", "Tuỳ chọn không hợp lệ"],
    ];
    for (const [args, password, message] of cases) {
      const io = withPassword(password);
      expect(await usersCommand.run(["create", ...args], io), message).toBe(1);
      expect(io.err()).toContain(message);
    }
  });

  it("stored the created users with a hashed password, their grant and an audit row", async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      const [user] = await database.db.select().from(users).where(eq(users.username, "vanthu.tu"));
      expect(user).toMatchObject({ fullName: "Nguyễn Thị Hoa", unitId: partyCommittee.id, active: true });
      expect(await verifyPassword(user.passwordHash, "mat-khau-cli-123")).toBe(true);
      const grants = await database.db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
      expect(grants.map((g) => [g.unitId, g.role])).toEqual([[partyCommittee.id, "manager"]]);
      const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
      expect(audit.map((a) => [a.action, a.actorName, a.actorId])).toEqual([["user.create", "(cli)", null]]);
      const refused = await database.db.select().from(users).where(eq(users.username, "go.sai"));
      expect(refused).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error("condition never became true");
}
