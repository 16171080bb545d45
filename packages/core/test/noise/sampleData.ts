/**
 * The SYNTHETIC sample data of data/ (6 regions × 82 months) as a raw panel,
 * read directly from the input CSV files for the noise tests and benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineFramework, panelFromObservations, type Framework, type Observation, type Panel } from '../../src/index.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export function xiangtanFramework(): Framework {
  return defineFramework(JSON.parse(readFileSync(join(ROOT, 'data/framework/xiangtan.json'), 'utf8')));
}

export interface Region {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly level: string;
}

export function regions(): Region[] {
  const [, ...lines] = readFileSync(join(ROOT, 'data/regions.csv'), 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [code, zh, en, level] = line.split(',');
    return { code, zh, en, level };
  });
}

/** Population by `region|year`. */
export function population(): Map<string, number> {
  const [, ...lines] = readFileSync(join(ROOT, 'data/population.csv'), 'utf8').trim().split(/\r?\n/);
  return new Map(lines.map((line) => {
    const [region, year, value] = line.split(',');
    return [`${region}|${year}`, Number(value)];
  }));
}

/** The sample's raw panel: every input file, and the population of each month's year. */
export function samplePanel(framework: Framework = xiangtanFramework()): Panel {
  const dir = join(ROOT, 'data/input');
  const observations: Observation[] = [];
  const months = new Set<string>();
  const units = regions().map((r) => r.code);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const [, ...lines] = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    for (const line of lines) {
      const [unit, period, code, value] = line.split(',');
      months.add(period);
      observations.push({ unit, period, code, value: value === '' ? null : Number(value) });
    }
  }
  const pop = population();
  for (const period of months) for (const unit of units) observations.push({ unit, period, code: 'population', value: pop.get(`${unit}|${period.slice(0, 4)}`) ?? null });
  return panelFromObservations(framework, observations, { units, periods: [...months].sort() });
}
