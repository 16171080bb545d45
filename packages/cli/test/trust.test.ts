/**
 * Issue 13: each failure found by trying bad inputs and faults as an
 * attacker or a careless clerk would, now refused or warned with its exact
 * message, and nothing written where it is refused.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Exact } from '@pingan/core';
import { appendToChain, chainText, type Chain } from '@pingan/core/release';
import { computeIndex, formatIssue, loadData, quoteValue, readInputs, todayIn, validateData, writeRelease } from '../src/index.ts';
import { run, runAsync } from '../src/main.ts';
import { encodeUtf8 } from './gb18030.ts';
import { dataDir, TODAY } from './helpers.ts';

function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false });
  return { code, stdout, stderr };
}

/** Every file under a directory, path → bytes (empty when it does not exist). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(path.slice(dir.length + 1), readFileSync(path, 'latin1'));
    }
  }
  return out;
}

const problemsOf = (dir: string, options: { strict?: boolean } = {}) => validateData(readInputs(dir), { today: TODAY, ...options }).issues.map(formatIssue);
const warningsOf = (dir: string) => validateData(readInputs(dir), { today: TODAY }).warnings.map(formatIssue);
const CITY_NOTE = 'regions.csv: region 430300 (湘潭市) has no input rows: it is not published';

/** Checks that validate and release --all both refuse the data with exactly `expected`, and that release writes nothing. */
function refused(dir: string, expected: readonly string[], options: { strict?: boolean } = {}) {
  expect(problemsOf(dir, options)).toEqual(expected);
  const flags = options.strict ? ['--strict'] : [];
  const validate = cli(['validate', '--data', dir, '--today', TODAY, ...flags]);
  expect(validate.code).toBe(1);
  for (const line of expected) expect(validate.stdout).toContain(`${line}\n`);
  const before = snapshot(join(dir, 'releases'));
  const release = cli(['release', '--all', '--data', dir, '--today', TODAY, ...flags]);
  expect(release.code).toBe(1);
  for (const line of expected) expect(release.stderr).toContain(`${line}\n`);
  expect(snapshot(join(dir, 'releases'))).toEqual(before);
}

/** The 1-based line of the first line of a file that starts with `prefix`. */
function lineOf(file: string, prefix: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
}

/** The fixture's 2024 file (UTF-8; the 2025 files before April are GB18030 and are not edited as text). */
const Y2024 = (dir: string) => join(dir, 'input', 'SYNTHETIC-2024.csv');

