/**
 * JSON syntax errors are placed at their line and column and said plainly
 * (strictJson.ts), whatever the form of V8's message: Node 20's "… in JSON
 * at position N", newer V8's "… (line L column C)", "Unexpected end of JSON
 * input", and "Unexpected token 'x', "…" is not valid JSON", which gives no
 * position at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem, parseJsonStrict } from '../src/strictJson.ts';
import { localise } from '../src/i18n/reason.ts';
import { cliWithLocale, dataDir, FIXTURE_DATA, TODAY } from './helpers.ts';

const TRAILING_COMMA = 'a comma before } or ]: JSON allows no trailing comma';
const COMMENT = 'a comment: JSON allows no comments';
const SINGLE_QUOTE = 'a single-quoted string: JSON strings take double quotes';
const ENDS_TOO_SOON = 'the text ends too soon: a closing }, ] or " is missing';

/** The problems of a text as `line:column: message`. */
const problems = (text: string) => {
  const parsed = parseJsonStrict(text);
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
};

const v8Message = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is valid JSON`);
};

describe('a JSON syntax error', () => {
  it('is placed at its line and column, with what hand-edited JSON often gets wrong said plainly', () => {
    expect(problems('{\n  "id": "x",\n  "version": "1",\n}\n')).toEqual([`3:17: ${TRAILING_COMMA}`]);
    expect(problems('{\n  "weights": [\n    1,\n    2,\n  ]\n}')).toEqual([`4:6: ${TRAILING_COMMA}`]);
    expect(problems('{\n  "id": "x", // the index\n  "version": "1"\n}')).toEqual([`2:14: ${COMMENT}`]);
    expect(problems('{\n  "id": "x",\n  /* draft */\n  "version": "1"\n}')).toEqual([`3:3: ${COMMENT}`]);
    expect(problems('// the framework\n{}')).toEqual([`1:1: ${COMMENT}`]);
    expect(problems('{\n  "id": "x",\n  "nodes": [\n    {"code": "a"}\n  ]\n')).toEqual([`5:4: ${ENDS_TOO_SOON}`]);
    expect(problems('{\n  "id": \'x\'\n}')).toEqual([`2:9: ${SINGLE_QUOTE}`]);
    expect(problems('{"id": "x"')).toEqual([`1:11: ${ENDS_TOO_SOON}`]);
    expect(problems('')).toEqual(['1:1: empty: no JSON value']);
    expect(problems(' \n')).toEqual(['1:1: empty: no JSON value']);
  });

  it('keeps V8’s words without their position and the quoted text when it is something else', () => {
    expect(problems('{\n  "id" "x"\n}')).toEqual(["2:8: not valid JSON: Expected ':' after property name"]);
    expect(problems('{"a": 1}}')).toEqual(['1:9: not valid JSON: Unexpected non-whitespace character after JSON']);
    expect(problems('{\n  "a": NaN\n}')).toEqual(["2:8: not valid JSON: Unexpected token 'N'"]);
    expect(problems('{\n  "a": tru\n}')).toEqual(["2:11: not valid JSON: Unexpected token '\\n'"]);
    expect(problems('{"a": tru}')).toEqual(["1:10: not valid JSON: Unexpected token '}'"]);
  });

  it('reads the position in every form of V8’s message (Node 20 and later) and converts it with the line starts', () => {
    const text = '{\n  "a": 1,\n}';
    // Node 18 and 20: "at position N"; Node 22 and later add "(line L column C)".
    expect(jsonSyntaxProblem(text, 'Unexpected token } in JSON at position 12')).toEqual({ line: 2, column: 9, message: TRAILING_COMMA });
    expect(jsonSyntaxProblem(text, 'Expected double-quoted property name in JSON at position 12')).toEqual({ line: 2, column: 9, message: TRAILING_COMMA });
    expect(jsonSyntaxProblem(text, 'Expected double-quoted property name in JSON at position 12 (line 3 column 1)')).toEqual({ line: 2, column: 9, message: TRAILING_COMMA });
    // No position: the text is scanned for the place.
    expect(jsonSyntaxProblem(text, `Unexpected token '}', "${text}" is not valid JSON`)).toEqual({ line: 2, column: 9, message: TRAILING_COMMA });
    expect(jsonSyntaxProblem('{\n  "a": 1\n', 'Unexpected end of JSON input')).toEqual({ line: 2, column: 9, message: ENDS_TOO_SOON });
    expect(jsonSyntaxProblem('[\n  1,\n  x\n]', 'Unexpected token x in JSON at position 9')).toEqual({ line: 3, column: 3, message: 'not valid JSON: Unexpected token x' });
    expect(jsonSyntaxProblem('[\n  1,\n  x\n]', 'Unexpected token x in JSON at position 9 (line 3 column 3)')).toEqual({ line: 3, column: 3, message: 'not valid JSON: Unexpected token x' });
    expect(jsonSyntaxProblem('{"a":\n 1 // one\n}', 'Unexpected token / in JSON at position 9')).toEqual({ line: 2, column: 4, message: COMMENT });
    expect(jsonSyntaxProblem('{"a": \'b\'}', 'Unexpected token \' in JSON at position 6')).toEqual({ line: 1, column: 7, message: SINGLE_QUOTE });
    // Columns count UTF-16 code units, as the duplicate-key check does.
    expect(jsonSyntaxProblem('{"名": 1 2}', 'Expected \',\' or \'}\' after property value in JSON at position 8')).toEqual({
      line: 1,
      column: 9,
      message: "not valid JSON: Expected ',' or '}' after property value",
    });
  });

  it('is placed where V8 places it when its message gives no position', () => {
    const texts = ['[1,2,]', '{"a":1,}', '{"a":1 // c\n}', '{\n "a": /* x */ 1}', '{"a": 1', '{"a": \'x\'}', '{"a": tru}', '{"a": "x\ny"}', '{"a":1}}', '{"a" 1}', '[1 2]', '{"a": 01}', '{"a": "abc', '{a: 1}', '[1,,2]', '{,}', '[}', '{"a":[1,{"b":2]}', '{"a":1]', '"abc" x', '{"a": .5}', '{"a": +1}', '\u00a0{}', '{"a": falsy}', '{"a": nul}', 'xyz', '{"a": [true, false, null, -1.5e+3, "\\u00e9\\n"], "b": {}} x'];
    for (const text of texts) {
      expect(jsonSyntaxProblem(text, 'Unexpected token'), text).toEqual({ ...jsonSyntaxProblem(text, v8Message(text)), message: expect.any(String) });
    }
  });

  it('is reported with the duplicate keys before it', () => {
    expect(problems('{"a": 1, "a": 2,\n "b": [1,\n ]}')).toEqual(['1:10: duplicate key "a" (first at 1:2)', `2:9: ${TRAILING_COMMA}`]);
  });

  it('is said in Chinese where the user reads Chinese', () => {
    expect(localise(TRAILING_COMMA, 'zh')).toBe('} 或 ] 前有逗号：JSON 不允许末尾逗号');
    expect(localise(COMMENT, 'zh')).toBe('注释：JSON 不允许注释');
    expect(localise(SINGLE_QUOTE, 'zh')).toBe('单引号字符串：JSON 字符串须用双引号');
    expect(localise(ENDS_TOO_SOON, 'zh')).toBe('文本提前结束：缺少右括号 }、] 或右引号 "');
    expect(localise("not valid JSON: Expected ':' after property name", 'zh')).toBe("不是有效的 JSON：Expected ':' after property name");
  });

  it('in a data folder’s framework file is printed at its place by `validate`, in either language', () => {
    const text = readFileSync(join(FIXTURE_DATA, 'framework/fixture.json'), 'utf8').replace('"Fixture safety index"\n', '"Fixture safety index",\n');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.endsWith('"Fixture safety index",')) + 1;
    const column = lines[line - 1].length;
    const dir = dataDir({ 'framework/fixture.json': text });
    const en = cliWithLocale(['validate', '--data', dir, '--today', TODAY], { LANG: 'en_US.UTF-8' });
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(`framework/fixture.json:${line}:${column}: ${TRAILING_COMMA}\n`);
    const zh = cliWithLocale(['validate', '--data', dir, '--today', TODAY], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toContain(`framework/fixture.json:${line}:${column}: } 或 ] 前有逗号：JSON 不允许末尾逗号\n`);
  });
});
