import { describe, expect, it } from 'vitest';
import { defineFramework, reviseNodes, type Framework, type FrameworkNode, type NodeRevision } from '../framework/defineFramework.ts';
import { normalise } from '../normalise/normalise.ts';
import { createPanel } from '../panel/panel.ts';
import { aggregationSetting, frameworkFor, normalisationSetting, weightSetsSetting, winsorisationSetting, type UncertainSetting } from './settings.ts';

const name = (en: string) => ({ zh: en, en });
const fw = defineFramework({
  id: 's',
  version: '1',
  name: name('S'),
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'p', type: 'aggregate', parent: 'index', name: name('P'), weight: 2 },
    { code: 'q', type: 'aggregate', parent: 'index', name: name('Q') },
    { code: 'a', type: 'indicator', parent: 'p', direction: 1, name: name('A') },
    { code: 'b', type: 'indicator', parent: 'p', direction: -1, name: name('B'), weight: 3 },
    { code: 'c', type: 'indicator', parent: 'q', direction: 1, name: name('C') },
  ],
});

/** The run's framework made afresh: every setting's reviser called and the changes merged into one `reviseNodes`. */
function afresh(framework: Framework, settings: readonly UncertainSetting[], levels: readonly number[]): Framework {
  const revisers = settings.map((s, i) => s.revise?.(framework, levels[i])).filter((r) => r !== undefined);
  if (revisers.length === 0) return framework;
  return reviseNodes(framework, (node: FrameworkNode) => {
    let merged: NodeRevision | undefined;
    for (const reviser of revisers) {
      const change = reviser(node);
      if (change) merged = merged ? { ...merged, ...change } : change;
    }
    return merged;
  });
}

/** Every combination of levels. */
function combinations(settings: readonly UncertainSetting[]): number[][] {
  return settings.reduce<number[][]>((all, s) => all.flatMap((levels) => Array.from({ length: s.levels }, (_, l) => [...levels, l])), [[]]);
}

describe('frameworkFor', () => {
  const settings = [
    winsorisationSetting([1, 3]),
    normalisationSetting(['framework', { method: 'zScore', mean: 10, sd: 2 }]),
    weightSetsSetting([{ a: 1, b: 2 }, { p: 1, q: 4 }, { c: 5 }]),
    aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]),
  ];

  it('gives, run after run, the framework that revising afresh gives: the same nodes, lookup table and document, and the nominal framework where nothing changes', () => {
    const seen = new Map<string, readonly FrameworkNode[]>();
    // Twice over every combination: the second time from what the first worked out.
    for (const pass of [0, 1]) {
      for (const levels of combinations(settings)) {
        const run = frameworkFor(fw, settings, levels);
        const expected = afresh(fw, settings, levels);
        expect(run.nodes).toEqual(expected.nodes);
        expect([...run.byCode.entries()]).toEqual([...expected.byCode.entries()]);
        expect(run.document).toEqual(expected.document);
        expect({ ...run, byCode: null, document: null }).toEqual({ ...expected, byCode: null, document: null });
        // The same node objects as the earlier run with these levels (none made again), and the nominal ones where unchanged.
        if (pass === 1) run.nodes.forEach((node, i) => expect(node).toBe(seen.get(levels.join())?.[i]));
        else seen.set(levels.join(), run.nodes);
        run.nodes.forEach((node, i) => {
          if (expected.nodes[i] === fw.nodes[i]) expect(node).toBe(fw.nodes[i]);
        });
      }
    }
    expect(frameworkFor(fw, [weightSetsSetting([{}])], [0]).nodes).toEqual(fw.nodes);
  });

  it('revising a revised framework builds neither its lookup table nor its document, and gives what revising the nominal one gives', () => {
    const once = frameworkFor(fw, [settings[2]], [1]);
    const reads = { byCode: 0, document: 0 };
    // The revised framework's fields, its lookup table and document counted when read.
    const fields = Object.fromEntries(Object.keys(once).filter((k) => k !== 'byCode' && k !== 'document').map((k) => [k, once[k as keyof Framework]]));
    const watched = Object.defineProperties(fields, {
      byCode: { get: () => (reads.byCode++, once.byCode), enumerable: true },
      document: { get: () => (reads.document++, once.document), enumerable: true },
    }) as unknown as Framework;
    const treatment = settings[0].revise?.(fw, 1);
    const twice = reviseNodes(watched, (node) => treatment?.(node));
    expect(reads).toEqual({ byCode: 0, document: 0 });
    // normalise reads the indicators' nodes in order, not the lookup table.
    const scores = normalise(createPanel({ units: ['U1', 'U2'], periods: ['2025'], codes: ['c', 'b', 'a'], values: [1, 2, 3, 5, 4, 6] }), watched);
    expect(reads).toEqual({ byCode: 0, document: 0 });
    expect([...scores.values]).toEqual([0, 100, 0, 100, 0, 100]);
    expect(twice.document).toEqual(frameworkFor(fw, [settings[2], settings[0]], [1, 1]).document);
  });

  it('rejects a weight that is not positive on every run that asks for it', () => {
    const bad = [weightSetsSetting([{ a: 1 }, { a: -1 }])];
    expect(frameworkFor(fw, bad, [0]).byCode.get('a')?.weight).toBe(1);
    for (let run = 0; run < 2; run++) expect(() => frameworkFor(fw, bad, [1])).toThrow('weight must be a positive number, got -1');
    expect(() => frameworkFor(fw, [weightSetsSetting([{ zz: 1 }])], [0])).toThrow('weights for unknown nodes: zz');
  });
});
