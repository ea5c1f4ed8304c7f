import type { Db } from "../../db/client";
import { makeUnit, makeUser, type UnitRow, type UserRow, unique } from "../../testing/factories";

/** A city with two communes, an admin, a manager and a member of commune A, and a member of commune B. */
export interface PeopleTree {
  city: UnitRow;
  communeA: UnitRow;
  communeB: UnitRow;
  admin: UserRow;
  managerA: UserRow;
  memberA: UserRow;
  memberB: UserRow;
}

/** Builds a fresh, uniquely named tree so tests sharing one database never see each other's people. */
export async function makePeopleTree(db: Db): Promise<PeopleTree> {
  const city = await makeUnit(db, { name: unique("Thành phố") });
  const communeA = await makeUnit(db, { parent: city, name: unique("Xã An Lão") });
  const communeB = await makeUnit(db, { parent: city, name: unique("Xã Bạch Đằng") });
  return {
    city,
    communeA,
    communeB,
    admin: await makeUser(db, { unit: city, grants: [{ unit: city, role: "admin" }] }),
    managerA: await makeUser(db, { unit: communeA, grants: [{ unit: communeA, role: "manager" }] }),
    memberA: await makeUser(db, { unit: communeA, grants: [{ unit: communeA, role: "member" }] }),
    memberB: await makeUser(db, { unit: communeB, grants: [{ unit: communeB, role: "member" }], fullName: "Trần Thị Bình" }),
  };
}

/** A username no other test will take. */
export const freshUsername = (prefix = "cb") => unique(prefix).replace(/\s+/g, "-").toLowerCase();
