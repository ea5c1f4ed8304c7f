import type { ImportResult, LegalBasis } from "../../contracts/importer";
import { readDates } from "../dates";
import { type Block, type Budget, toBlocks } from "./blocks";
import { numberFromAnnex, readAnnexes, readRecipients, readSigner } from "./closing";
import { readConferences } from "./conference";
import { literalBreaks, splitHeaderCells } from "./copied";
import { readDeadlines } from "./deadlines";
import { readHeader } from "./header";
import { readCitations, readPreamble } from "./legal";
import { buildOutline, type Section, toPlanSections, walk } from "./outline";
import { splitRegions, TYPE_NAMES } from "./regions";
import { readSpeeches, type TableInContext } from "./speeches";
import { readTasks } from "./tasks";
import { readTaskTables } from "./taskTables";

export interface ReadPlanOptions {
  /** Milliseconds allowed for reading; a longer text is read in part, with a warning. Default 1,000. */
  budgetMs?: number;
  /** Year used for dates written without one when the plan itself gives no date. */
  year?: number | null;
}

/** Largest text read; a longer one is cut and the cut reported in warnings. */
export const MAX_TEXT_CHARS = 10 * 1024 * 1024;

/**
 * Reads the structure of a plan from its text (txt, md, or what docx.ts extracts). Never throws.
 * `readPlanText(fs.readFileSync("plan.txt", "utf8")).deadlines[0].due`.
 */
export function readPlanText(text: string, options: ReadPlanOptions = {}): ImportResult {
  try {
    return readPlan(text, options);
  } catch {
    // A bug on an odd document must not lose the upload: report it instead of failing.
    return { ...emptyResult(), warnings: ["Không đọc được cấu trúc của văn bản này; hãy kiểm tra lại tệp hoặc nhập tay."] };
  }
}

/** Every field present and empty, as the contract requires for a plan that says nothing: `emptyResult().deadlines` is `[]`. */
export function emptyResult(): ImportResult {
  return {
    kind: "KH",
    number: null,
    issuer: null,
    place: null,
    issuedOn: null,
    title: "",
    legalBases: [],
    sections: [],
    deadlines: [],
    tasks: [],
    conferences: [],
    speeches: [],
    recipients: [],
    signer: { authority: null, title: null, name: null, rank: null },
    annexes: [],
    warnings: [],
  };
}

