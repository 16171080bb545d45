import type { APIRoute } from 'astro';
import { href, LANGS, monthPath, regionPath } from '../lib/i18n.ts';
import { districts, loadReleases } from '../lib/releases.ts';

/** Every page in both languages. */
export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL('https://pingan.example.org');
  const paths = ['/', '/archive/', '/methodology/', '/downloads/', '/warnings/', '/workbench/'];
  for (const m of loadReleases()) {
    paths.push(monthPath(m.month));
    for (const r of districts(m.release)) paths.push(regionPath(m.month, r.code));
    for (const r of m.revisions.slice(0, -1)) paths.push(`${monthPath(m.month)}r${r.revision}/`);
  }
  const urls = paths.flatMap((p) => LANGS.map((l) => `  <url><loc>${new URL(href(l, p), base).href}</loc></url>`));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
