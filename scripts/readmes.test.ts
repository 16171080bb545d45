/**
 * Every README of the project, run as a user would run it: each TypeScript
 * block as a module (type-checked under strict, then run, with the values
 * its `//=>` comments show asserted), each `pingan` command line run by the
 * CLI on a copy of data/ (with the output a `console` block shows asserted),
 * each JSON and CSV block parsed. See scripts/doctest.ts for the conventions.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, moduleSource, outputMatches, shellCommands, type CodeBlock } from './doctest.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const harness = join(root, 'scripts/doctest.ts');
const generated = join(root, 'artifacts/doctest');

const readmes = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', 'README.md', '*/README.md'], { cwd: root, encoding: 'utf8' })
  .stdout.split('\n')
  .filter((f) => f.endsWith('README.md'))
  .sort();

const blocksByFile = new Map(readmes.map((file) => [file, codeBlocks(readFileSync(join(root, file), 'utf8'), file)]));
const named = new Map<string, CodeBlock>();
for (const blocks of blocksByFile.values()) for (const b of blocks) if (b.directives.name) named.set(b.directives.name, b);

const isScript = (b: CodeBlock) => b.lang === 'ts' || b.lang === 'js' || b.lang === 'typescript' || b.lang === 'javascript';

/** The block with the blocks it runs after (`with=`), first to last. */
function chain(block: CodeBlock): CodeBlock[] {
  const out = [block];
  let current = block;
  while (current.directives.with) {
    const before = named.get(current.directives.with);
    if (!before) throw new Error(`${current.file}:${current.line}: no block is named "${current.directives.with}"`);
    out.unshift(before);
    current = before;
  }
  return out;
}

function moduleFile(block: CodeBlock): string {
  return join(generated, `${block.file.replace(/[/.]/g, '_')}-L${block.line}.ts`);
}

// The blocks run in a scratch directory that looks like the repository's
// parent: a copy of data/ and the reference data beside it at ../shared.
let work = '';
let previousCwd = '';
beforeAll(() => {
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'pingan-doctest-'));
  work = join(scratch, 'repo');
  mkdirSync(work);
  cpSync(join(root, 'data'), join(work, 'data'), { recursive: true });
  // The examples too (without the releases the main job writes), for the steps that set up a new index from one.
  cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true, filter: (from) => !/[\\/]releases$/.test(from) });
  const shared = resolve(root, '../shared');
  if (existsSync(shared)) symlinkSync(shared, join(scratch, 'shared'));
  for (const blocks of blocksByFile.values()) {
    for (const block of blocks.filter(isScript)) writeFileSync(moduleFile(block), moduleSource(chain(block), relative(generated, harness)));
  }
  previousCwd = process.cwd();
  process.chdir(work);
});
afterAll(() => {
  if (previousCwd) process.chdir(previousCwd);
  if (work) rmSync(dirname(work), { recursive: true, force: true });
});

/** Every workspace package's name and the names of its scripts. */
function workspaceScripts(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of ['packages/core', 'packages/cli', 'site']) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { name: string; scripts?: Record<string, string> };
    found.set(pkg.name, Object.keys(pkg.scripts ?? {}));
  }
  return found;
}

describe('README code blocks', () => {
  it('finds the READMEs of the project', () => {
    expect(readmes).toEqual(expect.arrayContaining(['README.md', 'packages/core/README.md', 'packages/cli/README.md', 'data/README.md']));
  });

  it('type-checks every TypeScript block under strict', () => {
    const files = [...blocksByFile.values()].flat().filter(isScript).map(moduleFile);
    const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
    const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
    const program = ts.createProgram(files, { ...options, noEmit: true, types: ['node'], typeRoots: [join(root, 'node_modules/@types')], declaration: false, sourceMap: false });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });

  for (const [file, blocks] of blocksByFile) {
    if (blocks.length === 0) {
      console.info(`${file}: no code blocks`);
      continue;
    }
    describe(file, () => {
      for (const block of blocks) {
        const title = `${file}:${block.line} (${block.lang || 'text'})`;
        const needs = block.directives.needs;
        if (isScript(block)) {
          const missing = needs && !existsSync(resolve(root, needs));
          if (missing) console.warn(`NOTICE: ${title} needs ${needs}, which is absent; it is skipped.`);
          it.skipIf(Boolean(missing))(`${title} runs and shows what it gives`, async () => {
            await import(pathToFileURL(moduleFile(block)).href);
          });
        } else if ((block.lang === 'sh' || block.lang === 'bash') && block.directives.shell) {
          // `<!-- doctest: shell -->`: the whole block runs in bash, in the scratch copy, and must succeed.
          it(`${title} runs in bash`, () => {
            const run = spawnSync('bash', ['-euo', 'pipefail', '-c', block.code], { cwd: work, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
            expect(run.status, `${block.code}\n${run.stdout}\n${run.stderr}`).toBe(0);
          });
        } else if (block.lang === 'sh' || block.lang === 'console' || block.lang === 'bash') {
          const commands = shellCommands(block);
          const notRun = commands.filter((c) => !c.pingan);
          if (notRun.length > 0) console.info(`${title}: not run here (the CI runs them): ${notRun.map((c) => c.text).join('; ')}`);
          // What is not run here must at least name a workspace package and a script it has.
          const filtered = notRun.flatMap((c) => [...c.text.matchAll(/--filter (\S+) (?:run )?([\w:-]+)/g)].map((m) => ({ text: c.text, pkg: m[1], script: m[2] })));
          if (filtered.length > 0) {
            it(`${title} names packages and scripts that exist`, () => {
              const scripts = workspaceScripts();
              for (const f of filtered) {
                expect(scripts.has(f.pkg), `${f.text}: no workspace package ${f.pkg}`).toBe(true);
                if (f.script !== 'exec') expect(scripts.get(f.pkg), `${f.text}: ${f.pkg} has no script ${f.script}`).toContain(f.script);
              }
            });
          }
          for (const command of commands.filter((c) => c.pingan)) {
            it(`${command.where} $ pingan ${command.pingan?.join(' ')}`, () => {
              const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/pingan.cjs'), ...(command.pingan ?? [])], {
                cwd: work,
                encoding: 'utf8',
                env: { ...process.env, FORCE_COLOR: '0', TZ: 'UTC' },
              });
              expect(run.status, `${command.text}\n${run.stdout}\n${run.stderr}`).toBe(0);
              if (command.output && command.output.length > 0) expect(outputMatches(run.stdout, command.output), run.stdout).toBe(true);
            }, 240_000);
          }
        } else if (block.lang === 'json') {
          it(`${title} is JSON${block.directives.file ? ` (written to ${block.directives.file})` : ''}`, () => {
            expect(() => JSON.parse(block.code)).not.toThrow();
            // `<!-- doctest: file=PATH -->`: the block is that file's content, written into the scratch copy for the steps after it.
            if (block.directives.file) writeFileSync(join(work, block.directives.file), `${block.code.trim()}\n`);
          });
        } else if (block.lang === 'csv') {
          it(`${title} is CSV with one field count`, () => {
            const parsed = Papa.parse<string[]>(block.code.trim(), { skipEmptyLines: true });
            expect(parsed.errors).toEqual([]);
            expect(new Set(parsed.data.map((row) => row.length)).size).toBe(1);
            if (block.directives.file) writeFileSync(join(work, block.directives.file), `${block.code.trim()}\n`);
          });
        }
      }
    });
  }
});
