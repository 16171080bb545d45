/**
 * The side-by-side benchmark's honesty, without timing anything: where R or
 * COINr is missing, `pnpm bench:coinr` says so and exits 0; and the
 * project's side of each matched run (build, uncertainty, sensitivity, each
 * rebuilt from the raw tables) computes exactly what the library's ordinary
 * path computes, with as many rebuilds as COINr does.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, defineFramework, fromCoinr, panelFromObservations, sensitivityAnalysis, uncertaintyAnalysis } from '@pingan/core';
import { ASEM_FILES, asemSensitivity, asemSettings, asemUncertainty, buildAsem, parseAllQuoted, readAsemTables } from '../../../packages/core/bench/asemRuns.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const COMPARE = join(ROOT, 'scripts/bench/coinr/compare.ts');
const REFERENCE = resolve(ROOT, '../shared/reference/coinr-asem');
const haveReference = existsSync(REFERENCE);
if (!haveReference) console.warn(`NOTICE: ${REFERENCE} is absent; the matched-run tests are skipped.`);

const runCompare = (rscript: string) =>
  spawnSync(process.execPath, ['--conditions=pingan-source', COMPARE, '--build', '1'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, RSCRIPT: rscript } });

describe.skipIf(!haveReference)('pnpm bench:coinr without R or COINr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-fake-r-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips with a visible notice and exit 0 where R is absent', () => {
    const run = runCompare(join(dir, 'no-such-Rscript'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/bench:coinr skipped \(NOTICE: R is not installed .*README's Benchmarks section/);
    expect(run.stdout).not.toMatch(/COINr: +median/);
  });

  it('skips with a visible notice and exit 0 where R is there but COINr is not', () => {
    const fake = join(dir, 'Rscript');
    writeFileSync(fake, `#!/bin/sh\necho "Error in loadNamespace(x) : there is no package called 'COINr'" >&2\nexit 1\n`);
    chmodSync(fake, 0o755);
    const run = runCompare(fake);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/bench:coinr skipped \(NOTICE: COINr is not installed in R \(.*no package called 'COINr'/);
  });
});

describe('parseAllQuoted', () => {
  const fullParse = (text: string) => new Papa.Parser({ delimiter: ',', newline: '\n' }).parse(text, 0, false) as Papa.ParseResult<string[]>;

  it.skipIf(!haveReference)("gives papaparse's full parse of the ASEM tables", () => {
    for (const file of Object.values(ASEM_FILES)) {
      const text = readFileSync(join(REFERENCE, file), 'utf8');
      expect(parseAllQuoted(text), file).toEqual(fullParse(text).data);
    }
  });

  it("gives papaparse's full parse of every all-quoted text", () => {
    // Rows longer and shorter than the one before, a blank line, no final line feed, text beyond ASCII.
    for (const text of ['"a","b"\n"1",""\n', '""\n"x"', '"","",""\n\n"x"', '"a"', '"a, b","c"\n', '"a"\n"1","2","3"\n"x","y"\n', '"Zürich","湘潭"\n']) {
      expect(fullParse(text).errors).toEqual([]);
      expect(parseAllQuoted(text), text).toEqual(fullParse(text).data);
    }
  });

  it('leaves any other text to the full parser', () => {
    // An unquoted cell, a line break or escaped quote in a cell, a space after a closing quote, a lone quote, CRLF,
    // a quote before a line's end, a line ending after `,"`, a quote after a line's last cell, the empty text.
    for (const text of ['"a",b\n', 'a\n', '"a","b\nc"', '"a"",""b"', '"a" ,"b"', '"', '"a","b"\r\n"c","d"', '"a"b"\n', '"a","\n', '"a""\n', '']) {
      expect(parseAllQuoted(text), text).toBeUndefined();
    }
  });

  it("gives the full parse of every text it takes, over every text of up to 7 of '\"', ',', '\\n', '\\r', 'a'", () => {
    const alphabet = ['"', ',', '\n', '\r', 'a'];
    let texts = [''];
    let taken = 0;
    for (let length = 0; length <= 7; length++) {
      for (const text of texts) {
        const rows = parseAllQuoted(text);
        if (rows === undefined) continue;
        taken++;
        const full = fullParse(text);
        expect(full.errors, text).toEqual([]);
        expect(rows, text).toEqual(full.data);
      }
      texts = texts.flatMap((text) => alphabet.map((c) => text + c));
    }
    expect(taken).toBeGreaterThan(100);
  });
});

describe.skipIf(!haveReference)("the project's side of each matched run", () => {
  // The library's ordinary path: the tables, build_example_coin's methods as
  // the framework's defaults, one build, analyses that reuse its imputed stage.
  const tables = readAsemTables(REFERENCE);
  const imported = fromCoinr(tables, { Denominate: {} });
  const framework = defineFramework({
    ...imported.document,
    defaults: { imputation: { method: 'groupMean', grouping: 'EurAsia_group' }, treatment: { method: 'winsorise', winmax: 5 } },
  });
  const nominal = buildIndex(framework, panelFromObservations(framework, imported.observations), { unitGroups: imported.unitGroups });

  it('the build from the CSVs gives the ordinary build, every stage', () => {
    const built = buildAsem(REFERENCE);
    for (const stage of ['denominated', 'imputed', 'treated', 'normalised', 'aggregated'] as const) {
      expect(Array.from(built[stage].values), stage).toEqual(Array.from(nominal[stage].values));
    }
    // The steps did something: denominators divided, gaps filled, outliers treated.
    expect(built.imputation.length).toBeGreaterThan(0);
    expect(built.treatment.length).toBeGreaterThan(0);
    expect(Array.from(built.denominated.values)).not.toEqual(Array.from(built.raw.values));
  });

  it('uncertainty N = 100 rebuilt from the raw data 100 times gives uncertaintyAnalysis on the ordinary build', () => {
    const { result, rebuilds } = asemUncertainty(REFERENCE);
    expect(rebuilds).toBe(100);
    expect(result).toEqual(uncertaintyAnalysis(nominal, { n: 100, settings: asemSettings(framework), seed: 1 }));
  });

  it("Sobol' sensitivity rebuilt from the raw data 600 times gives sensitivityAnalysis on the ordinary build", () => {
    const { result, rebuilds } = asemSensitivity(REFERENCE);
    expect(rebuilds).toBe(600);
    expect(result.runs).toBe(600);
    expect(result).toEqual(sensitivityAnalysis(nominal, { n: 100, bootstrap: 100, settings: asemSettings(framework), seed: 1 }));
  });
});
