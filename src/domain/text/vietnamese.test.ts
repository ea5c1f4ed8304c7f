import { describe, expect, it } from "vitest";
import { compareVi, matches, nameKey, normalizeTones, searchKey, searchWords, sortVi, squeeze } from "./vietnamese";

describe("Vietnamese text", () => {
  it("treats old and new tone placement as the same word (seed 001 writes both)", () => {
    expect(normalizeTones("Thành uỷ")).toBe("Thành ủy");
    expect(normalizeTones("Văn hoá, Thể thao và Du lịch")).toBe("Văn hóa, Thể thao và Du lịch");
    expect(normalizeTones("Uỷ ban")).toBe("Ủy ban");
    expect(normalizeTones("khoẻ")).toBe("khỏe");
    expect(nameKey("Ban Tuyên giáo và Dân vận Thành uỷ")).toBe(nameKey("Ban Tuyên giáo và Dân vận Thành ủy"));
    expect(nameKey("Đảng uỷ Ủy ban nhân dân thành phố")).toBe(nameKey("Đảng ủy Ủy ban nhân dân thành phố"));
  });

  it("leaves words whose tone never moves alone", () => {
    expect(normalizeTones("quý III")).toBe("quý III");
    expect(normalizeTones("hoàn thành")).toBe("hoàn thành");
    expect(normalizeTones("thuyết trình")).toBe("thuyết trình");
    expect(normalizeTones("thuế")).toBe("thuế");
    expect(normalizeTones("Thủy Nguyên")).toBe("Thủy Nguyên");
  });

  it("builds search keys without diacritics", () => {
    expect(searchKey("Thành ủy")).toBe("thanh uy");
    expect(searchKey("Thành uỷ")).toBe("thanh uy");
    expect(searchKey("Phường Đông Hải")).toBe("phuong dong hai");
    expect(searchKey("  Ban CHQS   xã Vĩnh Lại ")).toBe("ban chqs xa vinh lai");
  });

  it("finds names typed with or without diacritics", () => {
    expect(matches("Phường Đông Hải", "dong hai")).toBe(true);
    expect(matches("Thành ủy Hải Phòng", "thanh uy")).toBe(true);
    expect(matches("Thành uỷ Hải Phòng", "Thành ủy")).toBe(true);
    expect(matches("Phường Đông Hải", "Đông Hà")).toBe(false);
    expect(matches("Phường Đông Hải", "dong ha")).toBe(true);
  });

  it("matches every word of the query in any order", () => {
    expect(matches("UBND phường Đông Hải", "ubnd dong hai")).toBe(true);
    expect(matches("UBND phường Đông Hải", "dong hai ubnd")).toBe(true);
    expect(matches("UBND phường Đông Hải", "  Hải   UBND ")).toBe(true);
    expect(matches("UBND phường Đông Hải", "ubnd dong hai xa")).toBe(false);
    expect(matches("UBND phường Đông Hải", "Hà ubnd")).toBe(false);
    expect(matches("UBND phường Đông Hải", "")).toBe(true);
    expect(searchWords(" UBND  Đông hải")).toEqual(["ubnd", "dong", "hai"]);
    expect(searchWords("  ")).toEqual([]);
  });

  it("sorts in Vietnamese alphabetical order", () => {
    const names = ["Đông Hải", "Dương Kinh", "An Trường", "Ân Thi", "Bạch Đằng", "Ăn Quả"];
    expect(sortVi(names, (n) => n)).toEqual(["An Trường", "Ăn Quả", "Ân Thi", "Bạch Đằng", "Dương Kinh", "Đông Hải"]);
    expect(compareVi("PTKV 2", "PTKV 10")).toBeLessThan(0);
  });

  it("squeezes white space", () => {
    expect(squeeze(" Phòng\u00a0 TM \n")).toBe("Phòng TM");
  });
});