function edit(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file}: ${String(from)}`).not.toBe(text);
  writeFileSync(file, next);
}

/** A data directory whose releases are published (release --all), with the city's index of 2025-04 as published. */
function published() {
  const dir = dataDir();
  expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).code).toBe(0);
  return { dir, out: join(dir, 'releases') };
}

describe('published figures cannot be altered unseen', () => {
  it('an edited figure in release.json and release.csv: verify, release and the loader refuse it, and nothing is written', () => {
    const { dir, out } = published();
    const json = join(out, '2025-04', 'r1', 'release.json');
    const value = (JSON.parse(readFileSync(json, 'utf8')) as { regions: { aggregates: { value: string }[] }[] }).regions[0].aggregates[0].value;
    const altered = (Number(value) + 10).toFixed(2);
    edit(json, `"value": "${value}"`, `"value": "${altered}"`);
    edit(join(out, '2025-04', 'r1', 'release.csv'), `,${value},`, `,${altered},`);
    const verify = cli(['verify', '--data', dir]);
    expect(verify.code).toBe(4);
    expect(verify.stderr).toMatch(new RegExp(`^${out}/2025-04/r1/release\\.json: SHA-256 [0-9a-f]{12}… differs from manifest\\.json's [0-9a-f]{12}… \\(edited\\?\\)\\n${out}/2025-04/r1/release\\.csv: SHA-256 [0-9a-f]{12}… differs from manifest\\.json's [0-9a-f]{12}… \\(edited\\?\\)\\n2 problems in ${out}: the releases differ from their chain and manifests\\n$`));
    const before = snapshot(out);
    const release = cli(['release', '--all', '--data', dir, '--today', TODAY]);
    expect(release.code).toBe(4);
    expect(release.stderr).toContain(`pingan: the published releases in ${out} fail verification (2 problems); nothing was written:\n  2025-04/r1/release.json: SHA-256 `);
    expect(snapshot(out)).toEqual(before);
  });

  it('a deleted r1: refused, and revisions.json is not rewritten without it', () => {
    const { dir, out } = published();
    rmSync(join(out, '2025-03', 'r1'), { recursive: true });
    const before = snapshot(out);
    const verify = cli(['verify', '--data', dir]);
    expect(verify.code).toBe(4);
    expect(verify.stderr).toContain(`${out}/2025-03/r1: r1 is in the chain but missing (deleted?)\n`);
    expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).code).toBe(4);
    expect(snapshot(out)).toEqual(before);
  });

  it('an edited inputHash in a manifest: refused, no spurious r2', () => {
    const { dir, out } = published();
    edit(join(out, '2025-04', 'r1', 'manifest.json'), /"inputHash": "[0-9a-f]{64}"/, `"inputHash": "${'1'.repeat(64)}"`);
    const before = snapshot(out);
    const release = cli(['release', '--all', '--data', dir, '--today', TODAY]);
    expect(release.code).toBe(4);
    expect(release.stderr).toMatch(/ {2}2025-04\/r1\/manifest\.json: SHA-256 [0-9a-f]{12}… differs from the chain's [0-9a-f]{12}… \(edited\?\)\n/);
    expect(existsSync(join(out, '2025-04', 'r2'))).toBe(false);
    expect(snapshot(out)).toEqual(before);
  });

  it('an edited or truncated chain is detected; an untouched folder verifies', () => {
    const { dir, out } = published();
    expect(cli(['verify', '--data', dir]).stdout).toMatch(/^ok: 14 months, 14 revisions; every file matches its manifest and chain\.json \(head [0-9a-f]{64}\)\n$/);
    const chain = JSON.parse(readFileSync(join(out, 'chain.json'), 'utf8')) as { entries: unknown[] };
    chain.entries.splice(3, 1);
    writeFileSync(join(out, 'chain.json'), `${JSON.stringify(chain, null, 2)}\n`);
    const verify = cli(['verify', '--data', dir, '--json']);
    expect(verify.code).toBe(4);
    const problems = (JSON.parse(verify.stdout) as { problems: { path: string; message: string }[] }).problems;
    expect(problems).toContainEqual({ path: 'chain.json', message: 'entries[3] (2024-07 r1): its previous hash differs from the entry before it (an entry removed or reordered?)' });
    expect(problems).toContainEqual({ path: '2024-06/r1', message: 'is not in the chain: a run was interrupted before adding it (the next `pingan release` adds it), or it was copied in by hand' });
    // A broken link is never repaired: release refuses.
    expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).code).toBe(4);
  });

  it('a chain cut back at its end, with its files, verifies by itself; a head published before shows the cut (--head)', () => {
    const { dir, out } = published();
    const head = (JSON.parse(cli(['verify', '--data', dir, '--json']).stdout) as { chainHead: string }).chainHead;
    const chain = JSON.parse(readFileSync(join(out, 'chain.json'), 'utf8')) as Chain;
    const earlier = chain.entries[chain.entries.length - 2].hash;
    expect(cli(['verify', '--data', dir, '--head', head]).code).toBe(0);
    // The last release removed whole: its entry, and its month's folder.
    writeFileSync(join(out, 'chain.json'), chainText({ ...chain, entries: chain.entries.slice(0, -1) }));
    rmSync(join(out, '2025-04'), { recursive: true });
    expect(cli(['verify', '--data', dir]).code).toBe(0);
    expect(cli(['verify', '--data', dir, '--head', earlier]).code).toBe(0);
    const cut = cli(['verify', '--data', dir, '--head', head]);
    expect(cut.code).toBe(4);
    expect(cut.stderr).toBe(
      `${out}/chain.json: has no entry ${head.slice(0, 12)}…, the head given with --head: the chain was cut back or rewritten after that head was published\n1 problem in ${out}: the releases differ from their chain and manifests\n`,
    );
    expect(cli(['verify', '--data', dir, '--head', 'abc']).stderr).toBe('pingan: --head "abc" is not a chain entry\'s hash (64 hexadecimal digits, as verify prints it)\n');
  });

  it('a backdated release is refused before anything is written; an unchanged re-run may give any date; verify finds a backdated entry', () => {
    const { dir, out } = published();
    // Nothing to write: an earlier --today changes nothing and is no problem.
    expect(cli(['release', '--all', '--data', dir, '--today', '2025-05-01']).code).toBe(0);
    edit(join(dir, 'input', 'SYNTHETIC-2025-04.csv'), '430302,2025-04,fire_loss,10.8,', '430302,2025-04,fire_loss,11.8,');
    const before = snapshot(out);
    for (const args of [['--all'], ['2025-04']]) {
      const release = cli(['release', ...args, '--data', dir, '--today', '2025-05-01']);
      expect(release.code).toBe(2);
      expect(release.stderr).toBe(
        `pingan: the date 2025-05-01 is before ${TODAY}, the date of the latest release in chain.json (2025-04 r1): releases are dated in the order they are published (check --today or the clock)\n`,
      );
      expect(snapshot(out)).toEqual(before);
    }
    expect(cli(['release', '2025-04', '--data', dir, '--today', TODAY]).code).toBe(0);
    // A chain whose hashes are all right but whose dates go back (rewritten by hand, hashes and all) is found.
    const chain = JSON.parse(readFileSync(join(out, 'chain.json'), 'utf8')) as Chain;
    const rewritten = chain.entries.reduce<Chain>((c, { hash: _hash, previous: _previous, ...entry }, i) => appendToChain(c, i === 5 ? { ...entry, date: '2025-01-01' } : entry), { format: 1, entries: [] });
    writeFileSync(join(out, 'chain.json'), chainText(rewritten));
    const problems = (JSON.parse(cli(['verify', '--data', dir, '--json']).stdout) as { problems: { path: string; message: string }[] }).problems;
    expect(problems).toContainEqual({ path: 'chain.json', message: `entries[5] (2024-08 r1): dated 2025-01-01, before the entry before it (${TODAY}): backdated?` });
    expect(problems.filter((p) => p.message.endsWith('backdated?'))).toHaveLength(1);
  });

  it('validate says first what release would refuse or withdraw: a tampered release (exit 4), a published month the data no longer compute (a warning)', () => {
    const { dir, out } = published();
    rmSync(join(dir, 'input', 'SYNTHETIC-2025-04.csv'));
    const withdraw = 'releases/2025-04: published (r1), but the data no longer give it an index (they give one for 2024-03 to 2025-03): release --all withdraws it';
    expect(cli(['validate', '--data', dir, '--today', TODAY])).toEqual({
      code: 0,
      stdout: `warning: ${CITY_NOTE}\nwarning: ${withdraw}\nok: 4 input files, 68 rows, 2 regions, 2024-01 to 2025-03; an index for 2024-03 to 2025-03; 2 warnings (--strict makes them problems)\n`,
      stderr: '',
    });
    expect(cli(['validate', '--data', dir, '--today', TODAY, '--strict']).stdout).toContain(`${withdraw} (--strict)\n`);
    edit(join(out, '2025-03', 'r1', 'release.csv'), /\n$/, '\n\n');
    const tampered = cli(['validate', '--data', dir, '--today', TODAY]);
    expect(tampered.code).toBe(4);
    expect(tampered.stdout).toMatch(/^releases\/2025-03\/r1\/release\.csv: SHA-256 [0-9a-f]{12}… differs from manifest\.json's [0-9a-f]{12}… \(edited\?\) \(release refuses to write until this is mended\)\n/);
    expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).code).toBe(4);
  });

  it('a release of one month names the published months it leaves on changed inputs, as validate does; release --all revises them', () => {
    const { dir } = published();
    edit(Y2024(dir), /430302,2024-10,injury,(\d+),/, '430302,2024-10,injury,1$1,');
    const stale = 'releases/2024-10 … 2025-04: 7 months published from inputs that have changed since (their input hashes differ from their latest revisions\'): release --all revises them';
    expect(cli(['validate', '--data', dir, '--today', TODAY]).stdout).toContain(`warning: ${stale}\n`);
    // --strict makes it a problem, beside the data-quality warnings it also turns into problems.
    expect(cli(['validate', '--data', dir, '--today', TODAY, '--strict']).stdout).toContain(`${stale} (--strict)\n`);
    const one = cli(['release', '2025-04', '--data', dir, '--today', TODAY]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^2025-04: revised r2 /);
    expect(one.stderr).toContain(`warning: ${stale.replace('2025-04: 7 months', '2025-03: 6 months')}\n`);
    expect(JSON.parse(cli(['release', '2025-03', '--data', dir, '--today', TODAY, '--json']).stdout).stale).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02']);
    expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).code).toBe(0);
    expect(cli(['validate', '--data', dir, '--today', TODAY]).stdout).not.toContain('changed since');
  });

  it('a run interrupted between the rename and the chain is repaired, with a message, by the next run', () => {
    const dir = dataDir();
    const out = join(dir, 'releases');
    const valid = loadData(dir, TODAY);
    expect(() => writeRelease(computeIndex(valid, '2025-04'), { outDir: out, today: TODAY, hooks: { beforeChain: () => { throw new Error('killed'); } } })).toThrow('killed');
    expect(cli(['verify', '--data', dir]).stderr).toContain(`${out}/2025-04/r1: is not in the chain: a run was interrupted before adding it (the next \`pingan release\` adds it), or it was copied in by hand\n`);
    const next = cli(['release', '2025-04', '--data', dir, '--today', TODAY]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('repaired 2025-04/r1: added to chain.json (written by a run interrupted before it chained it)\n');
    expect(cli(['verify', '--data', dir]).code).toBe(0);
  });
});

