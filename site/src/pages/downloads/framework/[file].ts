import type { APIRoute } from 'astro';
import { frameworkFileName, frameworkText } from '../../../lib/framework.ts';

export function getStaticPaths() {
  return [{ params: { file: frameworkFileName() } }];
}

export const GET: APIRoute = () => new Response(frameworkText(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
