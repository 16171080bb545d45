import { buildIndex, cellNoise, latticeIntervals } from '../src/index.ts';
import { samplePanel, xiangtanFramework } from '../test/noise/sampleData.ts';

const fw = xiangtanFramework();
const result = buildIndex(fw, samplePanel(fw));
const noise = cellNoise(result.raw, fw);
let t = performance.now();
const ex = latticeIntervals(result, { exact: true }, noise);
console.log('exact ms', (performance.now() - t).toFixed(0));
const times: number[] = [];
let fa = ex;
for (let r = 0; r < 5; r++) {
  t = performance.now();
  fa = latticeIntervals(result, {}, noise);
  times.push(performance.now() - t);
}
console.log('fast ms', times.map((x) => x.toFixed(0)).join(' '), 'smooth', fa.smooth, 'fallbacks', fa.fallbacks);
const K = ex.codes.length;
const U = ex.units.length;
let worst = 0; let zeroDiff = 0;
let where = '';
let count = 0;
const hist = new Map<string, number>();
const pairs: [string, Float64Array, Float64Array, Float64Array, Float64Array][] = [
  ['level', ex.lower, ex.upper, fa.lower, fa.upper],
  ['mom', ex.changeLower[1], ex.changeUpper[1], fa.changeLower[1], fa.changeUpper[1]],
  ['yoy', ex.changeLower[12], ex.changeUpper[12], fa.changeLower[12], fa.changeUpper[12]],
];
for (const [name, el, eu, fl, fu] of pairs) {
  for (let j = 0; j < el.length; j++) {
    if (el[j] !== el[j]) continue;
    count++;
    const w = eu[j] - el[j];
    if (!(w > 0)) {
      if (fl[j] !== el[j] || fu[j] !== eu[j]) zeroDiff++;
      continue;
    }
    const d = Math.max(Math.abs(fl[j] - el[j]), Math.abs(fu[j] - eu[j])) / w;
    const bucket = d < 1e-9 ? 'same' : d < 0.005 ? '<0.5%' : d < 0.01 ? '<1%' : d < 0.02 ? '<2%' : d < 0.05 ? '<5%' : '>=5%';
    hist.set(bucket, (hist.get(bucket) ?? 0) + 1);
    if (d > worst) {
      worst = d;
      const e = Math.floor(j / (U * K));
      const u = Math.floor(j / K) % U;
      where = `${name} ${ex.periods[e]} ${ex.units[u]} ${ex.codes[j % K]} exact ${el[j]} ${eu[j]} fast ${fl[j]} ${fu[j]}`;
    }
  }
}
console.log('figures', count, 'worst', (worst * 100).toFixed(3), '% of width at', where);
console.log([...hist.entries()], "zero-width differing", zeroDiff);
