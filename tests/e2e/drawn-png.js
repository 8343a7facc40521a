// A PNG drawn by code, for the specs and `make bench` to upload as a photo: a sky over a green
// hill, the sun on the left. Nothing from elsewhere; Node's zlib does the compression.
const zlib = require('node:zlib');

/** A `w` × `h` RGB PNG. */
function drawnPng(w, h) {
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    const horizon = h * 0.6;
    for (let x = 0; x < w; x++) {
      const hill = y > horizon + Math.sin(x / (w / 20)) * h * 0.08;
      const sun = (x - w * 0.25) ** 2 + (y - h * 0.3) ** 2 < (h * 0.1) ** 2;
      const [r, g, b] = hill ? [40, 140, 60] : sun ? [255, 220, 120] : [90, 150, 220 - (y * 80) / h];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (kind, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(kind, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

module.exports = { drawnPng };
