import type { APIRoute } from 'astro';
import { chartReadingsCsv } from '../../lib/watchList.ts';

/** The latest month's reading of every control chart, [SYNTHETIC-]charts-YYYY-MM.csv (none for a release without an early warning). */
export function getStaticPaths() {
  const csv = chartReadingsCsv();
  return csv ? [{ params: { file: csv.file }, props: { text: csv.text } }] : [];
}

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
