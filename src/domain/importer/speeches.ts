import type { ImportedSpeech } from "../../contracts/importer";

/** A table with what surrounds it (heading or annex title), to tell a speech list from other tables. */
export interface TableInContext {
  rows: string[][];
  context: string;
}

/**
 * Assigned speeches (tham luận): a table of topic → unit, in a part that speaks of tham luận.
 * `readSpeeches([{ rows: [["TT","NỘI DUNG","PHÂN CÔNG"],["1","Chủ đề","Sở Nội vụ"]], context: "THAM LUẬN" }])`.
 */
export function readSpeeches(tables: TableInContext[]): ImportedSpeech[] {
  const out: ImportedSpeech[] = [];
  for (const t of tables) {
    const [head, ...rows] = t.rows;
    if (!head) continue;
    const col = (re: RegExp) => head.findIndex((c) => re.test(c));
    const topicCol = col(/nội dung|chủ đề|tên tham luận|tham luận/iu);
    const unitCol = col(/phân công|đơn vị|cơ quan|trình bày/iu);
    if (topicCol < 0 || unitCol < 0 || col(/thời gian/iu) >= 0) continue;
    if (!/tham luận/iu.test(`${t.context} ${head.join(" ")}`)) continue;
    for (const r of rows) {
      const topic = r[topicCol] ?? "";
      const unit = r[unitCol] ?? "";
      if (!topic && !unit) continue;
      const n = Number.parseInt(r[0] ?? "", 10);
      out.push({ no: Number.isFinite(n) ? n : out.length + 1, topic, unit });
    }
  }
  return out;
}
