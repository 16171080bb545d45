import sharp from 'sharp';
const [input, out, top, height, scale = '2'] = process.argv.slice(2);
const meta = await sharp(input).metadata();
await sharp(input).extract({ left: 0, top: Number(top), width: meta.width!, height: Number(height) }).resize({ width: Math.round(meta.width! * Number(scale)) }).png().toFile(out);
