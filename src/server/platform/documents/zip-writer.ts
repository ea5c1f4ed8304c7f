import { deflateRawSync } from "node:zlib";
import { crc32 } from "./qr";

/**
 * A minimal zip writer for many near-identical .docx files: parts that never change are deflated once and their
 * bytes reused; only the changed parts are deflated per file. Writes plain zip (no zip64: a letter is kilobytes).
 */

export interface ZipPart {
  name: string;
  /** Deflated bytes (method 8) or the bytes as is (method 0). */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** Prepares a part: `zipPart("word/document.xml", xml)` deflates it; `zipPart(name, png, false)` stores it. */
export function zipPart(name: string, bytes: Buffer, deflate = true): ZipPart {
  return {
    name,
    data: deflate ? deflateRawSync(bytes, { level: 6 }) : bytes,
    method: deflate ? 8 : 0,
    crc: crc32(bytes),
    size: bytes.length,
  };
}

/** The zip of these parts, in order. */
export function writeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
