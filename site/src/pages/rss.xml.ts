import type { APIRoute } from 'astro';
import { monthName, monthPath } from '../lib/i18n.ts';
import { CITY, loadReleases, region } from '../lib/releases.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 feed of releases (each month's latest revision), newest first, in Chinese with English. */
export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL('https://pingan.example.org');
  const items = [...loadReleases()].reverse().map((m) => {
    const city = region(m.release, CITY);
    const link = new URL(monthPath(m.month), base).href;
    const title = `${monthName('zh', m.month)}湘潭市平安指数 ${city.index.value ?? '—'}（${city.index.band?.name.zh ?? ''}）`;
    const desc = `${monthName('en', m.month)}: Xiangtan safety index ${city.index.value ?? '—'} (${city.index.band?.name.en ?? ''}); revision ${m.manifest.revision}. SYNTHETIC sample data. 合成示例数据。`;
    return `    <item>
      <title>${esc(title)}</title>
      <link>${esc(link)}</link>
      <guid isPermaLink="false">${esc(`${m.month}-r${m.manifest.revision}`)}</guid>
      <pubDate>${new Date(`${m.manifest.date}T00:00:00+08:00`).toUTCString()}</pubDate>
      <description>${esc(desc)}</description>
    </item>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>湘潭市平安指数 Xiangtan Safety Index</title>
    <link>${esc(new URL('/', base).href)}</link>
    <description>每月发布的湘潭市平安指数（合成示例数据） · The monthly Xiangtan safety index (synthetic sample data)</description>
    <language>zh-Hans</language>
${items.join('\n')}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
