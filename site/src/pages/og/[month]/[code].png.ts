import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { framework } from '../../../lib/framework.ts';
import { previewSvg } from '../../../lib/preview.ts';
import { loadReleases, type MonthRelease } from '../../../lib/releases.ts';
import { regionSeries } from '../../../lib/series.ts';

/** One share preview per month and region (both languages share it: it holds no words but "SYNTHETIC DATA"). */
export function getStaticPaths() {
  return loadReleases().flatMap((entry) => entry.release.regions.map((r) => ({ params: { month: entry.month, code: r.code }, props: { entry, code: r.code } })));
}

export const GET: APIRoute = async ({ props }) => {
  const { entry, code } = props as { entry: MonthRelease; code: string };
  const region = entry.release.regions.find((r) => r.code === code)!;
  const bands = [...framework().bands].sort((a, b) => b.min - a.min);
  const bandColour = bands.find((b) => b.code === region.index.band?.code)?.colour ?? '#666666';
  const svg = previewSvg({
    value: region.index.value,
    bandColour,
    bands: bands.map((b) => ({ colour: b.colour ?? '#666666', current: b.code === region.index.band?.code })),
    series: regionSeries(code, entry.month).map((p) => p.index),
  });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6, palette: true, colours: 32, dither: 0, effort: 1 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
