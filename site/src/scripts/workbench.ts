/**
 * The workbench's client: hydrates the islands the page rendered at build
 * time, with the props it wrote beside them in a <template> (already validated, so no
 * schema runs here), one island per idle task, then starts the store (the
 * address, the data). Plain `hydrate` instead of Astro's client directives:
 * Astro's island loader is an inline script, which the site's CSP forbids.
 * Each language's page calls this from its own entry (workbench.zh.ts,
 * workbench.en.ts), so a page carries one language's words.
 */
import { h, hydrate } from 'preact';
import type { WorkbenchShell } from '../lib/workbench.ts';
import { ISLANDS, followRoot, start, type IslandName } from '../workbench/components/Workbench.tsx';
import { formatValue } from '../workbench/model/format.ts';
import { createStore } from '../workbench/store.ts';
import type { Lang, Text } from '../workbench/text.ts';
import { withPlace } from '../workbench/placeWords.ts';

const whenIdle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 1));

export function startWorkbench(t: Text): void {
  const root = document.getElementById('wb');
  const props = (document.getElementById('wb-props') as HTMLTemplateElement | null)?.content.textContent;
  if (!root || !props) return;
  // Even reading the props waits until the browser is idle: the page is already drawn.
  whenIdle(() => hydrateAll(root, props, t));
}

function hydrateAll(root: HTMLElement, props: string, words: Text): void {
  const { lang, shell } = JSON.parse(props) as { lang: Lang; shell: WorkbenchShell };
  const t = withPlace(words, shell.place[lang]);
  const store = createStore(shell);
  const islands = [...root.querySelectorAll<HTMLElement>('[data-island]')];
  // The page is already drawn: hydrate once the browser is idle, one island per task.
  const next = (i: number) => {
    if (i === islands.length) {
      // The number format's first use loads locale data: a task of its own, before the data arrive.
      formatValue(0.125, 2);
      whenIdle(() => {
        followRoot(store, root);
        start(store, t, lang);
      });
      return;
    }
    const name = islands[i].dataset.island as IslandName;
    hydrate(h(ISLANDS[name], { store, t, lang }), islands[i]);
    whenIdle(() => next(i + 1));
  };
  whenIdle(() => next(0));
}
