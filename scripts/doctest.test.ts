import { describe, expect, it } from 'vitest';
import { codeBlocks, expectShown, expectThrows, moduleSource, outputMatches, shellCommands } from './doctest.ts';

describe('the README doc-test harness', () => {
  const markdown = [
    '# t',
    '<!-- doctest: name=a -->',
    '```ts',
    "import { x } from 'm';",
    'f(1); //=> 2',
    'const y = g(); //=> [',
    '//   1,',
    '// ]',
    'h(); //=> throws Error: bad\\n  line',
    '```',
    '```console',
    '$ pingan compute 2025-10 --json',
    '{',
    '…',
    '}',
    '```',
  ].join('\n');
  const blocks = codeBlocks(markdown, 'T.md');

  it('reads blocks, their first line and directives', () => {
    expect(blocks.map((b) => [b.lang, b.line, b.directives])).toEqual([
      ['ts', 4, { name: 'a' }],
      ['console', 12, {}],
    ]);
  });

  it('turns //=> comments into assertions naming the README line, values over several lines included', () => {
    const source = moduleSource([blocks[0]], './h.ts');
    expect(source).toContain('import { x } from "m";');
    expect(source).toContain('__doctest.expectShown((f(1)), (2), "T.md:5");');
    expect(source).toContain('__doctest.expectShown(y, ([\n  1,\n]), "T.md:6");');
    expect(source).toContain('__doctest.expectThrows(() => (h()), "Error: bad\\n  line", "T.md:9");');
  });

  it('fails on a different value, a typed array shown as an array, a missing key, or no throw', () => {
    expect(() => expectShown(3, 2, 'T.md:1')).toThrow('T.md:1: the README shows 2, the code gives 3');
    expect(() => expectShown(Float64Array.of(1), [1], 'T.md:1')).toThrow(/Float64Array where Array is shown/);
    expect(() => expectShown({ a: 1 }, { a: 1, b: 2 }, 'T.md:1')).toThrow(/at b/);
    expect(() => expectThrows(() => 1, 'Error: x', 'T.md:1')).toThrow(/returns normally/);
    expect(() => expectThrows(() => { throw new RangeError('y'); }, 'Error: x', 'T.md:1')).toThrow(/it throws "RangeError: y"/);
    expect(() => expectShown({ a: 1, b: 2 }, { a: 1 }, 'T.md:1')).not.toThrow();
    expect(() => expectShown(0.1 + 0.2, 0.3, 'T.md:1')).not.toThrow();
    expect(() => expectShown(Number.NaN, Number.NaN, 'T.md:1')).not.toThrow();
  });

  it('runs pingan commands with the output a console block shows', () => {
    const [command] = shellCommands(blocks[1]);
    expect(command.pingan).toEqual(['compute', '2025-10', '--json']);
    expect(command.output).toEqual(['{', '…', '}']);
    expect(outputMatches('{\n  "a": 1,\n  "b": 2\n}\n', command.output ?? [])).toBe(true);
    expect(outputMatches('{\n  "a": 1\n', command.output ?? [])).toBe(false);
    const sh = codeBlocks('```sh\nnpx -y pnpm@10.34.9 exec pingan --help   # help\nnpm pack && pingan validate --data data\n```', 'S.md')[0];
    expect(shellCommands(sh).map((c) => c.pingan ?? c.text)).toEqual([['--help'], 'npm pack', ['validate', '--data', 'data']]);
  });
});