describe('no month goes unpublished with exit 0', () => {
  it('a row deleted from a month file', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430302,2024-10,injury,\d+,\r?\n/, '');
    refused(dir, ['input/SYNTHETIC-2024.csv: missing rows: 430302 2024-10: injury (every region, indicator and month is expected; send a figure not yet known as an estimate flagged estimated; an empty cell marks it unknown, and a month that needs it has no index)']);
  });

  it('a zero with a minus sign is refused: inputs.csv and the published raw value keep the text as given', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430302,2024-10,injury,\d+,/, '430302,2024-10,injury,-0,');
    const line = lineOf(Y2024(dir), '430302,2024-10,injury,');
    refused(dir, [`input/SYNTHETIC-2024.csv:${line}:4: count -0 is zero with a minus sign: write 0`]);
  });

  it('a row whose month cannot be read is reported there, not again as a missing row', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430302,2024-10,injury,(\d+),/, '430302,2024/10,injury,$1,');
    const line = lineOf(Y2024(dir), '430302,2024/10,injury,');
    refused(dir, [`input/SYNTHETIC-2024.csv:${line}:2: malformed month "2024/10": expected YYYY-MM`]);
  });

  it('a missing district', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430304,2024-10,[^\n]*\n/g, '');
    refused(dir, ['input/SYNTHETIC-2024.csv: missing rows: 430304 2024-10: all 2 indicators (every region, indicator and month is expected; send a figure not yet known as an estimate flagged estimated; an empty cell marks it unknown, and a month that needs it has no index)']);
  });

  it('an empty value that leaves months without an index: named with its file, line, column, region, indicator and months', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430302,2024-10,injury,\d+,/, '430302,2024-10,injury,,');
    const line = lineOf(Y2024(dir), '430302,2024-10,injury,');
    refused(dir, [`input/SYNTHETIC-2024.csv:${line}:4: 430302 injury 2024-10 is empty: no index for 430302 in 2024-10 to 2024-12 (3 months)`]);
  });

  it('a month sent as .csv.txt, as .xlsx, or in a subfolder', () => {
    const dir = dataDir();
    renameSync(join(dir, 'input', 'SYNTHETIC-2025-04.csv'), join(dir, 'input', 'SYNTHETIC-2025-04.csv.txt'));
    writeFileSync(join(dir, 'input', 'SYNTHETIC-2025-05.xlsx'), 'PK');
    mkdirSync(join(dir, 'input', 'late'));
    writeFileSync(join(dir, 'input', 'late', 'SYNTHETIC-2025-06.csv'), 'region,month,indicator,value,flag\n');
    refused(dir, [
      'input/SYNTHETIC-2025-04.csv.txt: not read: only .csv files are inputs (save it as CSV, named *.csv)',
      'input/SYNTHETIC-2025-05.xlsx: not read: only .csv files are inputs (save it as CSV, named *.csv)',
      'input/late/: a folder inside input/ is not read: put its .csv files directly in input/',
    ]);
  });

  it('a hidden file in input/ (a .DS_Store, a Mac\'s ._name.csv) is not read, and is named as a warning (a problem with --strict)', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'input', '.DS_Store'), 'Bud1');
    // The metadata a Mac leaves beside a file it copies to a USB stick: binary, named like an input.
    writeFileSync(join(dir, 'input', '._SYNTHETIC-2025-04.csv'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0, 0xff]));
    expect(problemsOf(dir)).toEqual([]);
    expect(warningsOf(dir)).toContain('input/.DS_Store: not read: a hidden file (its name starts with a dot)');
    expect(warningsOf(dir)).toContain('input/._SYNTHETIC-2025-04.csv: not read: a hidden file (its name starts with a dot)');
    expect(problemsOf(dir, { strict: true })).toContain('input/.DS_Store: not read: a hidden file (its name starts with a dot) (--strict)');
  });

  it('a window longer than the data, so that no month can be computed', () => {
    const dir = dataDir();
    edit(join(dir, 'framework', 'fixture.json'), /"periods": 3/, '"periods": 40');
    refused(dir, ['input/: no month can be computed: the 40-month window of injury needs 40 months of data, and the data covers 2024-01 to 2025-04 (16 months)']);
  });

  it('release --all names the months a failing run had already written', () => {
    const dir = dataDir();
    let n = 0;
    const crash = (file: string) => {
      if (file === 'manifest.json' && ++n === 3) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };
    const result = cli(['release', '--all', '--data', dir, '--today', TODAY]);
    expect(result.code).toBe(0);
    rmSync(join(dir, 'releases'), { recursive: true });
    let message = '';
    try {
      // The library entry with a hook (the command line has none).
      const valid = loadData(dir, TODAY);
      for (const month of valid.publishable) writeRelease(computeIndex(valid, month), { outDir: join(dir, 'releases'), today: TODAY, hooks: { afterWrite: crash } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^cannot write .*2024-05: disk full$/);
    const viaCommand = (async () => {
      const { releaseCommand } = await import('../src/commands.ts');
      n = 0;
      rmSync(join(dir, 'releases'), { recursive: true, force: true });
      try {
        releaseCommand({ dataDir: dir, today: TODAY, json: false, all: true, hooks: { afterWrite: crash } });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    return viaCommand.then((text) => {
      expect(text).toMatch(/\nbefore this failure the run wrote: 2024-03 r1, 2024-04 r1 \(complete and verified; the rest was not written\)$/);
    });
  });
});

describe('validated data never crashes the release', () => {
  it('a flag of "constructor" or "__proto__" is an unknown flag', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430302,2024-10,injury,(\d+),/, '430302,2024-10,injury,$1,constructor');
    edit(Y2024(dir), /430304,2024-10,injury,(\d+),/, '430304,2024-10,injury,$1,__proto__');
    const [a, b] = ['430302,2024-10,injury,', '430304,2024-10,injury,'].map((p) => lineOf(Y2024(dir), p));
    refused(dir, [
      `input/SYNTHETIC-2024.csv:${a}:5: unknown flag "constructor": expected empty, 估计/estimated or 初步/provisional`,
      `input/SYNTHETIC-2024.csv:${b}:5: unknown flag "__proto__": expected empty, 估计/estimated or 初步/provisional`,
    ]);
  });

  it('a 400-digit value, and 12345678901234567891, are refused beyond the stated 15 significant digits', () => {
    const dir = dataDir();
    edit(Y2024(dir), /430302,2024-10,injury,\d+,/, `430302,2024-10,injury,${'9'.repeat(400)},`);
    edit(Y2024(dir), /430304,2024-10,injury,\d+,/, '430304,2024-10,injury,12345678901234567891,');
    const [a, b] = ['430302,2024-10,injury,', '430304,2024-10,injury,'].map((p) => lineOf(Y2024(dir), p));
    refused(dir, [
      `input/SYNTHETIC-2024.csv:${a}:4: count ${quoteValue('9'.repeat(400))} has 400 significant digits; at most 15 are accepted`,
      `input/SYNTHETIC-2024.csv:${b}:4: count "12345678901234567891" has 20 significant digits; at most 15 are accepted`,
    ]);
    expect(quoteValue('9'.repeat(400))).toBe(`"${'9'.repeat(80)}"… (400 characters)`);
  });

  it('values are kept as the exact text given, through to inputs.csv and the published raw value', () => {
    const dir = dataDir();
    edit(join(dir, 'input', 'SYNTHETIC-2025-04.csv'), '430302,2025-04,fire_loss,10.8,', '430302,2025-04,fire_loss,10.80,');
    const r = cli(['release', '2025-04', '--data', dir, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'releases', '2025-04', 'r1', 'inputs.csv'), 'utf8')).toContain('430302,2025-04,fire_loss,10.80,\n');
    const json = JSON.parse(readFileSync(join(dir, 'releases', '2025-04', 'r1', 'release.json'), 'utf8')) as { regions: { indicators: { code: string; raw: string }[] }[] };
    expect(json.regions[0].indicators.find((i) => i.code === 'fire_loss')!.raw).toBe('10.80');
  });

  it('a long file of 140,000 rows is read without exceeding the engine\'s argument limit', () => {
    const rows = Array.from({ length: 140_000 }, () => '430302,2025-04,injury,1,').join('\n');
    const dir = dataDir({ 'input/long.csv': `region,month,indicator,value,flag\n${rows}\n` });
    const data = readInputs(dir);
    expect(data.records.length).toBe(74 + 140_000);
    const valid = validateData(data, { today: TODAY });
    expect(formatIssue(valid.issues.find((i) => i.file === 'input/long.csv')!)).toBe('input/long.csv:2:1: duplicate row: 430302 2025-04 injury already given at input/SYNTHETIC-2025-04.csv:2');
  });
});

