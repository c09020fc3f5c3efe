#!/usr/bin/env node
// Draws the tab-bar and map-marker PNGs into src/assets (run once; the PNGs are committed).
// Shapes are rasterised with 4x4 supersampling so the edges are smooth; no image library needed.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "assets");

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** `inside(x, y)` in unit coordinates (0..1) -> coverage; colour is [r,g,b]. */
function png(size, layers) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const { inside, colour } of layers) {
        let hits = 0;
        for (let sy = 0; sy < S; sy++)
          for (let sx = 0; sx < S; sx++) if (inside((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size)) hits++;
        const cov = hits / (S * S);
        if (cov === 0) continue;
        // "over" compositing, later layers on top
        const na = cov + a * (1 - cov);
        r = (colour[0] * cov + r * a * (1 - cov)) / na;
        g = (colour[1] * cov + g * a * (1 - cov)) / na;
        b = (colour[2] * cov + b * a * (1 - cov)) / na;
        a = na;
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(r);
      raw[o + 1] = Math.round(g);
      raw[o + 2] = Math.round(b);
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const tri = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by),
    d2 = s(bx, by, cx, cy),
    d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));
const minus = (f, g) => (x, y) => f(x, y) && !g(x, y);

const home = minus(union(tri(0.5, 0.12, 0.1, 0.5, 0.9, 0.5), rect(0.2, 0.48, 0.8, 0.86)), rect(0.42, 0.62, 0.58, 0.86));
const pin = minus(union(circle(0.5, 0.4, 0.28), tri(0.26, 0.52, 0.74, 0.52, 0.5, 0.9)), circle(0.5, 0.4, 0.11));
const person = union(circle(0.5, 0.32, 0.17), minus(circle(0.5, 0.95, 0.38), rect(0, 0.88, 1, 1)));

const GREY = [138, 138, 138];
const GREEN = [26, 127, 90];
const tabs = { home, nearby: pin, me: person };
for (const [name, shape] of Object.entries(tabs)) {
  writeFileSync(join(out, `tab-${name}.png`), png(81, [{ inside: shape, colour: GREY }]));
  writeFileSync(join(out, `tab-${name}-active.png`), png(81, [{ inside: shape, colour: GREEN }]));
}

const markerShape = union(circle(0.5, 0.36, 0.3), tri(0.24, 0.5, 0.76, 0.5, 0.5, 0.97));
// One per marker colour of src/components/map (colours.ts): the weapp's map wants icon files.
const markers = { green: GREEN, grey: [150, 150, 150], amber: [214, 140, 24], blue: [31, 95, 158], red: [192, 57, 43] };
for (const [name, colour] of Object.entries(markers)) {
  writeFileSync(
    join(out, `marker-${name}.png`),
    png(48, [
      { inside: markerShape, colour },
      { inside: circle(0.5, 0.36, 0.12), colour: [255, 255, 255] },
    ]),
  );
}
console.log(`icons written to ${out}`);
