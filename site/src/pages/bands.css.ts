import type { APIRoute } from 'astro';
import { bandClass } from '../lib/charts.ts';
import { framework } from '../lib/framework.ts';

/**
 * Each band's colour, from the framework (`publication.bands[].colour`), as a
 * stylesheet: the pages' band labels (`.band-<code>`) are coloured by the
 * index's own bands, whatever they are called, and the Content-Security-Policy
 * still allows no inline style. A colour that is not a hex colour stops the build.
 */
export const GET: APIRoute = () => {
  const rules = framework().bands.map((band) => {
    const colour = (band as { colour?: string }).colour;
    if (colour !== undefined && !/^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(colour)) throw new Error(`pingan site: the framework's band "${band.code}" has the colour "${colour}", not a hex colour such as #2E7D32`);
    return `.band-${bandClass(band.code)} { background: ${colour ?? '#444'}; }`;
  });
  return new Response(`${rules.join('\n')}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
