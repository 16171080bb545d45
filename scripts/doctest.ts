/**
 * The README doc-test harness: reads the fenced code blocks of a Markdown
 * file and turns them into runnable checks.
 *
 * - `ts`/`js` blocks become ES modules. A statement followed by a comment
 *   `//=> SHOWN` asserts that its value is SHOWN (a JavaScript expression:
 *   numbers agree within 1e-9 relative, strings exactly, arrays element by
 *   element and of the same kind, so a `Float64Array` must be shown as
 *   `Float64Array.of(…)`; an object shown may leave keys out). `//=> throws
 *   NAME: MESSAGE` asserts that the statement throws an error of that name
 *   whose message starts with MESSAGE. `const x = …; //=> SHOWN` asserts x.
 * - An HTML comment on the line before a fence gives directives:
 *   `<!-- doctest: name=first -->` names a block, `<!-- doctest: with=first -->`
 *   runs a block after the named one (in the same module, imports merged).
 *   `<!-- doctest: shell -->` runs a whole `sh` block in bash (in the scratch
 *   copy of the repository); `<!-- doctest: file=PATH -->` on a `json` or
 *   `csv` block writes it to PATH there, for the blocks after it.
 * - `sh`/`console` blocks: every `pingan …` command (also behind
 *   `npx -y pnpm@10.34.9 exec`) is run; in a `console` block, lines after a
 *   `$ ` command are its expected output (`…` on its own line matches any
 *   lines). Other commands (installs, the whole test run) are listed, not run.
 * - `json` blocks must parse; `csv` blocks must parse with one field count.
 */
import ts from 'typescript';

export interface CodeBlock {
  /** The Markdown file, relative to the repository. */
  readonly file: string;
  /** The line of the block's first code line (1-based). */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly directives: Readonly<Record<string, string>>;
}

/** Every fenced code block of a Markdown text, with the directives of the comment just above it. */
export function codeBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+)\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    const directives: Record<string, string> = {};
    const above = lines[i - 1] ?? '';
    const comment = /<!--\s*doctest:(.*?)-->/.exec(above);
    if (comment) {
      for (const part of comment[1].trim().split(/\s+/).filter(Boolean)) {
        const [key, ...value] = part.split('=');
        directives[key] = value.join('=') || 'true';
      }
    }
    blocks.push({ file, line: start + 1, lang: open[3].toLowerCase(), code: lines.slice(start, end).join('\n'), directives });
    i = end;
  }
  return blocks;
}

/** The value a README shows: compares `actual` with `shown`, throwing a message that says where and what differs. */
export function expectShown(actual: unknown, shown: unknown, where: string): void {
  const problem = difference(actual, shown, '');
  if (problem !== undefined) throw new Error(`${where}: the README shows ${describe(shown)}, the code gives ${describe(actual)}${problem ? ` (${problem})` : ''}`);
}

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}.of(${Array.from(value as unknown as ArrayLike<number>).join(', ')})`;
  if (typeof value === 'number' || value === undefined || typeof value === 'function') return String(value);
  try {
    return JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) ? describe(v) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  } catch {
    return String(value);
  }
}

function difference(actual: unknown, shown: unknown, path: string): string | undefined {
  const at = path ? `at ${path}` : '';
  if (typeof shown === 'number') {
    if (typeof actual !== 'number') return at;
    if (Number.isNaN(shown)) return Number.isNaN(actual) ? undefined : at;
    return Math.abs(actual - shown) <= 1e-9 * Math.max(1, Math.abs(shown)) ? undefined : at;
  }
  if (shown === null || typeof shown !== 'object') return Object.is(actual, shown) ? undefined : at;
  if (Array.isArray(shown) || ArrayBuffer.isView(shown)) {
    const kind = (v: unknown) => (Array.isArray(v) ? 'Array' : ArrayBuffer.isView(v) ? v.constructor.name : typeof v);
    if (kind(actual) !== kind(shown)) return `${at} ${kind(actual)} where ${kind(shown)} is shown`.trim();
    const a = actual as ArrayLike<unknown>;
    const s = shown as unknown as ArrayLike<unknown>;
    if (a.length !== s.length) return `${at} length ${a.length}, shown ${s.length}`.trim();
    for (let i = 0; i < s.length; i++) {
      const d = difference(a[i], s[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (actual === null || typeof actual !== 'object') return at;
  for (const [key, value] of Object.entries(shown)) {
    const d = difference((actual as Record<string, unknown>)[key], value, path ? `${path}.${key}` : key);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Checks that `run` throws an error shown as `NAME: MESSAGE…`. */
export function expectThrows(run: () => unknown, shown: string, where: string): void {
  try {
    run();
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (!text.startsWith(shown)) throw new Error(`${where}: the README shows it throws "${shown}", it throws "${text}"`, { cause: error });
    return;
  }
  throw new Error(`${where}: the README shows it throws "${shown}", it returns normally`);
}

const ASSERT = /^\/\/=>\s*/;

/**
 * A runnable module from a README's TypeScript blocks (the prelude blocks,
 * then the block): imports merged, `//=>` comments turned into assertions
 * that name the README line.
 */
