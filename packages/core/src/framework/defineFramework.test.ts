import { describe, expect, it } from 'vitest';
import { frameworkFromDocument, frameworkFromJson, frameworkToJson, reviseNodes } from './defineFramework.ts';
import { ValidationError } from './frameworkError.ts';

const name = (en: string) => ({ zh: en, en });

const valid = {
  id: 'demo',
  version: '1',
  name: name('Demo'),
  denominators: [{ code: 'pop', name: name('Population') }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weight: 3 },
    { code: 'g2', type: 'aggregate', parent: 'index', name: name('G2') },
    { code: 'a', type: 'indicator', parent: 'g1', direction: -1, name: name('A'), denominator: { code: 'pop', scale: 100000 } },
    { code: 'b', type: 'indicator', parent: 'g1', direction: 1, name: name('B') },
    { code: 'c', type: 'indicator', parent: 'g2', direction: 1, name: name('C') },
  ],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    frameworkFromJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected the framework to be refused');
}

describe('frameworkFromJson', () => {
  it('resolves levels, bottom-up order, defaults and weights', () => {
    const fw = frameworkFromJson(valid);
    expect(fw.root).toBe('index');
    expect(fw.indicators).toEqual(['a', 'b', 'c']);
    expect(fw.aggregates).toEqual(['g1', 'g2', 'index']);
    expect(fw.levels).toBe(3);
    expect(fw.byCode.get('g1')).toMatchObject({ level: 2, weight: 3, children: ['a', 'b'], aggregation: { method: 'arithmetic' } });
    expect(fw.byCode.get('a')).toMatchObject({
      level: 1,
      weight: 1,
      direction: -1,
      denominator: { code: 'pop', scale: 100000 },
      normalisation: { method: 'minMax', lower: 0, upper: 100, scope: 'period' },
      imputation: { method: 'none' },
      treatment: { method: 'none' },
      transform: 'none',
    });
    expect(fw.decimals).toBe(2);
  });

  it("gives every node shape its keys in the order of IndicatorNode and AggregateNode, optional keys only when set", () => {
    const fw = frameworkFromJson({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'g', type: 'aggregate', parent: 'index', name: name('G'), description: name('about G') },
        { code: 'a', type: 'indicator', parent: 'g', direction: 1, name: name('A') },
        { code: 'b', type: 'indicator', parent: 'g', direction: 1, name: name('B'), unit: name('kg'), denominator: { code: 'pop' } },
        { code: 'c', type: 'indicator', parent: 'g', direction: 1, name: name('C'), description: name('about C'), window: { periods: 3 } },
      ],
    });
    const common = ['transform', 'imputation', 'treatment', 'normalisation'];
    expect(fw.nodes.map((node) => Object.keys(node))).toEqual([
      ['type', 'code', 'parent', 'name', 'weight', 'level', 'children', 'aggregation', 'weighting'],
      ['type', 'code', 'parent', 'name', 'description', 'weight', 'level', 'children', 'aggregation', 'weighting'],
      ['type', 'code', 'parent', 'name', 'direction', 'weight', 'level', ...common],
      ['type', 'code', 'parent', 'name', 'unit', 'direction', 'weight', 'level', 'denominator', ...common],
      ['type', 'code', 'parent', 'name', 'description', 'direction', 'weight', 'level', 'window', ...common],
    ]);
  });

  it('round-trips through JSON', () => {
    const fw = frameworkFromJson(valid);
    const again = frameworkFromJson(JSON.parse(JSON.stringify(frameworkToJson(fw))));
    expect(again.document).toEqual(fw.document);
  });

  it('reports every problem at once, each with the path of its node', () => {
    const issues = issuesOf({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weight: -2 },
        { code: 'a', type: 'indicator', parent: 'g1', direction: 2, name: name('A') },
        { code: 'b', type: 'indicator', parent: 'g1', direction: 1, weight: 0, name: name('B') },
      ],
    });
    expect(issues).toEqual([
      { path: 'nodes[1] (g1).weight', message: 'weight must be a positive number' },
      { path: 'nodes[2] (a).direction', message: 'direction must be 1 or -1' },
      { path: 'nodes[3] (b).weight', message: 'weight must be a positive number' },
    ]);
  });

  it('refuses duplicate codes, orphan parents, cycles, childless aggregates and unknown denominators together', () => {
    const issues = issuesOf({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1') },
        { code: 'a', type: 'indicator', parent: 'g1', direction: 1, name: name('A'), denominator: { code: 'area' } },
        { code: 'a', type: 'indicator', parent: 'g1', direction: 1, name: name('A again') },
        { code: 'b', type: 'indicator', parent: 'nowhere', direction: 1, name: name('B') },
        { code: 'x', type: 'aggregate', parent: 'y', name: name('X') },
        { code: 'y', type: 'aggregate', parent: 'x', name: name('Y') },
        { code: 'empty', type: 'aggregate', parent: 'index', name: name('Empty') },
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'nodes[3] (a)', message: 'duplicate code "a" (first used by nodes[2] (a))' },
        { path: 'nodes[4] (b).parent', message: 'parent "nowhere" is not a node of this framework' },
        { path: 'nodes[5] (x).parent', message: 'cycle: x → y → x' },
        { path: 'nodes[7] (empty)', message: 'aggregate "empty" has no children' },
        { path: 'nodes[2] (a).denominator.code', message: 'denominator "area" is not declared in "denominators"' },
      ]),
    );
  });

  it('reports the schema problems and the cross-reference problems together, in one round', () => {
    const issues = issuesOf({
      ...valid,
      denominators: [{ code: 'pop', name: name('Population') }, { code: 'pop', name: name('Population again') }],
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        // A misspelt key: its children still find it, so they are not orphans.
        { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weigth: 2 },
        // A malformed AHP weighting: the schema's message only, not a second one about its order.
        { code: 'g2', type: 'aggregate', parent: 'index', name: name('G2'), weighting: { method: 'ahp', order: ['c'], matrix: [[1, -1], [1, 1]] } },
        { code: 'a', type: 'indicator', parent: 'g1', name: name('A'), denominator: { code: 'area' } },
        { code: 'b', type: 'indicator', parent: 'g1', direction: 1, weight: 0, name: name('B') },
        { code: 'b', type: 'indicator', parent: 'g1', direction: 1, name: name('B again') },
        { code: 'c', type: 'indicator', parent: 'g2', direction: 1, name: name('C'), window: { periods: 12, minPeriods: 0 } },
        { code: 'd', type: 'indicator', parent: 'nowhere', direction: 1, name: name('D'), normalisation: { method: 'goalposts', min: 5, max: 1 } },
        { code: 'x', type: 'aggregate', parent: 'y', name: name('X') },
        { code: 'y', type: 'aggregate', parent: 'x', name: name('Y') },
      ],
    });
    expect(issues).toEqual([
      { path: 'nodes[1] (g1)', message: 'Unrecognized key: "weigth"' },
      { path: 'nodes[2] (g2).weighting.order', message: 'Too small: expected array to have >=2 items' },
      { path: 'nodes[2] (g2).weighting.matrix[0][1]', message: 'Too small: expected number to be >0' },
      { path: 'nodes[3] (a).direction', message: 'direction must be 1 or -1' },
      { path: 'nodes[4] (b).weight', message: 'weight must be a positive number' },
      { path: 'nodes[6] (c).window.minPeriods', message: 'Too small: expected number to be >0' },
      { path: 'nodes[5] (b)', message: 'duplicate code "b" (first used by nodes[4] (b))' },
      { path: 'denominators[1] (pop)', message: 'duplicate denominator code "pop"' },
      { path: 'nodes[7] (d).parent', message: 'parent "nowhere" is not a node of this framework' },
      { path: 'nodes[8] (x).parent', message: 'cycle: x → y → x' },
      { path: 'nodes[3] (a).denominator.code', message: 'denominator "area" is not declared in "denominators"' },
      { path: 'nodes[7] (d).normalisation', message: 'goalposts need min < max (got min 5, max 1)' },
    ]);
  });

  it('after a schema failure, reports nothing missing that a key it could not read may be', () => {
    const issues = issuesOf({
      ...valid,
      denominators: [{ code: 'pop', name: name('Population') }, { kode: 'area', name: name('Area') }],
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        // Its code cannot be read: it may be "g", so b is no orphan. Every parent was read, so e has no children.
        { cod: 'g', type: 'aggregate', parent: 'index', name: name('G') },
        { code: 'e', type: 'aggregate', parent: 'index', name: name('E') },
        // A denominator's code cannot be read: it may be "area".
        { code: 'a', type: 'indicator', parent: 'g', direction: 1, name: name('A'), denominator: { code: 'area' } },
        { code: 'b', type: 'indicator', parent: 'g', direction: 1, name: name('B') },
        { code: 'b', type: 'indicator', parent: 'a', direction: 1, name: name('B again') },
      ],
    });
    expect(issues).toEqual([
      { path: 'denominators[1].code', message: 'Invalid input: expected string, received undefined' },
      { path: 'denominators[1]', message: 'Unrecognized key: "kode"' },
      { path: 'nodes[1].code', message: 'Invalid input: expected string, received undefined' },
      { path: 'nodes[1]', message: 'Unrecognized key: "cod"' },
      { path: 'nodes[5] (b)', message: 'duplicate code "b" (first used by nodes[4] (b))' },
      { path: 'nodes[5] (b).parent', message: 'parent "a" is an indicator; only aggregates have children' },
      { path: 'nodes[2] (e)', message: 'aggregate "e" has no children' },
    ]);
    // A parent that cannot be read (an indicator's null) may be e: no childless aggregate, and no second root.
    const unparented = issuesOf({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'e', type: 'aggregate', parent: 'index', name: name('E') },
        { code: 'a', type: 'indicator', parent: null, direction: 1, name: name('A') },
      ],
    });
    expect(unparented).toEqual([{ path: 'nodes[2] (a).parent', message: 'Invalid input: expected string, received null' }]);
    // A reference the schema refused is not reported again as missing; one it accepted still is.
    const pattern = 'codes start with a letter and use only letters, digits, "_", "." and "-"';
    const refused = issuesOf({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'a', type: 'indicator', parent: '9g', direction: 1, name: name('A') },
        { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B'), denominator: { code: '1pop' } },
        { code: 'c', type: 'indicator', parent: 'index', direction: 1, name: name('C'), denominator: { code: 'area' } },
      ],
    });
    expect(refused).toEqual([
      { path: 'nodes[1] (a).parent', message: pattern },
      { path: 'nodes[2] (b).denominator.code', message: pattern },
      { path: 'nodes[3] (c).denominator.code', message: 'denominator "area" is not declared in "denominators"' },
    ]);
  });

  it('refuses a misspelt key inside a method (aggregation, normalisation, imputation, weighting) rather than dropping it for a default', () => {
    const issues = issuesOf({
      ...valid,
      defaults: { aggregation: { methd: 'geometric' } },
      nodes: valid.nodes.map((n) =>
        n.code === 'g1'
          ? { ...n, aggregation: { method: 'arithmetic', minAvailabilty: 1 } }
          : n.code === 'b'
            ? { ...n, normalisation: { method: 'goalposts', min: 0, max: 10, scop: 'period' }, imputation: { method: 'locf', maxAge: 2, maxage: 3 } }
            : n,
      ),
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'defaults.aggregation: Unrecognized key: "methd"',
      'nodes[1] (g1).aggregation: Unrecognized key: "minAvailabilty"',
      'nodes[4] (b).imputation: Unrecognized key: "maxage"',
      'nodes[4] (b).normalisation: Unrecognized key: "scop"',
    ]);
  });

  it('reads a repeated code as its first node everywhere: parent links, children and cycles', () => {
    // x's parent "g" is the first g (under the index), so x → g is no cycle although the second g's parent is x.
    const issues = issuesOf({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'g', type: 'aggregate', parent: 'index', name: name('G') },
        { code: 'g', type: 'aggregate', parent: 'x', name: name('G again') },
        { code: 'x', type: 'aggregate', parent: 'g', name: name('X') },
        { code: 'a', type: 'indicator', parent: 'g', direction: 1, name: name('A') },
        { code: 'y', type: 'aggregate', parent: 'y', name: name('Y') },
      ],
    });
    expect(issues).toEqual([
      { path: 'nodes[2] (g)', message: 'duplicate code "g" (first used by nodes[1] (g))' },
      { path: 'nodes[5] (y).parent', message: 'cycle: y → y' },
      { path: 'nodes[5] (y)', message: 'aggregate "y" has no children' },
    ]);
  });

  it('refuses a framework with no root or two roots, and an indicator used as a parent', () => {
    expect(issuesOf({ ...valid, nodes: [{ code: 'a', type: 'indicator', parent: 'a', direction: 1, name: name('A') }] })).toEqual(
      expect.arrayContaining([{ path: 'nodes', message: 'no root: exactly one aggregate must have "parent": null' }]),
    );
    const two = issuesOf({
      ...valid,
      nodes: [
        { code: 'r1', type: 'aggregate', parent: null, name: name('R1') },
        { code: 'r2', type: 'aggregate', parent: null, name: name('R2') },
        { code: 'a', type: 'indicator', parent: 'r1', direction: 1, name: name('A') },
        { code: 'b', type: 'indicator', parent: 'a', direction: 1, name: name('B') },
      ],
    });
    expect(two).toEqual(
      expect.arrayContaining([
        { path: 'nodes', message: '2 roots (r1, r2); exactly one node may have "parent": null' },
        { path: 'nodes[3] (b).parent', message: 'parent "a" is an indicator; only aggregates have children' },
      ]),
    );
  });

  it('derives weights from an AHP matrix and refuses an inconsistent one unless allowed', () => {
    const withAhp = (matrix: number[][], allowInconsistent = false) => ({
      ...valid,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index'), weighting: { method: 'ahp', order: ['c', 'a', 'b'], matrix, allowInconsistent } },
        { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
        { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B') },
        { code: 'c', type: 'indicator', parent: 'index', direction: 1, name: name('C') },
      ],
    });
    const fw = frameworkFromJson(withAhp([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]));
    expect(fw.byCode.get('c')?.weight).toBeCloseTo(4 / 7, 12);
    expect(fw.byCode.get('a')?.weight).toBeCloseTo(2 / 7, 12);
    expect(fw.byCode.get('b')?.weight).toBeCloseTo(1 / 7, 12);
    const inconsistent = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]];
    expect(issuesOf(withAhp(inconsistent))).toEqual([
      expect.objectContaining({ path: 'nodes[0] (index).weighting.matrix', message: expect.stringMatching(/^consistency ratio \d+\.\d{4} ≥ 0\.1/) }),
    ]);
    expect(() => frameworkFromJson(withAhp(inconsistent, true))).not.toThrow();
  });

  it('reviseNodes sets new weights and keeps the siblings’ derived weights', () => {
    const fw = frameworkFromJson(valid);
    const tuned = reviseNodes(fw, { b: { weight: 4 } });
    expect(tuned.byCode.get('b')?.weight).toBe(4);
    expect(tuned.byCode.get('a')?.weight).toBe(1);
    expect(fw.byCode.get('b')?.weight).toBe(1);
    expect(() => reviseNodes(fw, { nope: { weight: 1 } })).toThrow(/"nope" is not a node/);
    expect(() => reviseNodes(fw, { b: { weight: 0 } })).toThrow(/weight must be a positive number/);
  });
});

