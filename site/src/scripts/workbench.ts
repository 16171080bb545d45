/**
 * The workbench's client: hydrates the island the page rendered at build
 * time, with the props it serialised beside it (already validated, so no
 * schema runs here). Plain `hydrate` instead of an Astro client directive:
 * Astro's island loader is an inline script, which the site's CSP forbids.
 * Each language's page calls this from its own entry (workbench.zh.ts,
 * workbench.en.ts), so a page carries one language's words.
 */
import { h, hydrate } from 'preact';
import type { WorkbenchShell } from '../lib/workbench.ts';
import { Workbench } from '../workbench/components/Workbench.tsx';
import type { Lang, Text } from '../workbench/text.ts';

export function startWorkbench(t: Text): void {
  const root = document.getElementById('wb-root');
  const props = document.getElementById('wb-props');
  if (!root || !props?.textContent) return;
  const { lang, shell } = JSON.parse(props.textContent) as { lang: Lang; shell: WorkbenchShell };
  // The page is already drawn (rendered at build time): hydrate once the browser has painted it and is idle.
  const whenIdle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 1500 }) : setTimeout(f, 1));
  whenIdle(() => hydrate(h(Workbench, { lang, shell, t }), root));
}
