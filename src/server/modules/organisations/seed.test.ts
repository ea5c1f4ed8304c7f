import { and, eq, inArray, like } from "drizzle-orm";
import { expect, it } from "vitest";
import type { UnitView } from "../../../contracts/organisations";
import type { PlanDetail } from "../../../contracts/plans";
import { seedCommand } from "../../cli/seed";
import { units } from "../../db/schema/index";
import { DEMO_COMMUNES, DEMO_PASSWORD, type DemoSeed, seedDemo } from "../../db/seed/demo";
import { seedDemoPlans } from "../../db/seed/demo-plans";
import { seedSynthetic, spread } from "../../db/seed/synthetic";
import { makeUser } from "../../testing/factories";
import { describeOnDatabases, TestClient } from "../../testing/harness";
import { resolveGroup } from "./service";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every string a page displays as a unit's name: `name`, `…Name` and the values of `unitNames`, at any depth. */
function displayedNames(value: unknown, key = ""): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => displayedNames(v, `${key}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]): Array<[string, string]> => {
    const path = key ? `${key}.${k}` : k;
    if (typeof v === "string" && (k === "name" || k.endsWith("Name"))) return [[path, v]];
    if (k === "unitNames" && v && typeof v === "object") return Object.entries(v).map(([id, n]) => [`${path}.${id}`, String(n)]);
    return displayedNames(v, path);
  });
}

describeOnDatabases("demo and synthetic data", (ctx) => {
  // seedDemo runs once per database: its names are fixed, so a second run would clash with the first.
  let demo: DemoSeed | undefined;
  const seeded = async () => (demo ??= await seedDemo(ctx().db));

  it("creates the named units of Hải Phòng in their trees", async () => {
    const { roots } = await seeded();
    // Other test files share the PostgreSQL database and may name a unit like the demo's: look in the demo's trees only.
    const rootIds = Object.values(roots);
    const rows = (await ctx().db.select().from(units)).filter((u) => rootIds.some((id) => u.path.startsWith(`${id}/`)));
    const find = (name: string) => rows.filter((u) => u.name === name);
    expect(find("Ủy ban nhân dân thành phố Hải Phòng")[0]).toMatchObject({
      id: roots.state,
      tree: "state",
      kind: "ubnd",
      shortName: "UBND thành phố",
      level: 0,
    });
    expect(find("Thành ủy Hải Phòng")[0]).toMatchObject({ id: roots.party, tree: "party", kind: "thanh-uy" });
    expect(find("Bộ CHQS thành phố Hải Phòng")[0]).toMatchObject({ id: roots.military, kind: "bo-chqs", shortName: "Bộ CHQS thành phố" });
    expect(find("Phòng Tham mưu")[0]).toMatchObject({ shortName: "Phòng TM", parentId: roots.military });
    expect(find("Sở Văn hóa, Thể thao và Du lịch")[0]).toMatchObject({ kind: "so", parentId: roots.state });
    expect(find("Hội đồng nhân dân thành phố Hải Phòng")[0]).toMatchObject({ kind: "hdnd", parentId: null });
    expect(find("Ủy ban MTTQ Việt Nam thành phố Hải Phòng")[0]).toMatchObject({ kind: "mttq", parentId: null });
    for (const commune of DEMO_COMMUNES) {
      const [xa] = find(commune);
      expect(xa).toMatchObject({ kind: "xa", parentId: roots.state });
      const lower = commune.charAt(0).toLocaleLowerCase("vi") + commune.slice(1);
      expect(find(`Ủy ban nhân dân ${lower}`)[0]).toMatchObject({ kind: "ubnd", parentId: xa.id });
      expect(find(`Đảng ủy ${lower}`)[0]).toMatchObject({ kind: "dang-uy", parentId: roots.party });
      expect(find(`Ban CHQS ${lower}`)[0]).toMatchObject({ kind: "ban-chqs", parentId: roots.military });
    }
    const thanhHa = find("Ủy ban nhân dân xã Thanh Hà")[0];
    const thanhHaChildren = rows
      .filter((u) => u.parentId === thanhHa.id)
      .map((u) => u.name)
      .sort();
    expect(thanhHaChildren).toEqual(
      ["Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Trung tâm Văn hóa, Thể thao và Truyền thông"].sort(),
    );
    expect(rows.filter((u) => u.kind === "ptkv" && u.parentId === roots.military)).toHaveLength(4);
    // Other test files share this database and make regiments of their own: look only under the demo root.
    expect(
      rows
        .filter((u) => u.kind === "trung-doan" && u.path.startsWith(`${roots.military}/`))
        .map((u) => u.name)
        .sort(),
    ).toEqual(["Trung đoàn 125", "Trung đoàn 50", "Trung đoàn 836"]);
  });

  it("resolves the demo rule group to every Ban CHQS of a commune", async () => {
    const { groupIds, roots } = await seeded();
    const members = await resolveGroup(ctx().db, groupIds.banChqs);
    const banChqs = await ctx()
      .db.select({ id: units.id })
      .from(units)
      .where(and(eq(units.kind, "ban-chqs"), like(units.path, `${roots.military}/%`)));
    expect(members).toHaveLength(DEMO_COMMUNES.length);
    expect(members.map((m) => m.id).sort()).toEqual(banChqs.map((b) => b.id).sort());
    const speeches = await resolveGroup(ctx().db, groupIds.speeches);
    expect(speeches.map((u) => u.name)).toContain("Sở Nội vụ");
  });

  it("finds Phường Đông Hải when searched as 'dong hai' by a demo account", async () => {
    const { usernames } = await seeded();
    expect(usernames).toContain("ubnd.donghai");
    const client = new TestClient(ctx().app);
    expect((await client.signIn("vanphong.ubnd", DEMO_PASSWORD)).statusCode).toBe(200);
    const res = await client.get("/api/units/search?q=dong%20hai");
    expect(res.statusCode).toBe(200);
    expect((res.json().units as UnitView[]).map((u) => u.name)).toContain("Phường Đông Hải");
    // Every word, in any order, diacritics ignored; a word the name lacks finds nothing.
    for (const q of ["ubnd dong hai", "dong hai ubnd", "Hải UBND đông"]) {
      const found = await client.get(`/api/units/search?q=${encodeURIComponent(q)}`);
      expect((found.json().units as UnitView[]).map((u) => u.shortName)).toContain("UBND phường Đông Hải");
    }
    const extra = await client.get(`/api/units/search?q=${encodeURIComponent("dong hai ubnd khong")}`);
    expect((extra.json().units as UnitView[]).map((u) => u.shortName)).not.toContain("UBND phường Đông Hải");
    const party = await client.get("/api/units/search?q=thanh%20uy");
    // The viewer of UBND thành phố reads the state tree only.
    expect((party.json().units as UnitView[]).every((u) => u.tree === "state")).toBe(true);
  });

  it("lets the commune demo account see its own commune but not another", async () => {
    await seeded();
    const client = new TestClient(ctx().app);
    expect((await client.signIn("ubnd.donghai", DEMO_PASSWORD)).statusCode).toBe(200);
    const names = ((await client.get("/api/units")).json().units as UnitView[]).map((u) => u.name);
    expect(names).toEqual(
      expect.arrayContaining(["Ủy ban nhân dân thành phố Hải Phòng", "Phường Đông Hải", "Ủy ban nhân dân phường Đông Hải"]),
    );
    expect(names).not.toContain("Xã Thanh Hà");
  });

  it("names every unit the demo plans' pages show, never a bare id, for every demo account", async () => {
    const { usernames, roots } = await seeded();
    const [city] = await ctx().db.select().from(units).where(eq(units.id, roots.state));
    const admin = await makeUser(ctx().db, { unit: city, grants: [{ unit: city, role: "admin" }] });
    // Other test files share the PostgreSQL database and seed units of the same names: the issuers are this demo's.
    const rootIds = Object.values(roots);
    const ownUnit = async (name: string) =>
      (await ctx().db.select().from(units).where(eq(units.name, name))).find((u) =>
        rootIds.some((id) => u.id === id || u.path.startsWith(`${id}/`)),
      )?.id;
    const issuerIds = {
      military: await ownUnit("Bộ CHQS thành phố Hải Phòng"),
      party: await ownUnit("Thành ủy Hải Phòng"),
      state: await ownUnit("Ủy ban nhân dân xã Thanh Hà"),
      city: roots.state,
    };
    expect(await seedDemoPlans(ctx().db, { adminUserId: admin.id, issuerIds })).toBe(4);
    let tasksSeen = 0;
    for (const username of usernames) {
      const client = new TestClient(ctx().app);
      expect((await client.signIn(username, DEMO_PASSWORD)).statusCode).toBe(200);
      const pages: Array<[string, unknown]> = [];
      const read = async (url: string) => {
        const res = await client.get(url);
        expect(res.statusCode, `${username} ${url}`).toBe(200);
        pages.push([url, res.json()]);
        return res.json();
      };
      const { plans } = (await read("/api/plans")) as { plans: Array<{ id: string }> };
      // A viewer has no work of its own (403); everyone else reads it.
      const work = await client.get("/api/my-work");
      if (work.statusCode !== 403) pages.push(["/api/my-work", work.json()]);
      for (const { id } of plans) {
        const plan = (await read(`/api/plans/${id}`)) as PlanDetail;
        // Every unit a task or speech names comes with its name, whichever tree it sits in.
        for (const task of plan.tasks) {
          tasksSeen += 1;
          for (const unitId of [...(task.target.unitIds ?? []), ...task.supportUnitIds]) {
            expect(plan.unitNames[unitId], `${username}: task "${task.what}" names unit ${unitId}`).toMatch(/\p{L}/u);
          }
        }
        if (plan.canTrack) {
          await read(`/api/plans/${id}/board`);
          await read(`/api/plans/${id}/rollup`);
          await read(`/api/plans/${id}/obligations`);
        }
      }
      // No field a page shows as a unit (a name, or a unit's label) holds an id instead of a name.
      for (const [url, body] of pages) {
        for (const [key, value] of displayedNames(body)) {
          expect(UUID.test(value), `${username} ${url}: ${key} = ${value}`).toBe(false);
          expect(value.trim(), `${username} ${url}: ${key} is empty`).not.toBe("");
        }
      }
    }
    expect(tasksSeen).toBeGreaterThan(0);
  });

  it("builds a synthetic country with the expected counts", async () => {
    const seed = await seedSynthetic(ctx().db, { provinces: 2, communes: 11 });
    expect(spread(11, 2)).toEqual([6, 5]);
    expect(seed.unitCount).toBe(2 * 3 + 11 * 4);
    expect(seed.communeUbndIds).toHaveLength(11);
    expect(seed.provinces.map((p) => p.communeCount)).toEqual([6, 5]);
    const rows = await ctx()
      .db.select()
      .from(units)
      .where(inArray(units.id, [...seed.communeUbndIds, ...seed.communeMilitaryIds]));
    expect(rows).toHaveLength(22);
    expect(rows.map((r) => r.name)).toContain("Ủy ban nhân dân xã Tổng hợp 02-0005");
    const militaryRoot = seed.provinces[1].militaryRootId;
    const bans = await ctx()
      .db.select()
      .from(units)
      .where(and(eq(units.kind, "ban-chqs"), like(units.path, `${militaryRoot}/%`)));
    expect(bans).toHaveLength(5);
    expect(bans.every((b) => b.level === 1 && b.tree === "military")).toBe(true);
  });

  it("refuses a seed command without exactly one of --demo and --synthetic", async () => {
    let err = "";
    const io = {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream,
      env: {},
    };
    expect(await seedCommand.run([], io)).toBe(2);
    expect(await seedCommand.run(["--demo", "--synthetic"], io)).toBe(2);
    expect(err).toContain("--demo hoặc --synthetic");
  });
});
