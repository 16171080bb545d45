/**
 * Writes data/input/SYNTHETIC-YYYY-MM.csv (2019-01 to 2025-10): SYNTHETIC
 * monthly data for the Xiangtan safety index, one file per month, for the
 * city (430300) and its five county-level divisions, all 14 indicators of
 * data/framework/xiangtan.json. NOT real Xiangtan figures.
 *
 * The files look like what a Chinese statistics bureau sends: Excel's
 * "CSV UTF-8" export (UTF-8 with BOM, CRLF line ends), Chinese headers
 * 地区代码,月份,指标代码,数值,标记 (flag: empty, 估计 estimated, 初步 provisional).
 *
 * Magnitudes follow the project's domain brief (domain.md) (national rates scaled to 2.7 million
 * people), with seasonality, district differences and a gentle improving
 * trend; the city's totals are made to match two published facts exactly:
 * homicides 2019 → 2022 down 30% (10 → 7) and traffic deaths down 36.11%
 * (144 → 92). Seeded (d3-random's LCG): running it again writes the same bytes.
 *
 * Usage: node --conditions=pingan-source scripts/generate-sample-data.ts [outDir]
 *
 * Any other index: `--config DIR` generates DIR's SYNTHETIC data from its
 * configuration (DIR/publication.json, DIR/framework/*.json and the model
 * DIR/synthetic.json; see scripts/syntheticFromConfiguration.ts), e.g. the
 * fictional example: `--config examples/shifan-county [outDir]`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomLcg, randomNormal, randomPoisson } from 'd3-random';
import { amountUnits, ConfigurationError, DEFAULT_AMOUNT_SIGMA, eventAmount, generateFromConfiguration, OutputError } from './syntheticFromConfiguration.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SEED = 430300;
export const FIRST_MONTH = '2019-01';
export const LAST_MONTH = '2025-10';
export const CITY = '430300';
export const DIVISIONS = ['430302', '430304', '430321', '430381', '430382'] as const;
type Division = (typeof DIVISIONS)[number];

/** Count indicators in framework order (fire_loss is an amount in 10,000 yuan). */
export const COUNT_CODES = [
  'homicide', 'injury', 'vice', 'property', 'fraud', 'reports',
  'accidents', 'traffic_deaths', 'traffic_injuries',
  'fires', 'fire_casualties',
] as const;
export const SHARE_CODES = ['sense_of_safety', 'satisfaction'] as const;
export const INDICATOR_CODES = [...COUNT_CODES.slice(0, 11), 'fire_loss', ...SHARE_CODES] as const;

/** The published facts the city totals must match exactly. */
export const FACTS = {
  homicide: { 2019: 10, 2022: 7 },
  traffic_deaths: { 2019: 144, 2022: 92 },
} as const;

type CountCode = (typeof COUNT_CODES)[number];

/** Reference annual rate per 100,000 (the domain's monthly city magnitude × 12 / 27). */
const REFERENCE: Record<CountCode, number> = {
  homicide: (1 * 12) / 27,
  injury: (20 * 12) / 27,
  vice: (40 * 12) / 27,
  property: (300 * 12) / 27,
  fraud: (110 * 12) / 27,
  reports: (2500 * 12) / 27,
  accidents: (35 * 12) / 27,
  traffic_deaths: (12 * 12) / 27,
  traffic_injuries: (37 * 12) / 27,
  fires: (175 * 12) / 27,
  fire_casualties: (0.7 * 12) / 27,
};

/** Per-head level of each division relative to the city reference (urban districts: more reports and property crime; rural counties: more road deaths). */
const DISTRICT: Record<Division, Partial<Record<CountCode | 'fire_loss', number>>> = {
  // 雨湖区 Yuhu: old urban core
  '430302': { injury: 1.1, vice: 1.2, property: 1.35, fraud: 1.25, reports: 1.3, accidents: 0.9, traffic_deaths: 0.7, traffic_injuries: 0.9, fires: 1.1, fire_loss: 1.1 },
  // 岳塘区 Yuetang: urban and industrial
  '430304': { injury: 1.1, vice: 1.25, property: 1.4, fraud: 1.3, reports: 1.35, accidents: 0.95, traffic_deaths: 0.75, traffic_injuries: 0.95, fires: 1.15, fire_loss: 1.2 },
  // 湘潭县 Xiangtan County: rural, national and provincial roads
  '430321': { homicide: 1.05, injury: 0.95, vice: 0.85, property: 0.75, fraud: 0.85, reports: 0.8, accidents: 1.1, traffic_deaths: 1.3, traffic_injuries: 1.1, fires: 0.9, fire_casualties: 1.1 },
  // 湘乡市 Xiangxiang: rural county-level city
  '430381': { homicide: 1.05, vice: 0.9, property: 0.8, fraud: 0.9, reports: 0.85, accidents: 1.05, traffic_deaths: 1.25, traffic_injuries: 1.05, fires: 0.95 },
  // 韶山市 Shaoshan: small, tourist traffic
  '430382': { homicide: 0.6, injury: 0.7, vice: 0.5, property: 0.6, fraud: 0.6, reports: 0.7, traffic_deaths: 0.9, fires: 0.8, fire_casualties: 0.8, fire_loss: 0.8 },
};

