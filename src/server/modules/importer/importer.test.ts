import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { manyPagesPdf } from "../../../../test/fixtures/pdf/make";
import { ImportPlanResponse } from "../../../contracts/importer-preview";
import { AppError } from "../../platform/errors";
import { tesseractOcr } from "../../platform/ocr";
import { makeUnit, makeUser } from "../../testing/factories";
import { describeOnDatabases, signedIn, TestClient } from "../../testing/harness";
import { docxBomb } from "../obligations/upload-fixtures";
import { previewPlanImport } from "./service";

const seed = (name: string) => readFileSync(new URL(`../../../../test/fixtures/seeds/${name}`, import.meta.url));
const SEED_TXT = "000_558bad5328212af2.txt";
const SEED_DOCX = "000_558bad5328212af2.docx";

/** A multipart/form-data body with one file, as a browser sends it. */
function multipart(fileName: string, content: Buffer, contentType = "application/octet-stream") {
  const boundary = `----kehoach${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describeOnDatabases("plan import preview (POST /api/import/plan)", (ctx) => {
  const member = async () => {
    const unit = await makeUnit(ctx().db);
    return signedIn(ctx().app, await makeUser(ctx().db, { unit, grants: [{ unit, role: "member" }] }));
  };
  const upload = async (client: TestClient, fileName: string, content: Buffer) => {
    const { payload, headers } = multipart(fileName, content);
    return client.request("POST", "/api/import/plan", payload, headers);
  };

  it("reads an uploaded .txt plan and returns the text it read with the recognised structure", async () => {
    const client = await member();
    const res = await upload(client, "ke-hoach.txt", seed(SEED_TXT));
    expect(res.statusCode).toBe(200);
    const body = ImportPlanResponse.parse(res.json());
    expect(body.sourceText).toBe(seed(SEED_TXT).toString("utf8"));
    expect(body.result.number).toMatch(/03\s*\/?\s*KH-BCH/);
    expect(body.result.title.length).toBeGreaterThan(10);
    expect(body.result.deadlines.length).toBeGreaterThan(0);
    for (const deadline of body.result.deadlines) expect(body.sourceText).toContain(deadline.raw);
  });

  it("reads a .docx plan and returns the text extracted from the Word file", async () => {
    const client = await member();
    const res = await upload(client, "ke-hoach.docx", seed(SEED_DOCX));
    expect(res.statusCode).toBe(200);
    const body = ImportPlanResponse.parse(res.json());
    expect(body.sourceText).toContain("KẾ HOẠCH");
    expect(body.result.number).toMatch(/KH-BCH/);
  });

  it("reads pasted text sent as JSON", async () => {
    const client = await member();
    const res = await client.post("/api/import/plan", { fileName: "dan-vao.txt", text: seed(SEED_TXT).toString("utf8") });
    expect(res.statusCode).toBe(200);
    expect(ImportPlanResponse.parse(res.json()).result.number).toMatch(/KH-BCH/);
  });

  it("reads an uploaded text PDF and returns the text rebuilt from its layout", async () => {
    const client = await member();
    const res = await upload(client, "ke-hoach.pdf", manyPagesPdf(2));
    expect(res.statusCode).toBe(200);
    const body = ImportPlanResponse.parse(res.json());
    expect(body.sourceText).toContain("Ke hoach to chuc hoi nghi");
  });

  it("refuses a broken .pdf and an unknown type with Vietnamese messages that say what to do", async () => {
    const client = await member();
    const broken = await upload(client, "ke-hoach.pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe("INVALID_FILE");
    expect(broken.json().error.message).toMatch(/PDF/);
    const doc = await upload(client, "ke-hoach.doc", Buffer.from("\xd0\xcf\x11\xe0", "latin1"));
    expect(doc.statusCode).toBe(400);
    expect(doc.json().error.message).toMatch(/\.docx/);
    expect(doc.json().error.message).toMatch(/Hãy tải lên/);
  });

  it("refuses a .docx that is not a Word file with 400", async () => {
    const client = await member();
    const res = await upload(client, "gia-mao.docx", Buffer.from("đây không phải tệp Word"));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Word/);
  });

  it("refuses the 1.2 MB → 1.2 GB .docx bomb by the bytes it inflates, with a Vietnamese message", async () => {
    const client = await member();
    const bomb = docxBomb(1200, { honest: true });
    expect(bomb.length).toBeLessThan(1.3 * 1024 * 1024);
    const res = await upload(client, "ke-hoach.docx", bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "INVALID_FILE", message: expect.stringMatching(/bom nén/) });
  });

  it("takes exactly one file: two files, 2,000 files or an extra field are refused with 400", async () => {
    const client = await member();
    const boundary = "----kehoachOneFile";
    const file = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\nKẾ HOẠCH\r\n`;
    const send = (parts: string[]) =>
      client.request("POST", "/api/import/plan", Buffer.from(`${parts.join("")}--${boundary}--\r\n`), {
        "content-type": `multipart/form-data; boundary=${boundary}`,
      });
    const field = `--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2026\r\n`;
    for (const parts of [
      [file("a.txt"), file("b.txt")],
      Array.from({ length: 2000 }, (_, i) => file(`${i}.txt`)),
      [file("a.txt"), field],
      [field],
    ]) {
      const res = await send(parts);
      expect(res.statusCode, `${parts.length} parts`).toBe(400);
      expect(res.json().error.message).toMatch(/một tệp|không được nhận/);
    }
    expect((await send([])).statusCode).toBe(400);
    expect((await send([file("a.txt")])).statusCode).toBe(200);
  });

  it("refuses a file over 10 MB with 413", async () => {
    const client = await member();
    const res = await upload(client, "qua-lon.txt", Buffer.alloc(11 * 1024 * 1024, "a"));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("TOO_LARGE");
  });

  it("refuses pasted text over 10 MB with 413", async () => {
    const client = await member();
    const res = await client.post("/api/import/plan", { fileName: "dan-vao.txt", text: "a".repeat(11 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
  });

  it("refuses JSON with unknown fields or without text", async () => {
    const client = await member();
    const extra = await client.post("/api/import/plan", { fileName: "a.txt", text: "KẾ HOẠCH", planId: "x" });
    expect(extra.statusCode).toBe(400);
    const empty = await client.post("/api/import/plan", { fileName: "a.txt", text: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/dán nội dung/);
  });

  it("answers 401 to someone not signed in", async () => {
    const client = new TestClient(ctx().app);
    client.csrf = (await client.get("/api/auth/csrf")).json<{ csrfToken: string }>().csrfToken;
    const res = await upload(client, "ke-hoach.txt", seed(SEED_TXT));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHENTICATED");
  });
});

describe("plan import preview without OCR on the server", () => {
  it("answers 415 with the packages to install when a photo arrives and Tesseract is missing", async () => {
    const photo = Buffer.from("89504e470d0a1a0a0000000d4948445200000010000000100800000000", "hex");
    const error = await previewPlanImport({
      fileName: "anh.png",
      content: photo,
      ocr: tesseractOcr({ tesseract: "/khong/co/tesseract" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(415);
    expect((error as AppError).message).toMatch(/tesseract-ocr và tesseract-ocr-vie/u);
  });
});