function readPlan(text: string, options: ReadPlanOptions): ImportResult {
  const warnings: string[] = [];
  let source = typeof text === "string" ? text : "";
  if (source.length > MAX_TEXT_CHARS) {
    source = source.slice(0, MAX_TEXT_CHARS);
    warnings.push("Văn bản quá dài; chỉ đọc 10 MB đầu tiên.");
  }
  const budget: Budget = { until: performance.now() + (options.budgetMs ?? 1000), cut: false };
  const blocks = toBlocks(splitHeaderCells(literalBreaks(source)), budget);
  if (budget.cut) warnings.push("Văn bản quá lớn để đọc hết trong thời gian cho phép; chỉ đọc phần đầu. Hãy tách phụ lục ra tệp riêng.");
  const r = splitRegions(blocks);
  const head = readHeader(r.header);
  const annexes = readAnnexes(r.annexes);
  const fromAnnex = annexes
    .map((a) => (a.reference ? { ...numberFromAnnex(a.reference), date: firstDay(a.reference) } : null))
    .find((x) => x?.number);
  const issuedOn = head.issuedOn ?? fromAnnex?.date ?? null;
  const year = issuedOn ? Number(issuedOn.slice(0, 4)) : (options.year ?? latestYear(source));
  const { bases: preambleBases, enacting } = readPreamble(r.preamble, year);
  const roots = buildOutline(r.body);
  const bases = [...readHeaderBases(r.header, year), ...preambleBases, ...readBasisSections(roots, year)];
  const preambleText = r.preamble.map((b) => (b.type === "line" ? b.text : "")).join("\n");

  const tables: TableInContext[] = [];
  for (const s of walk(roots)) for (const b of s.blocks) if (b.type === "table") tables.push({ rows: b.rows, context: headingChain(s) });
  const annexTitle = annexes.map((a) => a.title).join(" ");
  for (const b of r.annexes) if (b.type === "table") tables.push({ rows: b.rows, context: annexTitle });

  let title = r.title.join(" ").trim();
  if (!r.typeName) warnings.push("Không thấy tên loại văn bản (KẾ HOẠCH …) ở phần đầu.");
  if (!title && enacting.title) {
    title = enacting.title;
    warnings.push("Không thấy trích yếu dưới tên loại văn bản; đã lấy từ câu ban hành kế hoạch.");
  }
  const number = head.number ?? r.typeLineNumber ?? fromAnnex?.number ?? null;
  if (!number) warnings.push("Không thấy số, ký hiệu của kế hoạch.");
  if (!head.place) warnings.push("Không thấy địa danh ban hành.");
  if (!issuedOn) warnings.push("Không thấy ngày ban hành.");
  if (!roots.length) warnings.push("Không nhận ra đề mục nào (I., 1., a) …) trong văn bản.");
  if (!annexes.length && /phụ lục kèm theo/iu.test(source))
    warnings.push("Kế hoạch nhắc đến phụ lục kèm theo nhưng văn bản không có phụ lục.");

  const fromTables = readTaskTables(tables, year);
  const deadlines = [...readDeadlines(roots, year, warnings, budget), ...fromTables.deadlines];
  const recipients = readRecipients(r.recipients, warnings);
  return {
    kind: r.typeName ? TYPE_NAMES[r.typeName] : "KH",
    number,
    issuer: head.issuer ?? enacting.issuer ?? fromAnnex?.issuer ?? null,
    place: head.place,
    issuedOn,
    title,
    legalBases: bases,
    sections: toPlanSections(roots),
    deadlines,
    tasks: [...readTasks(roots), ...fromTables.tasks],
    conferences: readConferences(roots, `${preambleText}\n${title}`, year),
    speeches: readSpeeches(tables),
    recipients,
    signer: readSigner(r.signature),
    annexes,
    warnings,
  };
}

/** `Căn cứ …` above the type name: a decision that issues the plan cites its grounds there. */
function readHeaderBases(header: Block[], year: number | null): LegalBasis[] {
  const out: LegalBasis[] = [];
  for (const b of header) if (b.type === "line" && /^Căn cứ\s/u.test(b.text)) readCitations(b.text, year, out);
  return out;
}

/** A `CĂN CỨ XÂY DỰNG KẾ HOẠCH` / `CĂN CỨ PHÁP LÝ` part lists the bases as numbered items. */
function readBasisSections(roots: Section[], year: number | null): LegalBasis[] {
  const out: LegalBasis[] = [];
  for (const s of roots) {
    if (!/^CĂN CỨ/iu.test(s.heading)) continue;
    const items: string[] = s.blocks.flatMap((b) => (b.type === "line" ? [b.text] : []));
    for (const c of walk(s.children)) {
      const lines = c.blocks.flatMap((b) => (b.type === "line" ? [b.text] : []));
      items.push([c.mark.label, ...lines].join(" "));
    }
    for (const item of items) readCitations(item, year, out, true);
  }
  return out;
}

function headingChain(s: { heading: string; parent: { heading: string; parent: unknown } | null }): string {
  const parts: string[] = [];
  for (let c: typeof s | null = s; c; c = c.parent as typeof s | null) parts.unshift(c.heading);
  return parts.join(" / ");
}

function firstDay(text: string): string | null {
  return readDates(text).find((d) => d.dayPrecise && d.date)?.date ?? null;
}

/** The latest 4-digit year written in a date of the text, for plans that state no date of their own. */
function latestYear(text: string): number | null {
  let best: number | null = null;
  const re = /[/.-]\s?(20\d\d|19\d\d)(?![\d/])|năm\s+(20\d\d|19\d\d)/gu;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) !== null && n++ < 10_000) {
    const y = Number(m[1] ?? m[2]);
    if (best === null || y > best) best = y;
  }
  return best;
}

export type { Block };
