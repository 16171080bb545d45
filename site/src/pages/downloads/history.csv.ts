import type { APIRoute } from 'astro';
import { historyCsv } from '../../lib/history.ts';

/** Every month's figures in one CSV (each month's latest revision). */
export const GET: APIRoute = () => new Response(historyCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
