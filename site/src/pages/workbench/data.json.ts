import type { APIRoute } from 'astro';
import { workbenchData } from '../../lib/workbench.ts';

/** The workbench's framework and observations, fetched by the page from the same origin. */
export const GET: APIRoute = () => {
  const data = workbenchData();
  return new Response(JSON.stringify(data ?? { unavailable: true }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
