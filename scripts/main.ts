/**
 * The main job. For now: compute the demo index from data/demo (SYNTHETIC
 * data) with the core library, print the latest month and write every
 * published value to artifacts/demo/index.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  buildExact,
  buildIndex,
  defineFramework,
  flagNames,
  panelFromObservations,
  publishChange,
  roundHalfUp,
  type Observation,
} from '@pingan/core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const framework = defineFramework(JSON.parse(readFileSync(join(root, 'data/demo/framework.json'), 'utf8')));
const csvFile = 'data/demo/observations.synthetic.csv';
const parsed = Papa.parse<Record<string, string>>(readFileSync(join(root, csvFile), 'utf8'), { header: true, comments: '#', skipEmptyLines: true });
if (parsed.errors.length) throw new Error(parsed.errors.map((e) => `${csvFile} row ${e.row}: ${e.message}`).join('\n'));
const observations: Observation[] = parsed.data.map((row, i) => ({
  unit: row.unit,
  period: row.period,
  code: row.code,
  value: row.value === '' ? null : Number(row.value),
  where: `${csvFile}:${i + 3}`,
}));

const result = buildIndex(framework, panelFromObservations(framework, observations));
const exact = buildExact(result);
const { units, periods, codes } = exact;
const latest = periods[periods.length - 1];
const previous = periods[periods.length - 2];

const rows = [];
for (let p = 0; p < periods.length; p++) {
  for (let u = 0; u < units.length; u++) {
    for (let c = 0; c < codes.length; c++) {
      const i = (p * units.length + u) * codes.length + c;
      const value = exact.values[i];
      rows.push({ unit: units[u], period: periods[p], code: codes[c], value: value === null ? null : roundHalfUp(value, framework.decimals), flags: flagNames(exact.flags[i]) });
    }
  }
}
const out = join(root, 'artifacts/demo');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'index.json'),
  `${JSON.stringify({ note: 'Computed from SYNTHETIC demo data; not real figures.', framework: framework.id, provenance: result.provenance, values: rows }, null, 2)}\n`,
);

console.log(`${framework.name.en} — ${framework.name.zh}. SYNTHETIC data: not real figures.`);
console.log(`provenance ${result.provenance.hash.slice(0, 16)}…  (${units.length} units × ${periods.length} months)`);
console.log(`\n${latest}: index (change on ${previous}) and the indicators that moved it`);
for (const unit of units) {
  const change = publishChange(framework, exact, unit, previous, latest);
  const index = rows.find((r) => r.unit === unit && r.period === latest && r.code === framework.root)?.value ?? '—';
  const drivers = change
    ? Object.entries(change.contributions)
        .map(([code, v]) => `${code} ${Number(v) >= 0 ? '+' : ''}${v}`)
        .join(', ')
    : 'not comparable';
  console.log(`  ${unit.padEnd(12)} ${index.padStart(7)}  (${change ? (Number(change.change) >= 0 ? '+' : '') + change.change : '—'})  ${drivers}`);
}
console.log(`\nwrote ${rows.length} values to ${join('artifacts/demo', 'index.json')}`);
