import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInputsCsv } from '@pingan/core';
import { computeIndex, inputsCsv, readInputFile, readInputs, releaseCsv, releaseJson, validateData, type DataSet, type InputRecord } from '../src/index.ts';
import { encodeGb18030, encodeUtf8 } from './gb18030.ts';
import { dataDir, TODAY } from './helpers.ts';


const base = readInputs(dataDir());
const REGIONS = new Set(['430300', '430302', '430304']);
const SHARES = new Set(['sense_of_safety']);
const COUNTS = new Set(['injury', 'fire_loss']);

const region = fc.constantFrom('430302', '430304', '430300', '430399', '', ' 430302 ');
const month = fc.constantFrom('2025-05', '2025-06', '2025-13', '2025/05', '2099-01', '2023-12');
const indicator = fc.constantFrom('injury', 'fire_loss', 'sense_of_safety', 'population', 'robbery');
const value = fc.constantFrom('0', '12', '-1', '2.5', '101', '99.5', 'abc', '1e3', '十二', '', '1,000', ' 7 ');
const flag = fc.constantFrom('', '估计', '初步', 'estimated', 'x');
const cell = fc.oneof(region, month, indicator, value, flag, fc.string({ maxLength: 6 }));
/** Mostly well-formed rows with random bad cells, sometimes truncated, extended or entirely random. */
const row = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('430302', '430304'), fc.constantFrom('2025-05', '2025-06'), fc.constantFrom('injury', 'fire_loss', 'sense_of_safety'), fc.constantFrom('0', '12', ''), fc.constantFrom('', '估计', '初步'))
      .map((r) => [...r]),
  },
  { weight: 6, arbitrary: fc.tuple(region, month, indicator, value, flag).map((r) => [...r]) },
  { weight: 1, arbitrary: fc.tuple(region, month, indicator, value, flag, fc.nat(4)).map(([a, b, c, d, e, n]) => [a, b, c, d, e].slice(0, n)) },
  { weight: 1, arbitrary: fc.tuple(region, month, indicator, value, flag, cell).map((r) => [...r]) },
  { weight: 2, arbitrary: fc.array(cell, { minLength: 3, maxLength: 6 }) },
);

/**
 * An oracle independent of the CLI's code: 'good', 'local' (a cell is wrong:
 * the row's own line must carry a problem) or 'group' (the row is fine but
 * its month is in the future, or it is a count and its year has no population: reported once
 * per group, at the group's first row).
 */