describe('wrong data is not published silently', () => {
  it('a regions.csv saved in Big5 is refused with its line, not published as 答兼カ', () => {
    const big5 = '636f64652c6e616d655f7a682c6e616d655f656e2c6c6576656c2c706172656e740a3433303330302cb4f0bce6a5ab2c5869616e6774616e2c636974792c0a3433303330322cab42b4f2b0cf2c597568752c6469766973696f6e2c3433303330300a3433303330342ca9a8b6edb0cf2c59756574616e672c6469766973696f6e2c3433303330300a';
    const dir = dataDir({ 'regions.csv': Buffer.from(big5, 'hex') });
    const problems = problemsOf(dir);
    expect(problems[0]).toBe('regions.csv:2:10: the file decodes as GB18030 only to unlikely characters (",答兼カ,Xi"): it may be Big5 or mix encodings; save it as UTF-8 (Excel: CSV UTF-8)');
    expect(existsSync(join(dir, 'releases'))).toBe(false);
  });

  it('a UTF-8 file with one row typed in GBK is refused with both lines', () => {
    const head = encodeUtf8('地区代码,月份,指标代码,数值,标记\n430302,2025-05,injury,1,初步\n');
    const gbk = Buffer.concat([Buffer.from('430304,2025-05,injury,2,'), Buffer.from('b9c0bcc6', 'hex'), Buffer.from('\n')]);
    const dir = dataDir({ 'input/mixed.csv': Buffer.concat([head, gbk]) });
    expect(problemsOf(dir)).toEqual(['input/mixed.csv:1:1: the file mixes encodings: line 1 is UTF-8 but line 3 is not; save the whole file as UTF-8 (Excel: CSV UTF-8)']);
  });

  it('messages quote at most 80 characters of a value, with NUL and other control characters escaped', () => {
    const dir = dataDir({ 'input/x.csv': `region,month,indicator,value,flag\n430302,2025-05,inj\u0000ury,1,\n430302,2025-05,injury,${'x'.repeat(10_000_000)},\n` });
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      'input/x.csv:2:3: unknown indicator "inj\\u0000ury": not an indicator of framework "fixture"',
      `input/x.csv:3:4: count "${'x'.repeat(80)}"… (10000000 characters) is not a number`,
    ]);
    for (const p of problems) expect(p.includes('\u0000')).toBe(false);
  });

  it('a survey share in a month without a survey is an error', () => {
    const dir = dataDir();
    edit(Y2024(dir), '430302,2024-10,injury,', '430302,2024-10,sense_of_safety,97,\n430302,2024-10,injury,');
    const line = lineOf(Y2024(dir), '430302,2024-10,sense_of_safety,');
    refused(dir, [`input/SYNTHETIC-2024.csv:${line}:4: sense_of_safety is a survey collected in months 1, 4, 7 (publication.json); 2024-10 is not one of them`]);
  });

  it('data-quality warnings: listed by validate and in the release notes; --strict refuses them and writes nothing', () => {
    const dir = dataDir();
    // A city total that differs from the sum of its divisions: city rows are the exact sums, but one.
    const files = readdirSync(join(dir, 'input')).filter((f) => f.endsWith('.csv'));
    const cells = new Map<string, string>();
    for (const f of files) {
      for (const line of readFileSync(join(dir, 'input', f), 'utf8').split(/\r?\n/).slice(1)) {
        const [region, month, indicator, value] = line.split(',');
        if (region && value !== undefined) cells.set(`${region} ${month} ${indicator}`, value);
      }
    }
    const city: string[] = [];
    for (const [key, value] of cells) {
      const [region, month, indicator] = key.split(' ');
      if (region !== '430302') continue;
      const other = cells.get(`430304 ${month} ${indicator}`) ?? '';
      const total = indicator === 'sense_of_safety' ? value : value === '' || other === '' ? '' : new Exact(value).plus(other).toFixed();
      city.push(`430300,${month},${indicator},${month === '2025-02' && indicator === 'injury' ? Number(total) + 1 : total},`);
    }
    writeFileSync(join(dir, 'input', 'city.csv'), `region,month,indicator,value,flag\n${city.join('\n')}\n`);
    writeFileSync(join(dir, 'population.csv'), `${readFileSync(join(dir, 'population.csv'), 'utf8')}430300,2025,1,SYNTHETIC\n`);
    edit(Y2024(dir), /430302,2024-10,injury,\d+,/, '430302,2024-10,injury,999999999,');
    edit(join(dir, 'input', 'SYNTHETIC-2024.csv'), /430304,2024-07,sense_of_safety,[\d.]+,/, '430304,2024-07,sense_of_safety,0.95,');
    const cityLine = city.findIndex((l) => l.startsWith('430300,2025-02,injury,')) + 2;
    const cityOctober = city.findIndex((l) => l.startsWith('430300,2024-10,injury,')) + 2;
    const bigLine = lineOf(Y2024(dir), '430302,2024-10,injury,');
    const surveyLine = readFileSync(join(dir, 'input', 'SYNTHETIC-2024.csv'), 'utf8').split('\n').findIndex((l) => l.startsWith('430304,2024-07,sense_of_safety')) + 1;
    const sum = (m: string) => new Exact(cells.get(`430302 ${m} injury`)!).plus(cells.get(`430304 ${m} injury`)!).toFixed();
    const expected = [
      `input/SYNTHETIC-2024.csv:${surveyLine}:4: share "0.95" of 430304 sense_of_safety 2024-07 looks like a fraction: shares are percentages (95 for 0.95)`,
      expect.stringMatching(new RegExp(`^input/SYNTHETIC-2024\\.csv:${bigLine}:4: 430302 injury 2024-10 is "999999999", far from its series \\(median [\\d.]+, robust z-score [\\d.e+]+ > 8\\)$`)),
      `input/city.csv:${cityOctober}:4: 430300 injury 2024-10 is ${sum('2024-10')}, but its divisions (430302, 430304) sum to ${new Exact(999999999).plus(cells.get('430304 2024-10 injury')!).toFixed()}`,
      `input/city.csv:${cityLine}:4: 430300 injury 2025-02 is ${Number(sum('2025-02')) + 1}, but its divisions (430302, 430304) sum to ${sum('2025-02')}`,
      'population.csv:7:3: population 1 of 430300 in 2025 differs from 2024\'s 2726000 by -100.0% (more than 20%)',
    ];
    expect(warningsOf(dir)).toEqual(expected);
    expect(problemsOf(dir)).toEqual([]);
    const validate = cli(['validate', '--data', dir, '--today', TODAY]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain(`warning: population.csv:7:3: population 1 of 430300 in 2025`);
    expect(validate.stdout).toContain('; 5 warnings (--strict makes them problems)\n');
    // --strict: the same checks are problems, and nothing is written.
    const strict = cli(['release', '--all', '--data', dir, '--today', TODAY, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("population.csv:7:3: population 1 of 430300 in 2025 differs from 2024's 2726000 by -100.0% (more than 20%) (--strict)\n");
    expect(existsSync(join(dir, 'releases'))).toBe(false);
    // Without it, every warning of the months a release reads is in its notes.
    expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).code).toBe(0);
    const notes = (JSON.parse(readFileSync(join(dir, 'releases', '2025-04', 'r1', 'release.json'), 'utf8')) as { notes: string[] }).notes;
    expect(notes).toHaveLength(5);
    expect(notes[4]).toBe(expected[4]);
    const early = (JSON.parse(readFileSync(join(dir, 'releases', '2024-03', 'r1', 'release.json'), 'utf8')) as { notes?: string[] }).notes;
    expect(early).toEqual([expected[4]]); // its months hold none of the cells warned about
  });

  it('framework weights: 0.6 and 0.6, a missing sibling weight, a weight where AHP decides', () => {
    const dir = dataDir();
    const file = join(dir, 'framework', 'fixture.json');
    const fw = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { code: string; weight?: number; weighting?: object }[] };
    const byCode = (c: string) => fw.nodes.find((n) => n.code === c)!;
    byCode('order').weight = 0.6;
    byCode('fire').weight = 0.6;
    delete byCode('perception').weight;
    writeFileSync(file, JSON.stringify(fw, null, 2));
    expect(warningsOf(dir)).toEqual(['framework/fixture.json: nodes[3] (perception): has no weight, so it counts as 1 beside its siblings\' order 0.6, fire 0.6', CITY_NOTE]);
    byCode('perception').weight = 0.6;
    writeFileSync(file, JSON.stringify(fw, null, 2));
    expect(warningsOf(dir)).toEqual(['framework/fixture.json: nodes (children of "index"): weights 0.6, 0.6, 0.6 look like shares but sum to 1.8, not 1: they are rescaled (each divided by 1.8)', CITY_NOTE]);
    byCode('index').weighting = { method: 'ahp', order: ['order', 'fire', 'perception'], matrix: [[1, 2, 2], [0.5, 1, 1], [0.5, 1, 1]] };
    writeFileSync(file, JSON.stringify(fw, null, 2));
    expect(warningsOf(dir).slice(0, 1)).toEqual(['framework/fixture.json: nodes[1] (order).weight: ignored: the weights of "index"\'s children come from its AHP matrix']);
  });

  it('duplicate JSON keys in a --settings file are refused with their place', async () => {
    const text = '[{"kind": "aggregation", "kind": "normalisation", "alternatives": []}]';
    const dir = dataDir({ 'settings.json': text });
    const file = join(dir, 'settings.json');
    let stderr = '';
    const code = await runAsync(['sensitivity', '--data', dir, '--today', TODAY, '--settings', file], { stdout: () => {}, stderr: (t) => (stderr += t), stderrIsTty: false });
    expect(code).toBe(2);
    expect(stderr).toBe(`pingan: --settings ${file}:1:${text.lastIndexOf('"kind"') + 1}: duplicate key "kind" (first at 1:3)\n`);
  });

  it('duplicate JSON keys in the framework are refused with their place', () => {
    const dir = dataDir();
    edit(join(dir, 'framework', 'fixture.json'), '"version": "1",', '"version": "1",\n  "version": "2",');
    expect(problemsOf(dir)).toEqual(['framework/fixture.json:4:3: duplicate key "version" (first at 3:3)']);
  });
});

