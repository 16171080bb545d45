/**
 * Unit tests of the workbench's pure state modules: the address codec, the
 * AHP helper, the settings, the tuned framework's provenance, the analyses'
 * display rules, number formats and chart geometry. The framework and
 * regions are data/'s own; hand-worked values where stated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ahpWeights,
  buildIndex,
  defineFramework,
  frameworkHash,
  frameworkToJson,
  getValue,
  rank,
  panelFromObservations,
  rebuildIndex,
  roundHalfUp,
  toExact,
  type AggregateNode,
  type Observation,
} from '@pingan/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAddress, encodeAddress } from '../../src/workbench/model/address.ts';
import { SAATY, judgementValue, judgementsOf, matrixOf, nearestJudgement, pairIndex, reciprocal } from '../../src/workbench/model/ahp.ts';
import { bandMode, runsOf, sensitivitySettings, sobolRows, uncertaintySettings } from '../../src/workbench/model/analysis.ts';
import { uncertainSetting } from '../../src/workbench/model/uncertainSetting.ts';
import { areaPath, linePath, linear, pointPositions } from '../../src/workbench/model/chart.ts';
import { formatValue } from '../../src/workbench/model/format.ts';
import { rankingOrder } from '../../src/workbench/model/ranking.ts';
import { changesFrom, exportFileName, tunedDocument } from '../../src/workbench/model/provenance.ts';
import { importFramework } from '../../src/workbench/importFramework.ts';
import { createRecompute } from '../../src/workbench/model/recompute.ts';
import { MAX_WEIGHT, MIN_WEIGHT, SLIDER_MAX, SLIDER_MIN, contextOf, officialState, onOfficialScale, parseWeight, roundWeight, stepWeight, tune, weightAtSlider, weightsInForce, type WorkbenchState } from '../../src/workbench/model/state.ts';

const data = join(import.meta.dirname, '..', '..', '..', 'data');
const fw = defineFramework(JSON.parse(readFileSync(join(data, 'framework', 'xiangtan.json'), 'utf8')));
const regions = readFileSync(join(data, 'regions.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, , , , parent] = line.split(',');
    return { code, isCity: parent === '' };
  });
const months = ['2025-08', '2025-09', '2025-10'];
const ctx = contextOf(fw, months, regions);
const official = officialState(ctx);
const city = regions.find((r) => r.isCity)!.code;
const [d1, d2] = regions.filter((r) => !r.isCity).map((r) => r.code);
const firstLevel = (fw.byCode.get(fw.root) as AggregateNode).children;
const aSecondLevel = fw.indicators[0];

describe('the official state', () => {
  it('is the framework: its weights, its AHP judgements applied, its methods, the latest month, the city and the first district', () => {
    expect(official.month).toBe('2025-10');
    expect(official.compare).toEqual([city, d1]);
    expect(official.normalisation).toBe('framework');
    expect(official.ahpApplied).toBe(true);
    const weights = weightsInForce(ctx, official);
    for (const node of fw.nodes) if (node.parent !== null) expect(weights[node.code]).toBe(node.weight);
    // No revision at all: the same framework, so the same published figures.
    expect(tune(ctx, official).nodes).toEqual(fw.nodes);
    expect(encodeAddress(ctx, official)).toBe('');
  });
});

describe('the AHP helper', () => {
  it('reads Saaty judgements, their reciprocals and pair positions', () => {
    expect(SAATY).toHaveLength(17);
    expect(judgementValue('1/4')).toBe(0.25);
    expect(reciprocal('3')).toBe('1/3');
    expect(reciprocal('1/7')).toBe('7');
    expect(reciprocal('1')).toBe('1');
    expect(nearestJudgement(0.3333333333333333)).toBe('1/3');
    expect(nearestJudgement(2.2)).toBe('2');
    // 4 items: (0,1) (0,2) (0,3) (1,2) (1,3) (2,3)
    expect([pairIndex(4, 0, 1), pairIndex(4, 0, 3), pairIndex(4, 1, 2), pairIndex(4, 2, 3)]).toEqual([0, 2, 3, 5]);
    expect(() => pairIndex(4, 2, 1)).toThrow(RangeError);
  });
  it('builds the reciprocal matrix (hand-worked) and recovers the framework’s judgements', () => {
    expect(matrixOf(['2', '1/4', '3'], 3)).toEqual([
      [1, 2, 0.25],
      [0.5, 1, 3],
      [4, 1 / 3, 1],
    ]);
    const root = fw.byCode.get(fw.root) as AggregateNode;
    if (root.weighting.method !== 'ahp') throw new Error('the framework’s root uses AHP');
    expect(matrixOf(judgementsOf(root.weighting.matrix, 4), 4)).toEqual(root.weighting.matrix);
  });
});

describe('the address', () => {
  const tuned: WorkbenchState = {
    ...official,
    weights: { ...official.weights, [firstLevel[0]]: 0.3, [aSecondLevel]: 0.5 },
    ahpApplied: false,
    normalisation: 'minmax',
    aggregation: 'geometric',
    month: '2025-08',
    compare: [d1, d2],
  };
  it('writes only what differs from the official settings, short and readable, with its version', () => {
    const first = official.weights;
    const others = firstLevel.slice(1).map((c) => `${c}:${first[c]}`);
    expect(encodeAddress(ctx, tuned)).toBe(`?v=2&w=${firstLevel[0]}:0.3,${others.join(',')},${aSecondLevel}:0.5&ahpw=0&n=minmax&a=geometric&m=2025-08&c=${d1},${d2}`.replace(`,${others.join(',')}`, ''));
  });
  it('restores the state it wrote (any valid state, property test)', () => {
    const codes = Object.keys(official.weights);
    const state = fc.record({
      weights: fc.dictionary(fc.constantFrom(...codes), fc.integer({ min: 1, max: 1_000_000 }).map((k) => k / 1000)),
      ahp: fc.array(fc.constantFrom(...SAATY), { minLength: 6, maxLength: 6 }),
      ahpApplied: fc.boolean(),
      normalisation: fc.constantFrom('framework' as const, 'minmax' as const),
      aggregation: fc.constantFrom('arithmetic' as const, 'geometric' as const),
      month: fc.constantFrom(...months),
      compare: fc.subarray(regions.map((r) => r.code), { minLength: 1 }),
    });
    fc.assert(
      fc.property(state, (s) => {
        const full: WorkbenchState = { ...s, weights: { ...official.weights, ...s.weights } };
        const back = decodeAddress(ctx, encodeAddress(ctx, full));
        expect(back.problems).toEqual([]);
        expect(weightsInForce(ctx, back.state)).toEqual(weightsInForce(ctx, full));
        expect({ ...back.state, weights: undefined }).toEqual({ ...full, weights: undefined });
      }),
    );
  });
  it('falls back to the official settings, listing every problem, for a malformed or extreme address', () => {
    for (const query of ['?n=%', '?v=2&n=%E0%A4%A', '?v=2&w=order:1e308', '?v=2&w=order:0', '?v=2&w=order:-1', '?v=2&w=nowhere:1', '?v=9', '?v=2&zz=1', '?v=2&m=1999-01', '?v=2&c=', '?v=2&ahp=1,2', '?v=2&w=order:0.12345']) {
      const decoded = decodeAddress(ctx, query);
      expect(decoded.state, query).toEqual(official);
      expect(decoded.problems.length, query).toBeGreaterThan(0);
    }
    const many = decodeAddress(ctx, '?v=2&w=order:1e308,traffic:abc&n=%&a=median&m=2030-01');
    expect(many.problems.map((p) => p.key)).toEqual(['w', 'w', 'n', 'a', 'm']);
    expect(many.problems[0].en).toBe('weight order: "1e308" is not a number from 0.001 to 1000');
    expect(many.problems[2].en).toBe('normalisation "%" is not known (framework or minmax)');
    expect(many.problems[2].zh).toBe('标准化方法 "%" 无法识别（可用：framework、minmax）');
  });
  it('reads the first workbench’s addresses (no version), rounding their weights with a note', () => {
    const legacy = decodeAddress(ctx, `?w=${aSecondLevel}:0.123456789012345,${firstLevel[0]}:${official.weights[firstLevel[0]]}&n=goalposts&a=geometric&d=${d2}&ahp=3,3,2,1,1/2,1/2`);
    expect(legacy.problems).toEqual([]);
    expect(legacy.state.weights[aSecondLevel]).toBe(0.123);
    expect(legacy.state.ahpApplied).toBe(true);
    expect(legacy.state.aggregation).toBe('geometric');
    expect(legacy.state.compare).toEqual([city, d2]);
    expect(legacy.notes[0].en).toBe('An address in the old format: 2 weights were rounded to 3 decimals');
  });
  it('keeps weights to three decimals within 0.001 and 1000', () => {
    expect(roundWeight(0.12345)).toBe(0.123);
    expect(roundWeight(0.0004)).toBeNull();
    expect(roundWeight(1e308)).toBeNull();
    expect(roundWeight(Number.NaN)).toBeNull();
  });
});

describe('a weight typed, stepped and slid', () => {
  it('reads the text itself: a decimal comma is refused (never 5 for "0,5"), full-width digits and points are read', () => {
    expect(parseWeight('0,5')).toEqual({ ok: false, problem: { kind: 'comma', suggestion: '0.5' } });
    expect(parseWeight(' 1,000 ')).toEqual({ ok: false, problem: { kind: 'comma', suggestion: '1.000' } });
    expect(parseWeight('０．５')).toEqual({ ok: true, weight: 0.5 });
    expect(parseWeight('0。25')).toEqual({ ok: true, weight: 0.25 });
    expect(parseWeight('.5')).toEqual({ ok: true, weight: 0.5 });
    expect(parseWeight('0.12345')).toEqual({ ok: true, weight: 0.123 });
    for (const bad of ['', ' ', '-1', '0', '1e2', '5abc', '1 000', '1,5,3', '1001', '0.0004', '+1']) expect(parseWeight(bad).ok, bad).toBe(false);
  });
  it('steps by a tenth of the value’s decade (0.455 by 0.01), within 0.001–1000', () => {
    expect(stepWeight(0.455, 1)).toBe(0.465);
    expect(stepWeight(0.455, -1)).toBe(0.445);
    expect(stepWeight(1, -1)).toBe(0.99);
    expect(stepWeight(0.99, 1)).toBe(1);
    expect(stepWeight(1, 1)).toBe(1.1);
    expect(stepWeight(5, -1)).toBe(4.9);
    expect(stepWeight(60, 1)).toBe(61);
    expect(stepWeight(0.01, -1)).toBe(0.009);
    expect(stepWeight(0.001, 1)).toBe(0.002);
    expect(stepWeight(0.001, -1)).toBe(MIN_WEIGHT);
    expect(stepWeight(1000, 1)).toBe(MAX_WEIGHT);
    expect(stepWeight(0.455, 1, 10)).toBe(0.555);
    expect(stepWeight(0.995, 1)).toBe(1);
    expect(stepWeight(1.05, -1)).toBe(1);
    expect(stepWeight(0.95, 1, 10)).toBe(1);
    // Any weight: one step moves it (but at the ends), by at most a tenth of it (0.001 at least), and down undoes up.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }).map((k) => k / 1000), (w) => {
        const up = stepWeight(w, 1);
        const down = stepWeight(w, -1);
        if (w < MAX_WEIGHT) expect(up).toBeGreaterThan(w);
        if (w > MIN_WEIGHT) expect(down).toBeLessThan(w);
        expect(up - w).toBeLessThanOrEqual(Math.max(0.001, w / 10) + 1e-9);
        expect(w - down).toBeLessThanOrEqual(Math.max(0.001, w / 10) + 1e-9);
        // Down undoes up, unless up stopped at a power of ten.
        if (![0.01, 0.1, 1, 10, 100, 1000].includes(up)) expect(stepWeight(up, -1)).toBe(w);
      }),
    );
  });
  it('slides on a log scale over the number box’s whole range: a step from 5 stays near 5, and every step moves', () => {
    expect([10 ** SLIDER_MIN, 10 ** SLIDER_MAX]).toEqual([MIN_WEIGHT, MAX_WEIGHT]);
    // The slider shows log10(5) = 0.699 on its grid of 0.01 (0.70): one step left is 0.69.
    expect(weightAtSlider(0.69, 5)).toBe(4.898);
    expect(weightAtSlider(-0.34 + 0.01, 0.455)).toBe(0.468);
    // Near 0.001 a step rounds back to the same weight: it moves by 0.001 in the slider's direction instead.
    expect(weightAtSlider(SLIDER_MIN + 0.01, 0.001)).toBe(0.002);
    expect(weightAtSlider(-2.7 - 0.01, 0.002)).toBe(0.001);
    expect(weightAtSlider(SLIDER_MAX, 999)).toBe(1000);
  });
});

describe('an imported file’s problems, in the page’s language', () => {
  const doc = frameworkToJson(fw);
  const problems = (text: string, lang: 'zh' | 'en') => {
    const outcome = importFramework({ official: doc, text, lang });
    return outcome.ok ? [] : outcome.problems;
  };
  it('says in Chinese on the Chinese page what is wrong, where (zod’s missing, wrong type, unknown key, empty; core’s own)', () => {
    expect(problems('{"nope":1}', 'zh')).toEqual(['id: 缺少这一项', 'version: 缺少这一项', 'name: 缺少这一项', 'nodes: 缺少这一项', '（整个文件）: 不认识的字段："nope"']);
    expect(problems('{"nope":1}', 'en')).toEqual(['id: missing', 'version: missing', 'name: missing', 'nodes: missing', '(the file): unknown field: "nope"']);
    const nodes = doc.nodes.map((n, i) => (i === 5 ? { ...n, weight: -1 } : i === 6 ? { ...n, direction: 2 } : i === 7 ? { ...n, name: { zh: '', en: 3 } } : n));
    const broken = problems(JSON.stringify({ ...doc, nodes }), 'zh');
    expect(broken).toEqual([
      `nodes[5] (${doc.nodes[5].code}).weight: 权重必须是正数`,
      `nodes[6] (${doc.nodes[6].code}).direction: 方向（direction）必须是 1 或 -1`,
      `nodes[7] (${doc.nodes[7].code}).name.zh: 不能为空`,
      `nodes[7] (${doc.nodes[7].code}).name.en: 类型不对：应为字符串，实际是数字`,
    ]);
    expect(problems(JSON.stringify({ ...doc, nodes }), 'en').at(-1)).toBe(`nodes[7] (${doc.nodes[7].code}).name.en: wrong type: expected a string, got a number`);
  });
  it('says each of core’s own problems with a framework in Chinese on the Chinese page, and as core writes it on the English one', () => {
    // A file as a user may write it: any shape (eslint: the mutations below write what the types forbid).
    type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const copy = (): Json => JSON.parse(JSON.stringify(doc));
    const i = doc.nodes.findIndex((n) => n.type === 'indicator');
    const mutate = (change: (d: Json) => void) => {
      const d = copy();
      change(d);
      return JSON.stringify(d);
    };
    const nested = (depth: number) =>
      mutate((d) => {
        d.nodes = [...Array(depth).keys()].map((k) => ({ ...d.nodes[0], code: `a${k}`, parent: k === 0 ? null : `a${k - 1}`, weighting: { method: 'fixed' }, ...(k > 0 ? { weight: 1 } : {}) }));
        d.nodes.push({ ...doc.nodes[i], parent: `a${depth - 1}` });
      });
    // Each file, and the message core gives it (in English).
    const cases: [string, RegExp][] = [
      [mutate((d) => d.denominators.push({ ...d.denominators[0] }, { ...d.denominators[0], code: doc.nodes[i].code })), /^duplicate denominator code "/],
      [mutate((d) => d.denominators.push({ ...d.denominators[0], code: doc.nodes[i].code })), /is also a node code$/],
      [mutate((d) => (d.nodes[i].denominator.code = 'households')), /^denominator "households" is not declared/],
      [mutate((d) => (d.nodes[i].window.minPeriods = 13)), /^must not exceed the window's 12 periods$/],
      [mutate((d) => (d.nodes[i].normalisation = { method: 'goalposts', min: 5, max: 1 })), /^goalposts need min < max/],
      [mutate((d) => (d.publication.bands[1].code = d.publication.bands[0].code)), /^duplicate band code "/],
      [mutate((d) => (d.publication.bands[2].min = d.publication.bands[1].min)), /^two bands start at /],
      [mutate((d) => (d.nodes[1].parent = null)), /^2 roots \(/],
      [mutate((d) => ((d.nodes[1].parent = d.nodes[2].code), (d.nodes[2].parent = d.nodes[1].code))), /^cycle: /],
      [mutate((d) => (d.nodes[0].weighting.order = [...d.nodes[0].weighting.order.slice(0, -1), d.nodes[0].weighting.order[0]])), /^must list each child of "/],
      [mutate((d) => (d.nodes[0].weighting.matrix = [[1, 2, 2], [0.5, 1, 1], [0.5, 1, 1]])), /^is 3×3 but "order" has 4 codes$/],
      [mutate((d) => (d.nodes[0].weighting.matrix = [[1, 9, 1 / 9, 1], [1 / 9, 1, 9, 1], [9, 1 / 9, 1, 1], [1, 1, 1, 1]])), /^consistency ratio /],
      [mutate((d) => (d.nodes[0].weighting.matrix = [[1]])), /^the matrix needs at least 2 rows, got 1$/],
      [mutate((d) => (d.nodes[0].weighting.matrix = Array.from({ length: 16 }, () => Array(16).fill(1)))), /^the matrix may have at most \d+ rows, got 16$/],
      [mutate((d) => (d.nodes[0].weighting.matrix[1] = [3, 1, 1])), /^row 2 has 3 entries, expected 4$/],
      [mutate((d) => (d.nodes[0].weighting.matrix[2][2] = 2)), /^entry \[3,3\] must be 1, got 2$/],
      [mutate((d) => (d.nodes[0].weighting.matrix[1][0] = 3)), /^entry \[2,1\] = 3 must be the reciprocal of \[1,2\] = 3$/],
      [mutate((d) => (d.nodes[1].aggregation = { method: 'generalised', power: 0 })), /^the generalised mean needs a non-zero "power"/],
      [mutate((d) => (d.nodes = [])), /^a framework needs at least one node$/],
      [mutate((d) => (d.nodes[i].normalisation = { method: 'indexToBase', base: '2025-13' })), /^expected a period YYYY-MM or YYYY$/],
      [mutate((d) => (d.publication.bands[0].colour = 'green')), /^expected a colour #rrggbb$/],
      [mutate((d) => (d.tuned = { from: { id: 'x', version: '1', sha256: 'ABC' }, tool: 'a test', changes: [] })), /^expected a SHA-256/],
      [mutate((d) => (d.nodes = [...d.nodes, ...Array.from({ length: 10_000 }, (_, k) => ({ ...doc.nodes[i], code: `x${k}` }))])), /^\d+ nodes; a framework has at most 10000$/],
      [nested(40), /^the tree has \d+ levels; a framework has at most 32$/],
    ];
    // English left in a Chinese message: its words, outside quoted values and the codes a message lists.
    const english = /\b(the|a|an|is|are|must|has|have|not|of|in|or|and|be|at|got|needs|may|expected|entries|entry|row|rows|roots|nodes|levels|codes|cycle|denominator|duplicate|goalposts|periods)\b/i;
    for (const [text, message] of cases) {
      const en = problems(text, 'en');
      const at = en.findIndex((p) => message.test(p.slice(p.indexOf(': ') + 2)));
      expect(at, `${message}: ${en.join(' | ')}`).toBeGreaterThanOrEqual(0);
      const zh = problems(text, 'zh');
      expect(zh.length, String(message)).toBe(en.length);
      const said = zh[at].slice(zh[at].indexOf(': ') + 2);
      expect(said.replace(/"[^"]*"/g, ''), `${message}: ${zh[at]}`).not.toMatch(english);
      expect(said, String(message)).toMatch(/\p{Script=Han}/u);
    }
  });
  it('says where a file is not JSON, in its own words (not the engine’s English)', () => {
    expect(problems('not json{', 'zh')).toEqual(['不是有效的 JSON 文件：出现了不该出现的“o”']);
    expect(problems('{"a":', 'zh')).toEqual(['不是有效的 JSON 文件：文件在结束前中断了（缺少括号或引号？）']);
    expect(problems('{"a": 1}\n x', 'zh')).toEqual(['不是有效的 JSON 文件：第 2 行第 2 列附近有错误']);
    expect(problems('not json{', 'en')).toEqual(['Not a valid JSON file: an unexpected “o”']);
  });
  it('leaves zod’s own (English) messages as they were once done', () => {
    problems('{"nope":1}', 'zh');
    expect(() => defineFramework({ id: 'x' } as never)).toThrow(/version: Invalid input/);
  });
});

describe('the tuned framework', () => {
  const state: WorkbenchState = { ...official, weights: { ...official.weights, [aSecondLevel]: 0.5 }, ahp: ['2', '4', '2', '2', '1', '1/2'], normalisation: 'minmax' };
  const doc = tunedDocument(ctx, state, { sha256: frameworkHash(fw), address: 'https://example.org/workbench/?v=2' });
  it('says it is tuned: a new id and version, the base framework’s hash, the AHP matrix and every change', () => {
    expect(doc.id).toBe(`${fw.id}-tuned`);
    expect(doc.version).toMatch(new RegExp(`^${fw.version.replace('.', '\\.')}\\+tuned\\.[0-9a-f]{8}$`));
    expect(doc.name.en).toContain('tuned, not official');
    expect(doc.tuned?.from).toEqual({ id: fw.id, version: fw.version, sha256: frameworkHash(fw) });
    expect(doc.tuned?.ahp).toMatchObject({ node: fw.root, order: firstLevel, matrix: matrixOf(state.ahp, 4), applied: true });
    const ahp = ahpWeights(matrixOf(state.ahp, 4));
    expect(doc.tuned?.changes).toEqual([
      { path: `nodes.${fw.root}.weighting.matrix`, official: expect.any(String), tuned: JSON.stringify(matrixOf(state.ahp, 4)) },
      ...firstLevel.map((c, i) => ({ path: `nodes.${c}.weight`, official: String(fw.byCode.get(c)!.weight), tuned: String(ahp.weights[i]) })),
      { path: `nodes.${aSecondLevel}.weight`, official: String(fw.byCode.get(aSecondLevel)!.weight), tuned: '0.5' },
      { path: 'nodes.*.normalisation', official: 'each indicator’s own (goalposts)', tuned: 'minMax 1–100 over the panel' },
    ]);
  });
  it('is a valid framework that gives the workbench’s weights (AHP derived again from the matrix) and methods', () => {
    const again = defineFramework(JSON.parse(JSON.stringify(doc)));
    const tuned = tune(ctx, state);
    for (const node of tuned.nodes) expect(again.byCode.get(node.code)?.weight, node.code).toBe(node.weight);
    expect(again.nodes.every((n) => n.type !== 'indicator' || n.normalisation.method === 'minMax')).toBe(true);
    expect(again.document.tuned?.changes).toEqual(changesFrom(ctx, state));
  });
  it('is exported under a name that says "tuned" once', () => {
    const name = exportFileName(ctx, doc);
    expect(name).toBe(`${fw.id}-tuned-${fw.version}-${doc.version.split('+tuned.')[1]}.json`);
    expect(name.match(/tuned/g)).toHaveLength(1);
  });
  it('lists nothing for the official settings, whose export has every official weight exactly', () => {
    expect(changesFrom(ctx, official)).toEqual([]);
    const untouched = defineFramework(JSON.parse(JSON.stringify(tunedDocument(ctx, official, { sha256: frameworkHash(fw), address: 'https://example.org/workbench/' }))));
    for (const node of fw.nodes) expect(untouched.byCode.get(node.code)!.weight, node.code).toBe(node.weight);
  });
});

describe('scales and bands', () => {
  it('shows bands and value bands only on the framework’s own scale', () => {
    expect(onOfficialScale(official)).toBe(true);
    expect(onOfficialScale({ ...official, normalisation: 'minmax' })).toBe(false);
    expect(bandMode(uncertaintySettings(official, false))).toBe('value');
    expect(bandMode(uncertaintySettings(official, true))).toBe('rank');
    expect(bandMode(uncertaintySettings({ ...official, normalisation: 'minmax' }, false))).toBe('value');
  });
  it('counts the runs as the analyses make them: n, or N × (k + 2)', () => {
    expect(runsOf({ kind: 'uncertainty', n: 200, settings: uncertaintySettings(official, false) })).toBe(200);
    expect(runsOf({ kind: 'sensitivity', n: 64, settings: sensitivitySettings(official) })).toBe(64 * 6);
  });
  it('builds the alternatives without a schema, the current choice first', () => {
    const [, aggregation, normalisation] = uncertaintySettings({ ...official, aggregation: 'geometric' }, true).map((s) => uncertainSetting(s, fw, {}));
    expect(aggregation.levels).toBe(2);
    expect(normalisation.levels).toBe(2);
    expect(normalisation.apply(fw, 1).nodes.every((n) => n.type !== 'indicator' || n.normalisation.method === 'minMax')).toBe(true);
    const geometric = aggregation.apply(fw, 0);
    expect(geometric.nodes.every((n) => n.type !== 'aggregate' || n.aggregation.method === 'geometric')).toBe(true);
    const officialNorm = Object.fromEntries(fw.nodes.flatMap((n) => (n.type === 'indicator' ? [[n.code, n.normalisation]] : [])));
    const minmax = uncertainSetting(sensitivitySettings({ ...official, normalisation: 'framework' })[3], fw, officialNorm);
    expect(minmax.apply(fw, 1).nodes.every((n) => n.type !== 'indicator' || n.normalisation.method === 'minMax')).toBe(true);
    const back = minmax.apply(minmax.apply(fw, 1), 0);
    expect(back.nodes.every((n) => n.type !== 'indicator' || n.normalisation.method === 'goalposts')).toBe(true);
  });
  it('clips Sobol’ estimates to [0, 1] for the chart, keeps the raw ones, and judges convergence by the interval’s width', () => {
    const rows = sobolRows({
      runs: 384,
      missing: 0,
      variance: 1,
      indices: [
        { first: -0.043, total: 0.9, firstInterval: [-0.275, 0.161], totalInterval: [0.7, 1.158] },
        { first: 0.4, total: 0.45, firstInterval: [0.37, 0.43], totalInterval: [0.41, 0.5] },
      ],
    });
    expect(rows[0].clipped).toEqual({ first: 0, total: 0.9, firstInterval: [0, 0.161], totalInterval: [0.7, 1] });
    expect(rows[0].first).toBe(-0.043);
    expect(rows[0].converged).toBe(false);
    expect(rows[1].width).toBeCloseTo(0.09, 12);
    expect(rows[1].converged).toBe(true);
  });
});

describe('formats and chart geometry', () => {
  it('rounds as published: half up from the shortest decimal, like core’s roundHalfUp(toExact())', () => {
    expect(formatValue(1.005, 2)).toBe('1.01');
    expect(formatValue(-2.345, 2)).toBe('-2.35');
    expect(formatValue(-0.001, 2)).toBe('0.00');
    expect(formatValue(Number.NaN, 2)).toBe('—');
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        expect(formatValue(x, d)).toBe(roundHalfUp(toExact(x)!, d));
      }),
      { numRuns: 2000 },
    );
    for (let k = 0; k < 1000; k++) expect(formatValue(k / 1000 + 0.005, 2)).toBe(roundHalfUp(toExact(k / 1000 + 0.005)!, 2));
  });
  it('maps linearly with nice ticks, and draws paths that break at missing values', () => {
    const y = linear([3, 97], [100, 0], true);
    expect(y.domain).toEqual([0, 100]);
    expect(y(50)).toBe(50);
    expect(y.ticks(5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(pointPositions(3, [0, 10])).toEqual([0, 5, 10]);
    const xs = [0, 1, 2, 3];
    expect(linePath(xs, [1, Number.NaN, 2, 3], (v) => v)).toBe('M0,1M2,2L3,3');
    expect(areaPath(xs, [0, 0, Number.NaN, 1], [2, 2, 2, 2], (v) => v)).toBe('M0,2L1,2L1,0L0,0ZM3,2L3,1Z');
  });
});

describe('recompute', () => {
  it('gives core’s index for the tuned framework (the same rebuild the page runs)', () => {
    const observations: Observation[] = [];
    const periods = ['2025-01', '2025-02'];
    for (const p of periods) for (const r of regions) for (const [i, code] of [...fw.indicators, 'population'].entries()) observations.push({ unit: r.code, period: p, code, value: code === 'population' ? 100000 : 1 + i + r.code.length });
    const nominal = buildIndex(fw, panelFromObservations(fw, observations));
    const state = { ...official, weights: { ...official.weights, [aSecondLevel]: 0.9 }, normalisation: 'minmax' as const };
    const direct = buildIndex(defineFramework(frameworkToJson(tune(ctx, state))), panelFromObservations(fw, observations)).aggregated;
    const fast = rebuildIndex(nominal, tune(ctx, state));
    for (const r of regions) for (const p of periods) expect(getValue(fast, r.code, p, fw.root)).toBe(getValue(direct, r.code, p, fw.root));
  });

  it('writes each recompute into the panel not on view, every one equal to a fresh rebuild, and leaves the one on view as it was', () => {
    const observations: Observation[] = [];
    const periods = ['2025-01', '2025-02', '2025-03'];
    for (const [k, p] of periods.entries()) {
      for (const r of regions) for (const [i, code] of [...fw.indicators, 'population'].entries()) observations.push({ unit: r.code, period: p, code, value: code === 'population' ? 100000 : 1 + i + r.code.length + ((k * i) % 5) });
    }
    const built = buildIndex(fw, panelFromObservations(fw, observations));
    const nominal = { imputed: built.imputed, normalised: built.normalised, screening: [] as [], aggregated: built.aggregated };
    const recompute = createRecompute(ctx);
    const states: WorkbenchState[] = [
      { ...official, weights: { ...official.weights, [aSecondLevel]: 0.9 } },
      { ...official, ahpApplied: false, weights: { ...official.weights, [aSecondLevel]: 2.5 } },
      { ...official, normalisation: 'minmax', aggregation: 'geometric' },
      { ...official, normalisation: 'minmax' },
      { ...official, weights: { ...official.weights, [aSecondLevel]: 0.2 } },
      official,
    ];
    const seen = new Set<Float64Array>();
    let onView: { values: Float64Array; copy: Float64Array } | null = null;
    for (const state of states) {
      const { framework, panel } = recompute.run(nominal, state);
      const fresh = rebuildIndex({ ...nominal, framework: fw }, tune(ctx, state));
      expect(Buffer.from(panel.values.buffer)).toEqual(Buffer.from(fresh.values.buffer));
      expect(panel.flags).toEqual(fresh.flags);
      expect(frameworkToJson(framework)).toEqual(frameworkToJson(tune(ctx, state)));
      // The panel on view before this recompute was not written.
      if (onView) {
        expect(panel.values).not.toBe(onView.values);
        expect(onView.values).toEqual(onView.copy);
      }
      recompute.show(panel);
      onView = { values: panel.values, copy: panel.values.slice() };
      seen.add(panel.values);
      // A setting the index is not defined with (a geometric mean meeting a score of 0) fails without touching the panel on view.
      expect(() => recompute.run(nominal, { ...state, normalisation: 'framework', aggregation: 'geometric' })).toThrow(/geometric mean .* needs positive values/);
      expect(onView.values).toEqual(onView.copy);
    }
    // Two panels, reused in turn.
    expect(seen.size).toBe(2);
    // The nominal index is untouched.
    expect(Buffer.from(nominal.aggregated.values.buffer)).toEqual(Buffer.from(buildIndex(fw, panelFromObservations(fw, observations)).aggregated.values.buffer));
  });
});

describe('the ranking: ranks (core\'s rank, highest first) and row order', () => {
  const ranks = (values: readonly number[]) => Array.from(rank(values, -1));
  it('ranks the highest first, ties sharing the better rank, a missing value unranked (hand-worked)', () => {
    expect(ranks([90, 85, 90, Number.NaN, 70])).toEqual([1, 3, 1, Number.NaN, 4]);
    expect(ranks([])).toEqual([]);
  });

  it('ranks as counting the values above, for any values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Number.NaN)), { maxLength: 30 }), (values) => {
        const counted = values.map((v) => (Number.isFinite(v) ? 1 + values.filter((w) => Number.isFinite(w) && w > v).length : Number.NaN));
        expect(ranks(values)).toEqual(counted);
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 300) },
    );
  });

  it('puts an area without a rank after every ranked one, however many there are (it once sorted as rank 99)', () => {
    const n = 150;
    const codes = Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const values = codes.map((_, i) => (i === 7 ? Number.NaN : 1000 - i));
    const order = rankingOrder(codes, ranks(values), ranks(values));
    expect(order.at(-1)).toBe(7);
    expect(order.slice(0, 3)).toEqual([0, 1, 2]);
    // Ties under the settings fall back on the published rank, then on the code.
    expect(rankingOrder(['b', 'a', 'c'], [1, 1, 1], [2, 2, 1])).toEqual([2, 1, 0]);
  });
});