export function moduleSource(blocks: readonly CodeBlock[], harness: string): string {
  const imports = new Map<string, { default?: string; names: Set<string>; types: Set<string>; namespace?: string }>();
  const body: string[] = [];
  for (const block of blocks) {
    const source = ts.createSourceFile('block.ts', block.code, ts.ScriptTarget.ES2023, true, ts.ScriptKind.TS);
    const lineOf = (pos: number) => block.line + source.getLineAndCharacterOfPosition(pos).line;
    for (const statement of source.statements) {
      // Leading comments stay with their statement (a `// @ts-expect-error` must precede it).
      const text = block.code.slice(statement.getFullStart(), statement.end);
      const leading = block.code.slice(statement.getFullStart(), statement.getStart(source));
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const from = statement.moduleSpecifier.text;
        const entry = imports.get(from) ?? { names: new Set<string>(), types: new Set<string>() };
        const clause = statement.importClause;
        if (clause?.name) entry.default = clause.name.text;
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) entry.namespace = bindings.name.text;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            const spec = element.propertyName ? `${element.propertyName.text} as ${element.name.text}` : element.name.text;
            (clause?.isTypeOnly || element.isTypeOnly ? entry.types : entry.names).add(spec);
          }
        }
        imports.set(from, entry);
        continue;
      }
      const comment = ts.getTrailingCommentRanges(block.code, statement.end)?.[0];
      const commentText = comment ? block.code.slice(comment.pos, comment.end) : '';
      const where = `${block.file}:${lineOf(statement.getStart(source))}`;
      if (!ASSERT.test(commentText)) {
        body.push(text);
        continue;
      }
      let shown = commentText.replace(ASSERT, '').trim();
      // A value shown over several lines continues on the comment lines right after it.
      const rest = block.code.slice(comment?.end ?? statement.end).split('\n').slice(1);
      const open = (text: string) => (text.match(/[[{(]/g) ?? []).length - (text.match(/[\]})]/g) ?? []).length;
      for (const line of rest) {
        if (open(shown) <= 0) break;
        const more = /^\s*\/\/(?!=>)\s?(.*)$/.exec(line);
        if (!more) break;
        shown += `\n${more[1]}`;
      }
      const thrown = /^throws\s+(.*)$/s.exec(shown);
      if (ts.isExpressionStatement(statement)) {
        const expression = block.code.slice(statement.expression.getStart(source), statement.expression.end);
        body.push(
          leading +
          (thrown
            ? `__doctest.expectThrows(() => (${expression}), ${JSON.stringify(thrown[1].replace(/\\n/g, '\n'))}, ${JSON.stringify(where)});`
            : `__doctest.expectShown((${expression}), (${shown}), ${JSON.stringify(where)});`),
        );
      } else if (ts.isVariableStatement(statement) && !thrown) {
        body.push(text);
        const names = statement.declarationList.declarations.filter((d) => ts.isIdentifier(d.name)).map((d) => (d.name as ts.Identifier).text);
        if (names.length !== 1) throw new Error(`${where}: a //=> comment after a declaration needs exactly one plain name`);
        body.push(`__doctest.expectShown(${names[0]}, (${shown}), ${JSON.stringify(where)});`);
      } else {
        throw new Error(`${where}: a //=> comment must follow an expression or a declaration`);
      }
    }
  }
  const head = [`import * as __doctest from ${JSON.stringify(harness)};`];
  for (const [from, entry] of imports) {
    const parts: string[] = [];
    if (entry.default) parts.push(entry.default);
    if (entry.namespace) parts.push(`* as ${entry.namespace}`);
    const named = [...entry.names, ...[...entry.types].filter((t) => !entry.names.has(t)).map((t) => `type ${t}`)];
    if (named.length > 0) parts.push(`{ ${named.join(', ')} }`);
    head.push(parts.length > 0 ? `import ${parts.join(', ')} from ${JSON.stringify(from)};` : `import ${JSON.stringify(from)};`);
  }
  return `${head.join('\n')}\n${body.join('\n')}\nexport {};\n`;
}

export interface ShellCommand {
  readonly where: string;
  /** The arguments after `pingan`, or undefined for a command that is not run. */
  readonly pingan?: string[];
  readonly text: string;
  /** The output lines the README shows (console blocks), if any. */
  readonly output?: string[];
}

/** Splits a command line into words (single and double quotes, no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(pattern)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** The commands of a `sh` or `console` block, each `pingan` command with its arguments. */
export function shellCommands(block: CodeBlock): ShellCommand[] {
  const console = block.lang === 'console';
  const commands: { where: string; text: string; output: string[] }[] = [];
  block.code.split('\n').forEach((raw, i) => {
    const where = `${block.file}:${block.line + i}`;
    if (console) {
      if (raw.startsWith('$ ')) commands.push({ where, text: raw.slice(2).trim(), output: [] });
      else if (commands.length > 0) commands[commands.length - 1].output.push(raw);
      return;
    }
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line) for (const part of line.split('&&')) commands.push({ where, text: part.trim(), output: [] });
  });
  return commands.map(({ where, text, output }) => {
    const words = shellWords(text.replace(/\s#\s.*$/, ''));
    const at = words[0] === 'pingan' ? 1 : words.slice(0, 4).join(' ') === 'npx -y pnpm@10.34.9 exec' && words[4] === 'pingan' ? 5 : -1;
    while (console && output.length > 0 && output[output.length - 1].trim() === '') output.pop();
    return { where, text, ...(at > 0 ? { pingan: words.slice(at) } : {}), ...(console ? { output } : {}) };
  });
}

/** Whether `actual` output matches the lines a README shows (`…` matches any run of lines; trailing spaces ignored). */
export function outputMatches(actual: string, shown: readonly string[]): boolean {
  const lines = actual.replace(/\s+$/, '').split('\n').map((l) => l.trimEnd());
  const expected = shown.map((l) => l.trimEnd());
  const match = (i: number, j: number): boolean => {
    if (j === expected.length) return i === lines.length;
    if (expected[j].trim() === '…') {
      for (let k = i; k <= lines.length; k++) if (match(k, j + 1)) return true;
      return false;
    }
    return i < lines.length && lines[i] === expected[j] && match(i + 1, j + 1);
  };
  return match(0, 0);
}
