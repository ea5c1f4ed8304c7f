import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { LogisticsList, SpeechList } from "../../../contracts/conference-program";
import { readDocx } from "../../platform/documents/testing/read-docx";
import { makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn } from "../../testing/harness";
import { importSeed001 } from "./fixtures";

const SEED = new URL("../../../../test/fixtures/seeds/001_f9655c538364916e.txt", import.meta.url);
const clean = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().replace(/\.$/, "");

/** Seed 001's tables read straight from its text (not through the importer): `| 1 | topic | unit |`, a split row joined. */
function seedTables() {
  const lines = readFileSync(SEED, "utf8").split("\n");
  const cells = (l: string) =>
    l
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim());
  const annex = lines.slice(lines.findIndex((l) => l.startsWith("NỘI DUNG GỢI Ý")));
  const speeches: Array<{ topic: string; unit: string }> = [];
  for (const line of annex.filter((l) => /^\|\s*\d*\s*\|/.test(l) && !/NỘI DUNG|---/.test(l))) {
    const [no, topic, unit] = cells(line);
    if (no) speeches.push({ topic, unit });
    else speeches[speeches.length - 1].topic += ` ${topic}`;
  }
  const agenda = lines
    .filter((l) => /^\|\s*\d+\s*\|\s*\d{2}h\d{2}'/.test(l))
    .map((l) => {
      const [no, time, content, by] = cells(l);
      return { no, time, content, by };
    });
  return { speeches, agenda };
}

describeOnDatabases("conference program exports of seed 001", (ctx) => {
  it("exports the speech list annex and the MC script with every row of seed 001, in order", async () => {
    const db = ctx().db;
    const { speeches: expectedSpeeches, agenda: expectedAgenda } = seedTables();
    expect(expectedSpeeches).toHaveLength(24);
    expect(expectedAgenda).toHaveLength(7);
    // Seed 001 read by the importer and created through the plans service: the conference, agenda and speeches come with it.
    const { issuer, client: manager, plan } = await importSeed001(db, ctx().app);
    const listed = await manager.get(`/api/plans/${plan.id}/conferences`);
    const [conference] = listed.json<{ conferences: Array<{ id: string }> }>().conferences;
    const base = `/api/conferences/${conference.id}`;
    const speeches = (await manager.get(`${base}/speeches`)).json<SpeechList>().speeches;
    expect(speeches).toHaveLength(24);
    expect(speeches.every((s) => s.taskId && s.dueDate === "2026-05-29" && s.dueTime === "11:00")).toBe(true);
    // The logistics the seed assigns arrive linked to the conference, each with its owner unit and deadline.
    const logistics = (await manager.get(`${base}/logistics`)).json<LogisticsList>().items;
    expect(new Set(logistics.map((l) => l.kind))).toEqual(new Set(["hall", "decoration", "security", "medical", "power"]));
    expect(logistics.find((l) => l.kind === "decoration")).toMatchObject({ dueDate: "2026-06-01", dueTime: "11:00" });
    expect(logistics.every((l) => l.unitName !== "")).toBe(true);
    await manager.post(`${base}/awards`, {
      kind: "collective",
      recipient: "Đảng bộ xã An Trường",
      form: "Bằng khen của Ban Thường vụ Thành ủy",
      citation: "Đã có thành tích xuất sắc trong 1 năm vận hành chính quyền địa phương 2 cấp",
      presenter: "Đồng chí Bí thư Thành ủy",
    });

    const annex = await manager.get(`${base}/speeches/export.docx`);
    expect(annex.statusCode, annex.body).toBe(200);
    expect(annex.headers["content-type"]).toContain("wordprocessingml");
    const doc = await readDocx(annex.rawPayload);
    expect(doc.text).toContain("DANH SÁCH PHÂN CÔNG CHUẨN BỊ THAM LUẬN");
    expect(doc.text).toContain("(Kèm theo Kế hoạch số 63-KH/TU, ngày 26/5/2026 của");
    const cells = doc.paragraphs.filter((p) => p.inTable).map((p) => p.text);
    expect(cells.slice(0, 3)).toEqual(["STT", "Nội dung tham luận", "Đơn vị thực hiện"]);
    const rows = Array.from({ length: (cells.length - 3) / 3 }, (_, i) => cells.slice(3 + i * 3, 6 + i * 3));
    expect(rows.map(([no, topic, unit]) => [no, clean(topic), clean(unit)])).toEqual(
      expectedSpeeches.map((s, i) => [String(i + 1), clean(s.topic), clean(s.unit)]),
    );

    const script = await manager.get(`${base}/mc-script.docx`);
    expect(script.statusCode, script.body).toBe(200);
    const text = clean((await readDocx(script.rawPayload)).text);
    const inOrder = (needles: string[]) => {
      let at = -1;
      for (const needle of needles) {
        const found = text.indexOf(clean(needle), at + 1);
        expect(found, `"${needle}" after position ${at}`).toBeGreaterThan(at);
        at = found;
      }
    };
    inOrder(expectedAgenda.flatMap((a) => [`${a.no}. ${a.time}: ${clean(a.content)}`, a.by]));
    inOrder(expectedSpeeches.map((s) => `Xin trân trọng kính mời đồng chí đại diện ${s.unit} trình bày tham luận: ${clean(s.topic)}`));
    inOrder([
      "Tham luận",
      "Bằng khen của Ban Thường vụ Thành ủy tặng tập thể Đảng bộ xã An Trường: Đã có thành tích xuất sắc",
      "Xin trân trọng kính mời đồng chí Bí thư Thành ủy lên trao thưởng",
      "đến đây đã hoàn thành chương trình",
    ]);

    const awards = await readDocx((await manager.get(`${base}/awards/export.docx`)).rawPayload);
    expect(awards.paragraphs.filter((p) => p.inTable).map((p) => p.text)).toEqual([
      "STT",
      "Tập thể, cá nhân",
      "Chức vụ, đơn vị",
      "Hình thức khen thưởng",
      "Người trao",
      "1",
      "Đảng bộ xã An Trường",
      "",
      "Bằng khen của Ban Thường vụ Thành ủy",
      "Đồng chí Bí thư Thành ủy",
    ]);
    // The script is the organisers' working paper: a unit that only reads the conference gets 403.
    const reader = await signedIn(ctx().app, await makeUser(db, { unit: issuer, grants: [{ unit: issuer, role: "member" }] }));
    expect((await reader.get(`${base}/speeches/export.docx`)).statusCode).toBe(200);
    expect((await reader.get(`${base}/mc-script.docx`)).statusCode).toBe(403);
  });
});
