import type { ImportResult } from "../../contracts/importer";

const viDate = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "—");

/** A readable Vietnamese summary of an imported plan, for the terminal: `summarisePlan(result)`. */
export function summarisePlan(r: ImportResult): string {
  const out: string[] = [];
  out.push(`${r.kind === "KH" ? "Kế hoạch" : r.kind} ${r.number ?? "(không số)"}: ${r.title || "(không có trích yếu)"}`);
  out.push(`Cơ quan ban hành: ${r.issuer ?? "—"}; ${r.place ?? "—"}, ngày ${viDate(r.issuedOn)}`);
  if (r.legalBases.length) {
    out.push("", `Căn cứ (${r.legalBases.length}):`);
    for (const b of r.legalBases)
      out.push(`  - ${b.documentNumber ?? b.text.slice(0, 60)} (${viDate(b.documentDate)}) — ${b.issuer ?? "—"}`);
  }
  out.push("", `Đề mục: ${r.sections.map((s) => `${s.number}. ${s.heading}`).join("; ") || "—"}`);
  if (r.deadlines.length) {
    out.push("", `Thời hạn (${r.deadlines.length}):`);
    for (const d of r.deadlines) out.push(`  - ${viDate(d.due)}${d.time ? ` ${d.time}` : ""}: ${d.units.join(", ") || "(chưa rõ đơn vị)"}`);
  }
  if (r.tasks.length) {
    out.push("", `Nhiệm vụ theo đơn vị (${r.tasks.length}):`);
    for (const t of r.tasks) out.push(`  - ${t.unit} (${t.role === "lead" ? "chủ trì" : "phối hợp"}): ${t.items.length} việc`);
  }
  for (const c of r.conferences) {
    out.push("", `Hội nghị${c.level ? ` cấp ${c.level}` : ""}: ${c.title ?? ""}`.trimEnd());
    out.push(`  Thời gian: ${viDate(c.date)} ${c.start ?? ""}${c.end ? `–${c.end}` : ""} ${c.duration ? `(${c.duration})` : ""}`.trimEnd());
    out.push(`  Địa điểm: ${c.venue ?? "—"}; chủ trì: ${c.chair ?? "—"}; dự kiến ${c.expectedAttendance ?? "—"} đại biểu`);
    out.push(`  Chương trình: ${c.agenda.length} mục; thành phần: ${c.participants.length} nhóm`);
  }
  if (r.speeches.length) out.push("", `Tham luận: ${r.speeches.length}`);
  out.push(
    "",
    `Nơi nhận: ${r.recipients.length}; người ký: ${[r.signer.authority, r.signer.title, r.signer.rank, r.signer.name].filter(Boolean).join(" / ") || "—"}`,
  );
  if (r.annexes.length) out.push(`Phụ lục: ${r.annexes.map((a) => a.title).join("; ")}`);
  if (r.warnings.length) {
    out.push("", "Cảnh báo:");
    for (const w of r.warnings) out.push(`  ! ${w}`);
  }
  return `${out.join("\n")}\n`;
}
