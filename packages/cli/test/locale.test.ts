/**
 * Problems on the terminal follow the locale; release files do not. The
 * same bad data under LANG=zh_CN.UTF-8 and LANG=C gives the same problems at
 * the same file:line:column, with the reasons in Chinese and in English; the
 * same good data with warnings releases byte-identical files under both,
 * whose notes keep the English reasons, while the warnings printed follow
 * the locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localise } from '../src/i18n/reason.ts';
import { BAD, cliWithLocale, dataDir, TODAY, tree } from './helpers.ts';

/** `pingan ARGS` with only LANG set (LC_ALL and LC_MESSAGES empty), as a shell with that locale runs it. */
const cliWith = (lang: string, args: string[]) => cliWithLocale(args, { LANG: lang });

/** A problem line's place (`file:line:column`, or `file`) and reason. */
function split(line: string) {
  const m = /^(.+?(?::\d+(?::\d+)?)?): (.*)$/.exec(line)!;
  return { place: m[1], reason: m[2] };
}

const CJK = /[\u4e00-\u9fff]/;

describe('problems on the terminal follow LANG', () => {
  // Every bad file of the fixtures at once: unknown columns, values, regions, flags, encodings, duplicates, …
  const bad = Object.fromEntries(readdirSync(BAD).map((name) => [`input/${name}`, readFileSync(join(BAD, name))]));
  const dir = dataDir(bad);
  const zh = cliWith('zh_CN.UTF-8', ['validate', '--data', dir, '--today', TODAY]);
  const en = cliWith('C', ['validate', '--data', dir, '--today', TODAY]);
  const json = JSON.parse(cliWith('zh_CN.UTF-8', ['validate', '--data', dir, '--today', TODAY, '--json']).stdout) as { problems: { message: string; reason: string }[] };
  const problemLines = (out: string) => out.split('\n').filter((l) => l.startsWith('input/') || l.startsWith('population') || l.startsWith('regions'));

  it('with the same exit code and the same problems at the same file:line:column', () => {
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
    const zhLines = problemLines(zh.stdout);
    const enLines = problemLines(en.stdout);
    expect(enLines.length).toBeGreaterThan(20);
    expect(zhLines.map((l) => split(l).place)).toEqual(enLines.map((l) => split(l).place));
  });
  it('in English under LANG=C, as JSON and release notes keep them', () => {
    expect(problemLines(en.stdout)).toEqual(json.problems.map((p) => p.message));
    expect(en.stdout).not.toMatch(/问题|不是|未知/);
  });
  it('in Chinese under LANG=zh_CN.UTF-8, every reason translated', () => {
    const zhReasons = problemLines(zh.stdout).map((l) => split(l).reason);
    const enReasons = problemLines(en.stdout).map((l) => split(l).reason);
    // Every reason carries Chinese (values such as quoted cells stay as they are).
    expect(zhReasons.filter((r) => !CJK.test(r.replace(/"[^"]*"/g, '')))).toEqual([]);
    expect(zhReasons).toEqual(enReasons.map((r) => localise(r, 'zh')));
    expect(zh.stdout).toContain('input/unknown-column.csv:1:');
    expect(zh.stdout).toMatch(/未知列 "/);
    expect(zh.stdout.trimEnd().split('\n').at(-1)).toMatch(/中有 \d+ 个问题/);
    // --json stays English whatever the locale: it is for programs.
    expect(json.problems.map((p) => p.message)).toEqual(problemLines(en.stdout));
  });
});

describe('release files are the same whatever the locale', () => {
  it('byte for byte, with English notes, while the warnings printed follow LANG', () => {
    const zhDir = dataDir();
    const enDir = dataDir();
    const zh = cliWith('zh_CN.UTF-8', ['release', '--all', '--data', zhDir, '--today', TODAY]);
    const en = cliWith('C', ['release', '--all', '--data', enDir, '--today', TODAY]);
    expect([zh.code, en.code]).toEqual([0, 0]);
    const zhFiles = tree(join(zhDir, 'releases'));
    const enFiles = tree(join(enDir, 'releases'));
    expect(zhFiles.size).toBeGreaterThan(10);
    expect([...zhFiles.keys()]).toEqual([...enFiles.keys()]);
    for (const [file, bytes] of enFiles) expect(zhFiles.get(file)!.equals(bytes), file).toBe(true);
    // The warning is printed in each language, at the same place, and the notes keep it in English.
    expect(en.stderr).toContain('warning: regions.csv: region 430300 (湘潭市) has no input rows: it is not published');
    expect(zh.stderr).toContain('警告：regions.csv: 地区 430300（湘潭市）没有输入行：不会发布');
    const release = [...zhFiles.entries()].find(([file]) => file.endsWith('release.json'))![1].toString('utf8');
    expect(release).toContain('regions.csv: region 430300 (湘潭市) has no input rows: it is not published');
    expect(zh.stdout).toMatch(/已发布 r1/);
    expect(en.stdout).toMatch(/released r1/);
  });
});