describe('frameworkFromDocument', () => {
  it('resolves a validated document exactly as defineFramework does, and still runs the tree checks', () => {
    const fw = frameworkFromJson(valid);
    const again = frameworkFromDocument(frameworkToJson(fw));
    expect(again.nodes).toEqual(fw.nodes);
    expect(again.aggregates).toEqual(fw.aggregates);
    expect(again.document).toEqual(fw.document);
    const orphan = frameworkToJson(fw);
    orphan.nodes[5] = { ...orphan.nodes[5], parent: 'nowhere' };
    expect(() => frameworkFromDocument(orphan)).toThrow(ValidationError);
  });
});

describe('tuned frameworks', () => {
  const tuned = {
    from: { id: 'demo', version: '1', sha256: 'a'.repeat(64) },
    tool: 'workbench ?v=2&w=g1:2',
    changes: [{ path: 'nodes.g1.weight', official: '3', tuned: '2' }],
  };
  it('accepts and keeps a tuning record', () => {
    const fw = frameworkFromJson({ ...valid, id: 'demo-tuned', tuned });
    expect(fw.document.tuned).toEqual(tuned);
    expect(frameworkFromJson(valid).document.tuned).toBeUndefined();
  });
  it('refuses a malformed one, saying where', () => {
    const issues = issuesOf({ ...valid, tuned: { ...tuned, from: { ...tuned.from, sha256: 'xyz' } } });
    expect(issues).toEqual([{ path: 'tuned.from.sha256', message: 'expected a SHA-256 as 64 lowercase hex digits' }]);
  });
});

