import { describe, expect, it } from "vitest";
import type { PlanDetail } from "../../../contracts/plans";
import { changedFields, toChanges, toFormValues } from "./planForm";

const plan = {
  number: null,
  typeCode: "KH",
  place: "Hải Phòng",
  issuedOn: null,
  title: "Kế hoạch",
  legalBases: [],
  purpose: "",
  requirements: "",
  sections: [
    {
      id: "5b0f8a1e-0000-4000-8000-000000000001",
      number: "I",
      heading: "NỘI DUNG",
      text: "",
      children: [{ id: "5b0f8a1e-0000-4000-8000-000000000002", number: "1", heading: "Báo cáo", text: "x", children: [] }],
    },
  ],
  budget: "",
  recipients: [],
  signer: null,
} as unknown as PlanDetail;

describe("plan form outline", () => {
  it("sends every section back with its id and a section added in the form without one", () => {
    const values = toFormValues(plan);
    values.sections[0].children.push({ number: "2", heading: "Hội nghị", text: "", children: [] });
    const changes = changedFields(plan, toChanges(values));
    expect(changes.sections).toEqual([
      { ...plan.sections[0], children: [plan.sections[0].children[0], { number: "2", heading: "Hội nghị", text: "", children: [] }] },
    ]);
  });

  it("sees no change in an outline left as it was", () => {
    expect(changedFields(plan, toChanges(toFormValues(plan)))).toEqual({});
  });
});
