import type { APIRoute } from 'astro';
import { historyJson } from '../../lib/history.ts';

/** Every month's figures in one JSON file, as series by region and code. */
export const GET: APIRoute = () => new Response(`${JSON.stringify(historyJson())}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