describe('reviseNodes', () => {
  it('gives the framework that a full revision and validation gives', async () => {
    const { AggregationSpec } = await import('./methods.ts');
    const ahp = frameworkFromJson({
      ...valid,
      nodes: valid.nodes.map((n) => (n.code === 'index' ? { ...n, weighting: { method: 'ahp', order: ['g1', 'g2'], matrix: [[1, 3], [1 / 3, 1]] } } : n)),
    });
    const geometric = AggregationSpec.parse({ method: 'geometric' });
    const revised = reviseNodes(ahp, (node) =>
      node.code === 'g2' ? { weight: 0.5, aggregation: geometric } : node.type === 'aggregate' ? { aggregation: geometric } : undefined,
    );
    // The same revision written into the document by hand and validated from scratch:
    // the root's AHP weighting gives way to fixed weights, g1 keeps its derived 0.75.
    const expected = frameworkFromJson({
      ...ahp.document,
      nodes: ahp.document.nodes.map((n) => {
        if (n.code === 'index') return { ...n, aggregation: geometric, weighting: { method: 'fixed' } };
        if (n.code === 'g1') return { ...n, aggregation: geometric, weight: 0.75 };
        if (n.code === 'g2') return { ...n, aggregation: geometric, weight: 0.5 };
        return n.type === 'aggregate' ? { ...n, aggregation: geometric } : n;
      }),
    });
    expect(revised.document).toEqual(expected.document);
    expect(revised.nodes).toEqual(expected.nodes);
    expect(revised.byCode.get('g1')?.weight).toBeCloseTo(0.75, 12);
    expect(() => reviseNodes(ahp, (node) => (node.code === 'a' ? { weight: -1 } : undefined))).toThrow(/positive/);
  });

  it('finds every node by code, and a revision of a revision equals the two revisions done by hand', () => {
    const once = reviseNodes(frameworkFromJson(valid), { g2: { weight: 0.5 } });
    const twice = reviseNodes(once, { a: { weight: 3 } });
    const expected = frameworkFromJson({
      ...valid,
      nodes: valid.nodes.map((n) => (n.code === 'g2' ? { ...n, weight: 0.5 } : n.code === 'a' ? { ...n, weight: 3 } : n)),
    });
    for (const revised of [once, twice]) {
      expect(revised.byCode.size).toBe(revised.nodes.length);
      for (const node of revised.nodes) {
        expect(revised.byCode.get(node.code)).toBe(node);
        expect(revised.byCode.has(node.code)).toBe(true);
      }
      expect(revised.byCode.get('nope')).toBeUndefined();
      expect(revised.byCode.has('nope')).toBe(false);
      expect([...revised.byCode.keys()]).toEqual(revised.nodes.map((n) => n.code));
      expect([...revised.byCode].map(([code, node]) => [code, node])).toEqual(revised.nodes.map((n) => [n.code, n]));
    }
    expect(twice.nodes).toEqual(expected.nodes);
    expect(twice.document.nodes.map((n) => n.weight)).toEqual(expected.nodes.map((n) => n.weight));
    expect(twice.byCode.get('g2')?.weight).toBe(0.5);
    expect(once.byCode.get('a')?.weight).toBe(frameworkFromJson(valid).byCode.get('a')?.weight);
  });
});