describe('smaller defects', () => {
  it('temporary folders of an interrupted run are removed by the next run, with a message', () => {
    const { dir, out } = published();
    mkdirSync(join(out, '.tmp-2025-05-abc', 'r1'), { recursive: true });
    writeFileSync(join(out, '.tmp-2025-05-abc', 'r1', 'release.json'), '{}');
    expect(cli(['verify', '--data', dir]).stderr).toContain(`${out}/.tmp-2025-05-abc: a temporary folder left by an interrupted run (the next \`pingan release\` removes it)\n`);
    const next = cli(['release', '--all', '--data', dir, '--today', TODAY]);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`removed ${join(out, '.tmp-2025-05-abc')}: a temporary folder left by an interrupted run\n`);
    expect(existsSync(join(out, '.tmp-2025-05-abc'))).toBe(false);
  });

  it('"today" is the index\'s own date (Asia/Shanghai), whatever the machine\'s time zone', () => {
    const instant = new Date('2025-11-30T20:30:00Z'); // already 1 December in Shanghai
    expect(todayIn('Asia/Shanghai', instant)).toBe('2025-12-01');
    const bin = resolve(import.meta.dirname, '..', 'bin', 'pingan.cjs');
    const dates = ['Pacific/Kiritimati', 'Etc/GMT+12'].map((tz) => {
      const dir = dataDir();
      const r = spawnSync(process.execPath, [bin, 'release', '2025-04', '--data', dir, '--json'], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(readFileSync(join(dir, 'releases', '2025-04', 'r1', 'manifest.json'), 'utf8')) as { date: string }).date;
    });
    expect(dates[0]).toBe(dates[1]);
    expect(dates[0]).toBe(todayIn('Asia/Shanghai'));
  });

  it('a published month the data can no longer compute is withdrawn, chained and verified', () => {
    const { dir, out } = published();
    // The bureau archives 2024's file: the data now starts in 2025-01, and months up to 2025-02 lose their windows.
    const archived = mkdtempSync(join(tmpdir(), 'pingan-archive-'));
    cpSync(join(dir, 'input', 'SYNTHETIC-2024.csv'), join(archived, 'SYNTHETIC-2024.csv'));
    rmSync(join(dir, 'input', 'SYNTHETIC-2024.csv'));
    const r = cli(['release', '--all', '--data', dir, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024-03: WITHDRAWN r1: the data no longer computes 2024-03: it gives an index for 2025-03 to 2025-04\n');
    const withdrawn = JSON.parse(readFileSync(join(out, '2024-03', 'withdrawn.json'), 'utf8'));
    expect(withdrawn).toEqual({ month: '2024-03', revision: 1, date: TODAY, reason: 'the data no longer computes 2024-03: it gives an index for 2025-03 to 2025-04' });
    const verify = JSON.parse(cli(['verify', '--data', dir, '--json']).stdout) as { ok: boolean; withdrawn: string[] };
    expect(verify.ok).toBe(true);
    expect(verify.withdrawn).toEqual(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02']);
    // A second run withdraws nothing more.
    const again = cli(['release', '--all', '--data', dir, '--today', TODAY]);
    expect(again.stdout).not.toContain('WITHDRAWN');
    // The file comes back: the months are computed again as a new revision, no longer withdrawn; then archived again.
    cpSync(join(archived, 'SYNTHETIC-2024.csv'), join(dir, 'input', 'SYNTHETIC-2024.csv'));
    const back = JSON.parse(cli(['release', '--all', '--data', dir, '--today', TODAY, '--json']).stdout) as { releases: { month: string; status: string; revision: number }[] };
    expect(back.releases.find((x) => x.month === '2024-03')).toMatchObject({ status: 'revised', revision: 2 });
    expect((JSON.parse(cli(['verify', '--data', dir, '--json']).stdout) as { withdrawn: string[] }).withdrawn).toEqual([]);
    rmSync(join(dir, 'input', 'SYNTHETIC-2024.csv'));
    expect(cli(['release', '--all', '--data', dir, '--today', TODAY]).stdout).toContain('2024-03: WITHDRAWN r2: ');
    expect((JSON.parse(cli(['verify', '--data', dir, '--json']).stdout) as { ok: boolean; withdrawn: string[] }).withdrawn).toHaveLength(12);
    // Editing the withdrawal is detected like any other edit.
    edit(join(out, '2024-03', 'withdrawn.json'), 'no longer', 'still');
    expect(cli(['verify', '--data', dir]).code).toBe(4);
  });
});
