/**
 * Writes data/demo/observations.synthetic.csv: SYNTHETIC demo data (three
 * made-up districts, 2024-01 to 2025-06) for the core library's demo. Seeded
 * and deterministic: running it again writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomLcg, randomPoisson } from 'd3-random';
import { periodRange } from '@pingan/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = randomLcg(2024);
const districts = [
  { unit: 'demo-north', population: 610000, injury: 1.4, theft: 9 },
  { unit: 'demo-south', population: 480000, injury: 1.1, theft: 12 },
  { unit: 'demo-hills', population: 105000, injury: 0.8, theft: 5 },
];
const lines = ['# SYNTHETIC DEMO DATA: not real figures of any place. Made by scripts/make-demo-data.ts.', 'unit,period,code,value,flag'];
for (const period of periodRange('2024-01', '2025-06')) {
  const month = Number(period.slice(5));
  for (const d of districts) {
    const perMonth = d.population / 100000;
    lines.push(`${d.unit},${period},injury,${randomPoisson.source(source)(d.injury * perMonth)()},`);
    lines.push(`${d.unit},${period},theft,${randomPoisson.source(source)(d.theft * perMonth * (month >= 6 && month <= 8 ? 1.2 : 1))()},`);
    // The survey runs twice a year (June and December); other months are left to imputation.
    const survey = month === 6 || month === 12 ? (94 + 5 * source()).toFixed(2) : '';
    lines.push(`${d.unit},${period},sense_of_safety,${survey},`);
    lines.push(`${d.unit},${period},population,${d.population},`);
  }
}
writeFileSync(join(root, 'data/demo/observations.synthetic.csv'), `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length - 2} synthetic observations to data/demo/observations.synthetic.csv`);