/** Monthly seasonal factors (January first), normalised below to average 1. */
const SEASON_RAW: Record<string, number[]> = {
  // More fires in winter and around the Spring Festival (fireworks, heating).
  fire: [1.45, 1.5, 1.15, 1.0, 0.8, 0.7, 0.75, 0.75, 0.8, 0.9, 1.0, 1.2],
  // More road accidents around the Spring Festival, May Day and National Day.
  traffic: [1.1, 1.15, 0.95, 1.0, 1.05, 0.95, 1.0, 1.0, 0.95, 1.1, 0.9, 0.95],
  // More theft and snatching in summer, less in February when many are away.
  property: [0.95, 0.8, 0.9, 0.95, 1.0, 1.1, 1.2, 1.2, 1.05, 1.0, 0.95, 0.95],
  // More reports and injuries in the hot months.
  summer: [0.9, 0.85, 0.95, 1.0, 1.05, 1.1, 1.15, 1.15, 1.0, 1.0, 0.95, 0.9],
  // Gambling around the Spring Festival.
  vice: [1.2, 1.35, 0.95, 0.95, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.9, 1.0],
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};
const SEASON: Record<string, number[]> = Object.fromEntries(
  Object.entries(SEASON_RAW).map(([k, v]) => {
    const mean = v.reduce((a, b) => a + b, 0) / 12;
    return [k, v.map((x) => x / mean)];
  }),
);
const SEASON_OF: Record<CountCode, string> = {
  homicide: 'flat', injury: 'summer', vice: 'vice', property: 'property', fraud: 'flat', reports: 'summer',
  accidents: 'traffic', traffic_deaths: 'traffic', traffic_injuries: 'traffic', fires: 'fire', fire_casualties: 'fire',
};

/** The city-wide level by year relative to the reference: a gentle improvement (fraud rose to 2021, then fell). */
const TREND: Record<CountCode, number[]> = {
  //              2019  2020  2021  2022  2023  2024  2025
  homicide:      [0.83, 0.75, 0.68, 0.58, 0.58, 0.55, 0.52],
  injury:        [1.08, 1.02, 0.98, 0.94, 0.91, 0.88, 0.86],
  vice:          [1.1, 1.04, 1.0, 0.95, 0.92, 0.9, 0.88],
  property:      [1.15, 1.02, 0.97, 0.9, 0.86, 0.83, 0.8],
  fraud:         [1.0, 1.2, 1.3, 1.1, 0.95, 0.85, 0.8],
  reports:       [1.05, 1.0, 0.98, 0.95, 0.93, 0.92, 0.9],
  accidents:     [1.1, 1.0, 0.98, 0.9, 0.88, 0.86, 0.85],
  traffic_deaths: [1.0, 0.87, 0.77, 0.64, 0.63, 0.6, 0.58],
  traffic_injuries: [1.1, 1.0, 0.98, 0.9, 0.88, 0.86, 0.85],
  fires:         [1.05, 1.0, 0.97, 0.93, 0.91, 0.89, 0.87],
  fire_casualties: [1.1, 1.0, 0.95, 0.9, 0.85, 0.8, 0.78],
};

/** Resident population by division and year (data/population.csv). */
export function readPopulation(dir = join(root, 'data')): Map<string, number> {
  const text = readFileSync(join(dir, 'population.csv'), 'utf8');
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [region, year, population] = line.split(',');
    out.set(`${region}:${year}`, Number(population));
  }
  return out;
}

export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (;;) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    out.push(p);
    if (p === last) return out;
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
}

