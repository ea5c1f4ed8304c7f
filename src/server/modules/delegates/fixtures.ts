import ExcelJS from "exceljs";
import { delegateSheetColumns } from "../../../contracts/delegates";
import type { Db } from "../../db/client";
import { conferenceDelegateGroups } from "../../db/schema/index";
import { signedIn, type TestClient } from "../../testing/harness";
import { makeConference } from "../conferences/fixtures";
import { multipart } from "../obligations/upload-fixtures";
import { draftWithTasks, makeCity } from "../plans/testing";

/** A city with a draft plan, its conference and two delegate groups, for the delegates tests. */
export async function delegatesSetup(db: Db, app: Parameters<typeof signedIn>[0]) {
  const city = await makeCity(db);
  const manager = await signedIn(app, city.manager);
  const plan = await draftWithTasks(manager, city.root, []);
  // In the future, so confirmations are open until it starts.
  const conference = await makeConference(db, {
    planId: plan.id,
    hostUnitId: city.root.id,
    startsAt: new Date("2099-06-02T01:00:00Z"),
    endsAt: new Date("2099-06-02T04:00:00Z"),
  });
  const [guests, communes] = await db
    .insert(conferenceDelegateGroups)
    .values([
      { conferenceId: conference.id, name: "Khách mời Trung ương", dressCode: "Com lê, cà vạt", sortOrder: 1 },
      { conferenceId: conference.id, name: "Lãnh đạo xã, phường", dressCode: "Áo sơ mi trắng, quần âu", sortOrder: 2 },
    ])
    .returning();
  const base = `/api/conferences/${conference.id}/delegates`;
  return { city, manager, plan, conference, guests, communes, base };
}

/** An .xlsx in the delegate sheet's columns: a header row, then the rows given (each in column order). */
export async function delegateWorkbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Đại biểu");
  sheet.addRow(Object.values(delegateSheetColumns));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function uploadSheet(client: TestClient, base: string, content: Buffer, query = "") {
  const body = multipart({}, [{ name: "dai-bieu.xlsx", content }]);
  return client.request("POST", `${base}/import${query}`, body.payload, body.headers);
}
