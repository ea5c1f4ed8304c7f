import { constants, deflateRawSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";

/** A real .docx made by the docx library. */
export async function realDocx(text = "Báo cáo kết quả"): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}

export interface ZipEntry {
  name: string;
  /** The entry's bytes: stored as they are, or (with `deflated`) already deflated. */
  data: Buffer;
  deflated?: boolean;
  /** The uncompressed size written in the headers; by default the true one for stored data, `data.length` for deflated. */
  claimedSize?: number;
}

/**
 * A zip built byte by byte, so a test can make the headers lie: `claimedSize` goes in both the local header
 * and the central directory whatever the data really holds.
 */
export function zipWithClaims(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.deflated ? 8 : 0;
    const claimed = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(claimed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * A raw deflate stream that inflates to `mebibytes` MiB of zeros, built without ever holding them: one
 * flushed block for 1 MiB repeated, then an empty final block. 1,200 MiB take about 1.2 MB.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/**
 * A .docx-shaped zip bomb: its document.xml inflates to `mebibytes` MiB. With `honest` the headers say so
 * (the importer's 1.2 MB → 1.2 GB case); without, they claim a few bytes (sizes falsified).
 */
export function docxBomb(mebibytes: number, { honest }: { honest: boolean }): Buffer {
  return zipWithClaims([
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    {
      name: "word/document.xml",
      data: deflatedZeros(mebibytes),
      deflated: true,
      claimedSize: honest ? Math.min(mebibytes * 1024 * 1024, 0xfffffffe) : 13,
    },
  ]);
}

/** A multipart/form-data body with text fields and files, and its content-type header. */
export function multipart(fields: Record<string, string>, files: Array<{ name: string; content: Buffer; type?: string }>) {
  const boundary = `----kehoach${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, "utf8"));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`,
        "utf8",
      ),
      f.content,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
