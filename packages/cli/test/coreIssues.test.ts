/**
 * Core's validation problems with the data (a transform, a denominator) are
 * placed at the input they name (computable.ts): a cell's at its
 * observation's file, line and column, with its path said once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreDataIssues } from '../src/computable.ts';
import { formatIssue, readInputs, validateData } from '../src/index.ts';
import type { InputObservation } from '../src/validateData.ts';
import { cli, dataDir, FIXTURE_DATA, TODAY } from './helpers.ts';

/** The fixture data with a log transform on injury and 430302's injury counts of 2024-01 to 2024-03 (lines 2, 8 and 12) set to 0. */
function logOfZero(): string {
  const framework = JSON.parse(readFileSync(join(FIXTURE_DATA, 'framework/fixture.json'), 'utf8')) as { nodes: Record<string, unknown>[] };
  framework.nodes = framework.nodes.map((node) => (node.code === 'injury' ? { ...node, transform: 'log' } : node));
  const input = readFileSync(join(FIXTURE_DATA, 'input/SYNTHETIC-2024.csv'), 'utf8').replace(/^(430302,2024-0[123],injury,)\d+,/gm, '$10,');
  return dataDir({ 'framework/fixture.json': JSON.stringify(framework, null, 2), 'input/SYNTHETIC-2024.csv': input });
}

describe('a problem core finds in the data', () => {
  it('is placed at the input cell it names, and says the cell once', () => {
    const dir = logOfZero();
    const valid = validateData(readInputs(dir), { today: TODAY });
    const reason = 'unit "430302", period "2024-03", indicator "injury": cannot take the log of 0: the value must be positive';
    expect(valid.issues.map(formatIssue)).toEqual([`input/SYNTHETIC-2024.csv:12:4: ${reason}`]);
    expect(valid.issues[0]).toMatchObject({ file: 'input/SYNTHETIC-2024.csv', line: 12, column: 4, reason });
    const out = cli(['validate', '--data', dir, '--today', TODAY]);
    expect(out.code).toBe(1);
    expect(out.stdout.split('\n').filter((line) => line.includes('cannot take the log'))).toEqual([`input/SYNTHETIC-2024.csv:12:4: ${reason}`]);
  });

  it('is placed at a row it names, or at the input folder, with its path said once', () => {
    const observation: InputObservation = { unit: '430302', period: '2024-03', code: 'injury', value: 0, text: '0', file: 'input/a.csv', line: 12, column: 4 };
    expect(
      coreDataIssues(
        [
          { path: 'unit "430302", period "2024-03", indicator "injury"', message: 'cannot take the log of 0: the value must be positive' },
          { path: 'unit "430304", period "2024-03", indicator "injury"', message: 'cannot take the log of 0: the value must be positive' },
          { path: 'population.csv:3', message: 'value must be a finite number or null, got "x"' },
          { path: 'indicator "injury"', message: 'is not a column of the panel' },
        ],
        [observation],
      ),
    ).toEqual([
      { file: 'input/a.csv', line: 12, column: 4, month: '2024-03', reason: 'unit "430302", period "2024-03", indicator "injury": cannot take the log of 0: the value must be positive' },
      { file: 'input/', reason: 'unit "430304", period "2024-03", indicator "injury": cannot take the log of 0: the value must be positive' },
      { file: 'population.csv', line: 3, reason: 'value must be a finite number or null, got "x"' },
      { file: 'input/', reason: 'indicator "injury": is not a column of the panel' },
    ]);
  });
});
