import { describe, expect, it } from "vitest";
import { checkPhone } from "./phone";

describe("checkPhone", () => {
  it("accepts mobiles and landlines as people write them, in national form", () => {
    expect(checkPhone("0912 345 678")).toEqual({ ok: true, phone: "0912345678" });
    expect(checkPhone("+84 912.345.678")).toEqual({ ok: true, phone: "0912345678" });
    expect(checkPhone("84912345678")).toEqual({ ok: true, phone: "0912345678" });
    expect(checkPhone("(0225) 3 842 123")).toEqual({ ok: true, phone: "02253842123" });
    expect(checkPhone("024 3825 1234")).toEqual({ ok: true, phone: "02438251234" });
    expect(checkPhone("")).toEqual({ ok: true, phone: "" });
  });

  it("refuses short, long, lettered, foreign and retired numbers with a reason", () => {
    for (const bad of ["091234", "09123456789", "0912abc678", "+1 202 555 0100", "0612345678", "01234567890"]) {
      const result = checkPhone(bad);
      expect(result.ok, bad).toBe(false);
    }
    expect(checkPhone("01234567890")).toMatchObject({ reason: expect.stringContaining("đầu số di động cũ") });
  });
});
