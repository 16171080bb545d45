import type { APIRoute } from 'astro';
import { monthName, monthPath, t } from '../lib/i18n.ts';
import { siteFacts, utcOffset } from '../lib/publication.ts';
import { cityCode, loadReleases, region } from '../lib/releases.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An RSS 2.0 feed of releases (each month's latest revision), newest first, in Chinese with English. */
export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL('https://pingan.example.org');
  const [zh, en] = [t('zh'), t('en')];
  const items = [...loadReleases()].reverse().map((m) => {
    const city = region(m.release, cityCode());
    const link = new URL(monthPath(m.month), base).href;
    const title = `${monthName('zh', m.month)}${zh.siteLong} ${city.index.value ?? '—'}（${city.index.band?.name.zh ?? ''}）`;
    const desc = `${monthName('en', m.month)}: ${en.siteLong} ${city.index.value ?? '—'} (${city.index.band?.name.en ?? ''}); revision ${m.manifest.revision}. ${en.syntheticShort} ${zh.syntheticShort}`.trim();
    return `    <item>
      <title>${esc(title)}</title>
      <link>${esc(link)}</link>
      <guid isPermaLink="false">${esc(`${m.month}-r${m.manifest.revision}`)}</guid>
      <pubDate>${new Date(`${m.manifest.date}T00:00:00${utcOffset(siteFacts().timeZone, m.manifest.date)}`).toUTCString()}</pubDate>
      <description>${esc(desc)}</description>
    </item>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${esc(`${zh.siteLong} ${en.siteLong}`)}</title>
    <link>${esc(new URL('/', base).href)}</link>
    <description>${esc(`${zh.tagline}${zh.syntheticShort ? `（${zh.syntheticShort.replace(/。$/, '')}）` : ''} · ${en.tagline}${en.syntheticShort ? ` (${en.syntheticShort.replace(/\.$/, '').toLowerCase()})` : ''}`)}</description>
    <language>zh-Hans</language>
${items.join('\n')}
  </channel>
</rss>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
