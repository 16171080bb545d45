import type { APIRoute } from 'astro';
import { loadReleases, releaseFile } from '../../../../lib/releases.ts';

const FILES = ['release.json', 'release.csv', 'manifest.json'] as const;
type FileName = (typeof FILES)[number];

/** Every revision's files, copied byte for byte into the built site. */
export function getStaticPaths() {
  return loadReleases().flatMap((m) =>
    m.revisions.flatMap((r) => FILES.map((file) => ({ params: { month: m.month, rev: `r${r.revision}`, file }, props: { dir: r.dir, file } }))),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { dir, file } = props as { dir: string; file: FileName };
  const type = file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  return new Response(new Uint8Array(releaseFile(dir, file)), { headers: { 'Content-Type': type } });
};
