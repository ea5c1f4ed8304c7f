// Draws the door check-in app's icons (public/door/*.png): three QR finder squares and a check mark, white on the
// app's blue. Run once with `node scripts/door-icons.mjs`; the PNG files are kept in the repository.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const BLUE = [22, 119, 255];
const WHITE = [255, 255, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** An RGB PNG of `size` × `size` whose pixel colours `paint(x, y)` gives, x and y in 0..1. */
function png(size, paint) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b] = paint((x + 0.5) / size, (y + 0.5) / size);
      const at = y * (size * 3 + 1) + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const finder = (x, y, left, top, s) => {
  const u = (x - left) / s;
  const v = (y - top) / s;
  if (u < 0 || v < 0 || u > 1 || v > 1) return false;
  const ring = u < 1 / 7 || v < 1 / 7 || u > 6 / 7 || v > 6 / 7;
  const core = u > 2 / 7 && v > 2 / 7 && u < 5 / 7 && v < 5 / 7;
  return ring || core;
};
const nearSegment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < width / 2;
};

/** The drawing inside a square of side `scale` centred in the icon (smaller for the maskable icon's safe zone). */
const icon = (scale) => (px, py) => {
  const x = (px - 0.5) / scale + 0.5;
  const y = (py - 0.5) / scale + 0.5;
  const s = 0.26;
  const white =
    finder(x, y, 0.12, 0.12, s) ||
    finder(x, y, 0.62, 0.12, s) ||
    finder(x, y, 0.12, 0.62, s) ||
    nearSegment(x, y, [0.5, 0.72], [0.62, 0.84], 0.07) ||
    nearSegment(x, y, [0.62, 0.84], [0.88, 0.52], 0.07);
  return white ? WHITE : BLUE;
};

const dir = join(import.meta.dirname, "..", "public", "door");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "icon-192.png"), png(192, icon(1)));
writeFileSync(join(dir, "icon-512.png"), png(512, icon(1)));
writeFileSync(join(dir, "icon-maskable-512.png"), png(512, icon(0.7)));
