import { describe, expect, it } from 'vitest';
import { frameworkFromJson, MAX_FRAMEWORK_LEVELS, MAX_FRAMEWORK_NODES } from './defineFramework.ts';
import { ValidationError } from './frameworkError.ts';
import { weightWarnings } from './weightWarnings.ts';

const name = (en: string) => ({ zh: en, en });

/** A chain of `levels` aggregates, the last holding one indicator. */
function chain(levels: number) {
  const nodes: object[] = [{ code: 'n0', type: 'aggregate', parent: null, name: name('n0') }];
  for (let i = 1; i < levels; i++) nodes.push({ code: `n${i}`, type: 'aggregate', parent: `n${i - 1}`, name: name(`n${i}`) });
  nodes.push({ code: 'x', type: 'indicator', parent: `n${levels - 1}`, direction: 1, name: name('x') });
  return { id: 'deep', version: '1', name: name('Deep'), nodes };
}

function issuesOf(input: unknown) {
  try {
    frameworkFromJson(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
}

describe('framework limits', () => {
  it('refuses a tree deeper than the stated limit with a message, not a stack overflow (4,000 levels)', () => {
    expect(issuesOf(chain(4000))).toEqual([{ path: 'nodes[0] (n0)', message: `the tree has 4001 levels; a framework has at most ${MAX_FRAMEWORK_LEVELS}` }]);
    expect(frameworkFromJson(chain(MAX_FRAMEWORK_LEVELS - 1)).levels).toBe(MAX_FRAMEWORK_LEVELS);
  });

  it('finds a cycle through thousands of nodes in one pass over them', () => {
    const input = chain(MAX_FRAMEWORK_NODES - 2);
    (input.nodes[0] as { parent: string | null }).parent = `n${MAX_FRAMEWORK_NODES - 3}`;
    const issues = issuesOf(input);
    expect(issues.map((i) => i.message)).toContain(`cycle: n0 → n9997 → n9996 → n9995 → … (${MAX_FRAMEWORK_NODES - 7} more) → n1 → n0`);
    expect(issues.some((i) => i.message.startsWith('no root'))).toBe(true);
  });

  it('refuses more nodes than the stated limit', () => {
    expect(issuesOf(chain(MAX_FRAMEWORK_NODES + 1))).toEqual([{ path: 'nodes', message: `${MAX_FRAMEWORK_NODES + 2} nodes; a framework has at most ${MAX_FRAMEWORK_NODES}` }]);
  });
});

describe('weightWarnings', () => {
  const doc = (nodes: object[]) => ({ nodes: [{ code: 'i', type: 'aggregate', parent: null, name: name('i') }, ...nodes] });
  it('warns of shares that do not sum to 1 (0.6 and 0.6, rescaled)', () => {
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 0.6 }, { code: 'b', parent: 'i', weight: 0.6 }]))).toEqual([
      { path: 'nodes (children of "i")', message: 'weights 0.6, 0.6 look like shares but sum to 1.2, not 1: they are rescaled (each divided by 1.2)' },
    ]);
  });
  it('warns of a missing sibling weight, which counts as 1 and reverses the intended order', () => {
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 0.7 }, { code: 'b', parent: 'i' }]))).toEqual([
      { path: 'nodes[2] (b)', message: "has no weight, so it counts as 1 beside its siblings' a 0.7" },
    ]);
  });
  it('warns of a weight on a child of an AHP group, which the matrix overrides', () => {
    const nodes = [{ code: 'i', type: 'aggregate', parent: null, weighting: { method: 'ahp' } }, { code: 'a', parent: 'i', weight: 5 }, { code: 'b', parent: 'i' }];
    expect(weightWarnings({ nodes })).toEqual([{ path: 'nodes[1] (a).weight', message: 'ignored: the weights of "i"\'s children come from its AHP matrix' }]);
  });
  it('warns of percentages that do not add up to 100 (60 and 50, rescaled)', () => {
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 60 }, { code: 'b', parent: 'i', weight: 50 }]))).toEqual([
      { path: 'nodes (children of "i")', message: 'weights 60, 50 look like percentages but sum to 110, not 100: they are rescaled (each divided by 110)' },
    ]);
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 45 }, { code: 'b', parent: 'i', weight: 35.5 }]))[0]?.message).toMatch(/^weights 45, 35.5 look like percentages but sum to 80.5, not 100/);
  });
  it('warns of a fraction beside whole numbers a hundred times larger (50, 30 and 0.2: a weight on a different scale)', () => {
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 50 }, { code: 'b', parent: 'i', weight: 30 }, { code: 'c', parent: 'i', weight: 0.2 }]))).toEqual([
      { path: 'nodes[3] (c).weight', message: '0.2 is a fraction beside its siblings\' whole numbers (a 50, b 30): a weight on a different scale? It counts for 0.25% of "i"' },
    ]);
    const two = weightWarnings(doc([{ code: 'a', parent: 'i', weight: 0.3 }, { code: 'b', parent: 'i', weight: 40 }, { code: 'c', parent: 'i', weight: 0.3 }]));
    expect(two.map((w) => w.path)).toEqual(['nodes[1] (a).weight', 'nodes[3] (c).weight']);
  });
  it('is silent for percentages that add up to 100, equal weights, and weights that differ in scale but not in kind', () => {
    const weights = (...ws: number[]) => weightWarnings(doc(ws.map((weight, k) => ({ code: `x${k}`, parent: 'i', weight }))));
    expect(weights(60, 40)).toEqual([]);
    expect(weights(33.3, 33.3, 33.4)).toEqual([]);
    expect(weights(30, 30, 30, 30)).toEqual([]);
    expect(weights(70, 60)).toEqual([]); // 130: relative weights, not percentages
    expect(weights(500, 3)).toEqual([]); // no fraction
    expect(weights(200, 1.5, 0.5)).toEqual([]); // 1.5 is no whole number: one scale of decimals
    expect(weights(30, 0.5)).toEqual([]); // 60 times, not more than 100
  });
  it('is silent for shares that sum to 1 (up to rounding) and for plain relative weights', () => {
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 0.1 }, { code: 'b', parent: 'i', weight: 0.2 }, { code: 'c', parent: 'i', weight: 0.7 }]))).toEqual([]);
    expect(weightWarnings(doc([{ code: 'a', parent: 'i', weight: 2 }, { code: 'b', parent: 'i', weight: 1 }]))).toEqual([]);
  });
});
