import type { APIRoute } from 'astro';
import { chainFile } from '../../lib/releases.ts';

/** The releases' chain.json, byte for byte as published (verified with the releases before the site is built). */
export const GET: APIRoute = () => new Response(new Uint8Array(chainFile()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
