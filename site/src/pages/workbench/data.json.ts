import type { APIRoute } from 'astro';
import { workbenchData } from '../../lib/workbench.ts';

/** The workbench's observations (the published inputs.csv files), fetched by the page from the same origin. */
export const GET: APIRoute = () => {
  const { values } = workbenchData();
  return new Response(JSON.stringify(values ?? { unavailable: true }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
