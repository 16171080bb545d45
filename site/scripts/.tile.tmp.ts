import sharp from 'sharp';
const [input, out, tileH = '900', perRow = '8'] = process.argv.slice(2);
const meta = await sharp(input).metadata();
const w = meta.width!, h = meta.height!, th = Number(tileH), n = Number(perRow);
const tiles = Math.ceil(h / th);
const rows = Math.ceil(tiles / n);
const parts = [];
for (let i = 0; i < tiles; i++) {
  const height = Math.min(th, h - i * th);
  parts.push({ input: await sharp(input).extract({ left: 0, top: i * th, width: w, height }).toBuffer(), left: (i % n) * (w + 8), top: Math.floor(i / n) * (th + 8) });
}
await sharp({ create: { width: Math.min(tiles, n) * (w + 8), height: rows * (th + 8), channels: 3, background: '#777' } }).composite(parts).png().toFile(out);
console.log(tiles, 'tiles', w, h);