/** Hundredths (an integer) as the shortest decimal text Excel would write: 9735 → "97.35", 9730 → "97.3", 9700 → "97". */
function hundredths(n: number): string {
  const int = Math.floor(n / 100);
  const frac = n % 100;
  if (frac === 0) return String(int);
  return `${int}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** Integer division rounded half up (both arguments non-negative integers). */
function divHalfUp(num: number, den: number): number {
  const q = Math.floor(num / den);
  return 2 * (num - q * den) >= den ? q + 1 : q;
}

type Flag = '' | '估计' | '初步';
interface Cell {
  /** Counts as integers; fire_loss and shares in hundredths. */
  value: number;
  flag: Flag;
}

/**
 * Generates the synthetic sample into `outDir` (default data/input):
 * removes the SYNTHETIC-*.csv files there, then writes one file per month.
 * Returns the file names written.
 */
export function generateSampleData(outDir = join(root, 'data/input'), dataDir = join(root, 'data')): string[] {
  const population = readPopulation(dataDir);
  const pop = (region: string, year: number): number => {
    const p = population.get(`${region}:${year}`);
    if (p === undefined) throw new Error(`no population for ${region} in ${year}`);
    return p;
  };
  const source = randomLcg(SEED);
  const poisson = randomPoisson.source(source);
  const normal = randomNormal.source(source);
  // Loss per fire in 10,000 yuan: log-normal with mean 0.72 (126 / 175), heavy-tailed
  // (the same draw as an amount's events in syntheticFromConfiguration.ts).
  const lossPerFire = eventAmount(source, 0.72, DEFAULT_AMOUNT_SIGMA);

  const months = monthsBetween(FIRST_MONTH, LAST_MONTH);
  const cells = new Map<string, Cell>(); // `${region}|${month}|${code}`
  const key = (region: string, month: string, code: string) => `${region}|${month}|${code}`;
  const lambdas = new Map<string, number>();

  for (const month of months) {
    const year = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const y = year - 2019;
    // The 2020 epidemic: far fewer trips and thefts in February and March 2020.
    const epidemic = month === '2020-02' ? 0.55 : month === '2020-03' ? 0.8 : 1;
    for (const d of DIVISIONS) {
      const perMonth = pop(d, year) / 100000 / 12;
      let fires = 0;
      for (const code of COUNT_CODES) {
        const season = SEASON[SEASON_OF[code]][m - 1];
        const damp = ['accidents', 'traffic_deaths', 'traffic_injuries', 'property', 'reports'].includes(code) ? epidemic : 1;
        const lambda = REFERENCE[code] * (DISTRICT[d][code] ?? 1) * TREND[code][y] * season * damp * perMonth;
        lambdas.set(key(d, month, code), lambda);
        // Reports are over-dispersed (a wet month, a local dispute): a small multiplicative shock.
        const shock = code === 'reports' ? Math.exp(0.05 * normal(0, 1)()) : 1;
        const value = poisson(lambda * shock)();
        if (code === 'fires') fires = value;
        cells.set(key(d, month, code), { value, flag: '' });
      }
      // Direct loss: the sum over this month's fires, with the district's level; in hundredths of 10,000 yuan.
      const loss = amountUnits(fires, lossPerFire, (DISTRICT[d].fire_loss ?? 1) / (DISTRICT[d].fires ?? 1), 2);
      cells.set(key(d, month, 'fire_loss'), { value: loss, flag: '' });
    }
    if (m === 6 || m === 12) {
      // The provincial safety survey (民调), twice a year: shares in hundredths.
      const base: Record<Division, [number, number]> = {
        '430302': [97.2, 89.0], '430304': [96.8, 88.0], '430321': [97.6, 90.0], '430381': [97.4, 89.5], '430382': [98.6, 93.0],
      };
      const t = y + (m === 12 ? 0.5 : 0);
      for (const d of DIVISIONS) {
        const safe = Math.min(99.8, base[d][0] + 0.25 * t + normal(0, 0.3)());
        const sat = Math.min(96.5, base[d][1] + 0.8 * t + normal(0, 0.8)());
        cells.set(key(d, month, 'sense_of_safety'), { value: Math.round(safe * 100), flag: '' });
        cells.set(key(d, month, 'satisfaction'), { value: Math.round(sat * 100), flag: '' });
      }
    }
  }

  // Hit the published facts exactly: add or remove single cases, one at a
  // time, in division-months drawn in proportion to their expected (to add)
  // or actual (to remove) counts.
  for (const [code, targets] of Object.entries(FACTS) as [CountCode, Record<number, number>][]) {
    for (const [yearText, target] of Object.entries(targets)) {
      const inYear = months.filter((p) => p.startsWith(yearText));
      const slots = inYear.flatMap((p) => DIVISIONS.map((d) => key(d, p, code)));
      const total = () => slots.reduce((s, k) => s + (cells.get(k) as Cell).value, 0);
      for (let guard = 0; total() !== target; guard++) {
        if (guard > 10000) throw new Error(`could not reach ${target} ${code} in ${yearText}`);
        const adding = total() < target;
        const weights = slots.map((k) => (adding ? (lambdas.get(k) as number) : (cells.get(k) as Cell).value));
        const sum = weights.reduce((a, b) => a + b, 0);
        let r = source() * sum;
        let i = 0;
        while (i < slots.length - 1 && r >= weights[i]) r -= weights[i++];
        (cells.get(slots[i]) as Cell).value += adding ? 1 : -1;
      }
    }
  }
  // Someone killed or hurt on the road means at least one accident that month.
  for (const month of months) {
    for (const d of DIVISIONS) {
      const acc = cells.get(key(d, month, 'accidents')) as Cell;
      const hurt = (cells.get(key(d, month, 'traffic_deaths')) as Cell).value + (cells.get(key(d, month, 'traffic_injuries')) as Cell).value;
      if (acc.value === 0 && hurt > 0) acc.value = 1;
    }
  }

  // Flags: a few estimates, and the latest month's fire loss is provisional.
  (cells.get(key('430382', '2023-07', 'traffic_injuries')) as Cell).flag = '估计';
  (cells.get(key('430321', '2021-11', 'fire_loss')) as Cell).flag = '估计';
  for (const d of DIVISIONS) (cells.get(key(d, LAST_MONTH, 'fire_loss')) as Cell).flag = '初步';

  // The city: counts and losses are sums; shares are population-weighted means rounded half up.
  for (const month of months) {
    const year = Number(month.slice(0, 4));
    for (const code of INDICATOR_CODES) {
      const parts = DIVISIONS.map((d) => cells.get(key(d, month, code)));
      if (parts.some((c) => c === undefined)) continue;
      const list = parts as Cell[];
      const flag: Flag = list.some((c) => c.flag === '初步') ? '初步' : list.some((c) => c.flag === '估计') ? '估计' : '';
      let value: number;
      if ((SHARE_CODES as readonly string[]).includes(code)) {
        const weights = DIVISIONS.map((d) => pop(d, year));
        const num = list.reduce((s, c, i) => s + c.value * weights[i], 0);
        value = divHalfUp(num, weights.reduce((a, b) => a + b, 0));
      } else {
        value = list.reduce((s, c) => s + c.value, 0);
      }
      cells.set(key(CITY, month, code), { value, flag });
    }
  }

  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^SYNTHETIC-\d{4}-\d{2}\.csv$/.test(f)) rmSync(join(outDir, f));
  const written: string[] = [];
  for (const month of months) {
    const lines = ['地区代码,月份,指标代码,数值,标记'];
    for (const region of [CITY, ...DIVISIONS]) {
      for (const code of INDICATOR_CODES) {
        const cell = cells.get(key(region, month, code));
        if (!cell) continue; // no survey this month: no row at all
        const text = code === 'fire_loss' || (SHARE_CODES as readonly string[]).includes(code) ? hundredths(cell.value) : String(cell.value);
        lines.push(`${region},${month},${code},${text},${cell.flag}`);
      }
    }
    const name = `SYNTHETIC-${month}.csv`;
    // Excel's "CSV UTF-8": a BOM, CRLF after every row.
    writeFileSync(join(outDir, name), `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`);
    written.push(name);
  }
  return written;
}

if (import.meta.main && process.argv[2] === '--config') {
  if (!process.argv[3] || process.argv.length > 5) {
    console.error('usage: generate-sample-data.ts --config DATA_DIR [OUT_DIR]  (DATA_DIR holds publication.json, framework/ and synthetic.json)');
    process.exit(2);
  }
  const dataDir = resolve(process.argv[3]);
  const outDir = process.argv[4] ? resolve(process.argv[4]) : dataDir;
  try {
    const files = generateFromConfiguration(dataDir, outDir);
    console.log(`wrote ${files.length} SYNTHETIC files (${files.join(', ').slice(0, 120)}…) to ${outDir}`);
  } catch (error) {
    // A configuration or output problem is the user's to fix: its message, without a stack trace.
    if (!(error instanceof ConfigurationError || error instanceof OutputError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
} else if (import.meta.main) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : join(root, 'data/input');
  const files = generateSampleData(outDir);
  console.log(`wrote ${files.length} SYNTHETIC monthly files (${files[0]} … ${files[files.length - 1]}) to ${outDir}`);
}
