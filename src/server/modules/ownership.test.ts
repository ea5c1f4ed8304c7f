import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A module reads and writes only its own tables; another module's data comes through that module's exported
 * queries or services (docs/ARCHITECTURE.md). Where one SQL query must join another module's rows, the owner
 * exports a view of them (a derived table it builds over its own table, with the columns it chooses to share,
 * e.g. `unitView` in organisations/views.ts) and the conditions on it (`inUnitScope`, `underUnitPath`), or a
 * piece of SQL to embed (`someObligationOfPlan` in obligations/read-model.ts); the table object itself never
 * leaves its module. This test parses every module's imports of the Drizzle schema and fails on a table imported
 * by a module that does not own it, unless the file is listed in `EXCEPTIONS` below.
 * Type-only imports (`import type`, `type X`) carry no reads and are allowed.
 */

/** Who may import each table. */
const OWNERS: Record<string, readonly string[]> = {
  units: ["organisations"],
  unitGroups: ["organisations"],
  unitGroupMembers: ["organisations"],
  users: ["people", "auth"],
  roleGrants: ["people"],
  sessions: ["auth"],
  signInFailures: ["auth"],
  plans: ["plans"],
  planAmendments: ["plans"],
  planSections: ["plans"],
  planAnnexes: ["plans"],
  planAnnexSections: ["plans"],
  tasks: ["plans"],
  obligations: ["obligations"],
  obligationEvents: ["obligations"],
  submissions: ["obligations"],
  storedFiles: ["obligations"],
  notifications: ["notifications"],
  reminderDeliveries: ["notifications"],
  emailOutbox: ["notifications"],
  notificationEmails: ["notifications"],
  calendarTokens: ["calendar"],
  outgoingDocumentSequences: ["documents"],
  outgoingDocuments: ["documents"],
  auditLog: ["audit"],
  conferences: ["conferences"],
  conferenceDelegateGroups: ["conferences"],
  conferenceAgendaItems: ["conferences"],
  conferenceSpeeches: ["conferences"],
  conferenceAwards: ["conferences"],
  conferenceLogistics: ["conferences"],
  conferenceTimers: ["conferences"],
  conferenceTimerCommands: ["conferences"],
  conferenceRoleGrants: ["conferences"],
  conferenceKeys: ["checkin"],
  checkins: ["checkin"],
  attendance: ["checkin"],
  hallLayouts: ["seating"],
  seats: ["seating"],
  seatAssignments: ["seating"],
  conferenceHeldReports: ["conferences"],
  reportForms: ["reports"],
  reportHeadings: ["reports"],
  reportIndicators: ["reports"],
  unitReports: ["reports"],
  reportValues: ["reports"],
  reportSections: ["reports"],
  compiledReports: ["reports"],
  compiledSections: ["reports"],
  reportComments: ["reports"],
  reportExcuses: ["reports"],
  delegates: ["delegates"],
  delegateQuotas: ["delegates"],
  delegateSettings: ["delegates"],
  delegateLinks: ["delegates"],
  delegateAnswers: ["delegates"],
  invitationBatches: ["delegates"],
};

/**
 * Files still reading another module's tables, with the tables: the debt left to pay. An entry that is no longer
 * needed fails the test too, so the list only shrinks.
 */
const EXCEPTIONS: Record<string, readonly string[]> = {};

/** Test support writes rows of every module directly (fixtures), as the tests of any module may. */
const isTestSupport = (file: string) => /\.test\.ts$|(^|\/)(fixtures|testing|upload-fixtures)\.ts$/.test(file);

const modulesDir = join(import.meta.dirname);

/** The tables a source file imports as values from the schema (`import { units, type UnitRow } from "…/db/schema/…"`). */
function importedTables(source: string): string[] {
  const tables: string[] = [];
  const pattern = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+["'][^"']*\/db\/schema(?:\/[\w-]+)?["']/g;
  for (const match of source.matchAll(pattern)) {
    if (match[1]) continue;
    for (const part of match[2].split(",")) {
      const name = part.trim();
      if (!name || name.startsWith("type ")) continue;
      tables.push(name.split(/\s+as\s+/)[0].trim());
    }
  }
  return tables;
}

function moduleFiles(): Array<{ module: string; file: string; source: string }> {
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(modulesDir, d.name))
        .filter((f) => f.endsWith(".ts") && !isTestSupport(f))
        .map((f) => ({ module: d.name, file: `${d.name}/${f}`, source: readFileSync(join(modulesDir, d.name, f), "utf8") })),
    );
}

describe("module ownership of tables", () => {
  it("reads the table names out of schema imports, skipping type-only ones", () => {
    const source = `import { and } from "drizzle-orm";
import { obligations, plans as p, type PlanStatus } from "../../db/schema/index";
import type { TaskTarget } from "../../db/schema/plans";
import {
  units,
} from "../../db/schema/organisations";`;
    expect(importedTables(source)).toEqual(["obligations", "plans", "units"]);
  });

  it("finds no module importing a table it does not own, beyond the listed exceptions", () => {
    const files = moduleFiles();
    expect(files.length).toBeGreaterThan(30);
    const violations: string[] = [];
    const used = new Map<string, Set<string>>();
    for (const { module, file, source } of files) {
      for (const table of importedTables(source)) {
        const owners = OWNERS[table];
        if (!owners) {
          violations.push(`${file}: imports ${table}, which has no owner in OWNERS`);
          continue;
        }
        if (owners.includes(module)) continue;
        if (EXCEPTIONS[file]?.includes(table)) {
          used.set(file, (used.get(file) ?? new Set()).add(table));
          continue;
        }
        violations.push(`${file}: imports ${table}, owned by ${owners.join("/")}; use that module's queries`);
      }
    }
    expect(violations).toEqual([]);
    // An exception nobody needs any more is removed, so the list shows the debt that is left.
    const stale = Object.entries(EXCEPTIONS).flatMap(([file, tables]) =>
      tables.filter((t) => !used.get(file)?.has(t)).map((t) => `${file}: ${t}`),
    );
    expect(stale).toEqual([]);
  });
});