function oracle(cells: readonly string[]): 'good' | 'local' | 'group' {
  if (cells.length !== 5) return 'local';
  const [region, month, indicator, value, flag] = cells.map((c) => c.trim());
  if (!REGIONS.has(region) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return 'local';
  if (!SHARES.has(indicator) && !COUNTS.has(indicator)) return 'local';
  if (!['', '估计', '初步', 'estimated'].includes(flag)) return 'local';
  if (value !== '') {
    if (!/^-?\d+(\.\d+)?$/.test(value)) return 'local';
    const x = Number(value);
    if (SHARES.has(indicator) ? x < 0 || x > 100 : x < 0 || (indicator !== 'fire_loss' && !Number.isInteger(x))) return 'local';
  }
  // 2099-01 is in the future. 2023-12, and the city in 2025, have no population: a count there is refused
  // (its denominator is missing); a share needs none.
  if (month === '2099-01') return 'group';
  const hasPopulation = (month === '2025-05' || month === '2025-06') && region !== '430300';
  return hasPopulation || SHARES.has(indicator) ? 'good' : 'group';
}

function run(bytes: Uint8Array) {
  const read = readInputFile('input/fuzz.csv', bytes);
  const data: DataSet = { ...base, inputs: [...base.inputs, read.info], records: [...base.records, ...read.records], issues: [...base.issues, ...read.issues] };
  return validateData(data, { today: TODAY });
}

const encode = (text: string, encoding: 'utf8' | 'bom' | 'gb18030') =>
  encoding === 'gb18030' ? encodeGb18030(text) : encodeUtf8(text, encoding === 'bom');

describe('readInputs and validateData on malformed input (fast-check)', () => {
  it('never silently accept a bad row: every row becomes an observation or yields a problem on its line', () => {
    let goodRows = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('utf8', 'bom', 'gb18030'), fc.constantFrom('\n', '\r\n'), (rows, encoding, newline) => {
        // Quotes and separators inside cells would change the record structure; they are fuzzed below.
        const clean = rows.map((r) => r.map((c) => c.replace(/[",\r\n#]/g, '')));
        const text = `region,month,indicator,value,flag${newline}${clean.map((r) => r.join(',')).join(newline)}${newline}`;
        let bytes: Uint8Array;
        try {
          bytes = encode(text, encoding);
        } catch {
          return; // a character GB18030 has no two-byte code for
        }
        const valid = run(bytes);
        const seen = new Set<string>();
        total += clean.length;
        clean.forEach((cells, i) => {
          const line = i + 2;
          const blank = cells.every((c) => c.trim() === '');
          const observed = valid.observations.some((o) => o.file === 'input/fuzz.csv' && o.line === line);
          const problem = valid.issues.some((p) => p.file === 'input/fuzz.csv' && p.line === line);
          if (blank) {
            expect(observed || problem).toBe(false);
            return;
          }
          expect(observed || problem || valid.issues.length > 0).toBe(true);
          const verdict = oracle(cells);
          const key = cells.slice(0, 3).map((c) => c.trim()).join(' ');
          // A row whose region, month and indicator are good claims its cell, even if its value or flag is bad.
          const [r, m, c] = cells.map((x) => x.trim());
          const keyGood = cells.length === 5 && REGIONS.has(r) && /^\d{4}-(0[1-9]|1[0-2])$/.test(m) && (SHARES.has(c) || COUNTS.has(c));
          const duplicate = keyGood && seen.has(key);
          if (keyGood) seen.add(key);
          const good = verdict === 'good' && !duplicate;
          if (verdict === 'local' || duplicate) expect({ line, cells, problem }).toEqual({ line, cells, problem: true });
          if (!good) expect(valid.issues.length).toBeGreaterThan(0);
          expect({ line, cells, observed }).toEqual({ line, cells, observed: good });
          goodRows += good ? 1 : 0;
        });
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 300) },
    );
    // The generator reaches both sides of the oracle.
    expect(goodRows).toBeGreaterThan(total / 20);
    expect(goodRows).toBeLessThan(total / 2);
  });

  it('never throws on arbitrary text or bytes (random cells, stray quotes, truncated rows, encodings)', () => {
    const noisy = fc.array(fc.oneof(row.map((r) => r.join(',')), fc.string({ maxLength: 30 }), fc.constantFrom('"', '""', '"a,b', 'x"y', ',,,,', '#c')), { maxLength: 10 });
    fc.assert(
      fc.property(noisy, fc.constantFrom('utf8', 'bom', 'gb18030', 'bytes'), fc.uint8Array({ maxLength: 40 }), fc.nat(200), (lines, encoding, junk, cut) => {
        const text = ['region,month,indicator,value,flag', ...lines].join('\r\n');
        let bytes: Uint8Array;
        if (encoding === 'bytes') bytes = junk;
        else {
          try {
            bytes = encode(text, encoding);
          } catch {
            bytes = encodeUtf8(text);
          }
          bytes = bytes.subarray(0, Math.min(bytes.length, cut + 3)); // truncated
        }
        const valid = run(bytes);
        // Every accepted observation from the file is good by the oracle.
        for (const o of valid.observations.filter((x) => x.file === 'input/fuzz.csv')) {
          expect(REGIONS.has(o.unit) && (SHARES.has(o.code) || COUNTS.has(o.code))).toBe(true);
          expect(o.period).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
          if (o.value !== null && SHARES.has(o.code)) expect(o.value >= 0 && o.value <= 100).toBe(true);
          if (o.value !== null && COUNTS.has(o.code)) expect(o.value).toBeGreaterThanOrEqual(0);
        }
        for (const p of valid.issues) expect(typeof p.reason).toBe('string');
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 300) },
    );
  });
});

describe('what validates also releases (fast-check)', () => {
  /** A change a careless clerk might make to one row of the fixture data. */
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: fc.constantFrom('', '0', '7', '0.5', '2.5', '-1', '100', '101', '0.95', '99.99', '123456789012345', '1234567890123456', '1e3', 'x', ' 3 ') }),
    fc.record({ kind: fc.constant('flag' as const), at: fc.nat(), value: fc.constantFrom('', '估计', '初步', 'estimated', 'provisional', 'constructor', '__proto__', 'toString') }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('month' as const), at: fc.nat(), value: fc.constantFrom('2024-02', '2024-10', '2025-03', '2025-05') }),
  );

  function mutate(records: readonly InputRecord[], changes: readonly (typeof mutation extends fc.Arbitrary<infer T> ? T : never)[]): InputRecord[] {
    let out = [...records];
    for (const change of changes) {
      if (out.length === 0) break;
      const i = change.at % out.length;
      const row = out[i];
      const cell = (key: 'value' | 'flag' | 'month', value: string) => ({ ...row, cells: { ...row.cells, [key]: { value, column: row.cells[key]?.column ?? (key === 'value' ? 4 : key === 'flag' ? 5 : 2) } } });
      if (change.kind === 'value') out[i] = cell('value', change.value.trim() === change.value ? change.value : change.value.trim());
      else if (change.kind === 'flag') out[i] = cell('flag', change.value);
      else if (change.kind === 'month') out[i] = cell('month', change.value);
      else if (change.kind === 'delete') out = [...out.slice(0, i), ...out.slice(i + 1)];
      else out = [...out, { ...row, line: row.line + 1000 }];
    }
    return out;
  }

  it('data that validate accepts computes every month in range and renders every release file through the schema', () => {
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 4 }), (changes) => {
        total++;
        const data: DataSet = { ...base, records: mutate(base.records, changes) };
        const valid = validateData(data, { today: TODAY });
        if (valid.issues.length > 0) return;
        accepted++;
        expect(valid.publishable.length).toBeGreaterThan(0);
        expect(valid.months.slice(valid.months.length - valid.publishable.length)).toEqual(valid.publishable);
        for (const month of valid.publishable) {
          const computation = computeIndex(valid, month);
          expect(computation.missingIndex).toEqual([]);
          releaseJson(computation.published, 1, TODAY, valid.warnings.map((w) => w.reason));
          releaseCsv(computation.published);
          expect(parseInputsCsv(inputsCsv(computation.cells))).toEqual(computation.cells.map((c) => ({ ...c })));
        }
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 60) },
    );
    // Both sides are reached: some changes are refused, some pass.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(total);
  });
});
