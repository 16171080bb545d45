import { because } from './i18n/reason.ts';
/** A problem in a JSON text, with its place (1-based line and column). */
export interface JsonProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The greatest nesting of objects and arrays accepted. */
export const MAX_JSON_DEPTH = 256;

/**
 * Parses JSON text and refuses what `JSON.parse` lets through silently: a
 * key given twice in one object (the last would win unseen) and nesting
 * deeper than `MAX_JSON_DEPTH`. Scans without recursion, so a deep document
 * cannot overflow the stack.
 *
 * @example
 * parseJsonStrict('{"a": 1, "a": 2}'); // { ok: false, problems: [{ line: 1, column: 10, message: 'duplicate key "a" (first at 1:2)' }] }
 */
export function parseJsonStrict(text: string): { ok: true; value: unknown } | { ok: false; problems: JsonProblem[] } {
  const problems: JsonProblem[] = [];
  const stack: { keys: Map<string, string> | null; expectKey: boolean }[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
    } else if (ch === '{' || ch === '[') {
      stack.push({ keys: ch === '{' ? new Map() : null, expectKey: ch === '{' });
      if (stack.length > MAX_JSON_DEPTH) {
        problems.push({ line, column: i - lineStart + 1, message: because`nested deeper than ${MAX_JSON_DEPTH} levels` });
        return { ok: false, problems };
      }
    } else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (ch === '"') {
      const start = i;
      const column = i - lineStart + 1;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          key = text.slice(start + 1, i);
        }
        const first = top.keys.get(key);
        const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
        if (first !== undefined) problems.push({ line, column, message: because`duplicate key ${JSON.stringify(shown)} (first at ${first})` });
        else top.keys.set(key, `${line}:${column}`);
        top.expectKey = false;
      }
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const syntax = jsonSyntaxProblem(text, (error as Error).message);
    // The keys before the error were read from valid JSON, so their duplicates are real too.
    const before = problems.filter((p) => p.line < syntax.line || (p.line === syntax.line && p.column < syntax.column));
    return { ok: false, problems: [...before, syntax] };
  }
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** JSON's whitespace (RFC 8259): nothing else may stand between tokens. */
const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/**
 * The place and reason of a JSON syntax error, from `JSON.parse`'s message
 * and the text. The place is the message's "at position N" (Node 20's and
 * later V8's; the "(line L column C)" newer V8 adds is not needed), the end
 * of the text for "Unexpected end of JSON input", and otherwise (V8's
 * "Unexpected token 'x', "…" is not valid JSON" gives no position) where a
 * scan of the text finds the grammar first broken. Lines and columns are
 * counted as `parseJsonStrict` counts them (lines end at "\n", columns are
 * UTF-16 code units from 1); an error at the end is placed just after the
 * last character that is not whitespace. What hand-edited JSON often has is
 * named plainly: a trailing comma (placed at the comma), a comment, a
 * single-quoted string, a text that ends too soon; anything else keeps V8's
 * words without their position.
 *
 * @example
 * jsonSyntaxProblem('{"a": 1,\n}', 'Unexpected token } in JSON at position 9');
 * // { line: 1, column: 8, message: 'a comma before } or ]: JSON allows no trailing comma' }
 */
export function jsonSyntaxProblem(text: string, message: string): JsonProblem {
  const at = /\bat position (\d+)/.exec(message);
  const found = at ? Number(at[1]) : /^Unexpected end of JSON input/.test(message) ? text.length : firstSyntaxError(text);
  let end = text.length;
  while (end > 0 && isBlank(text[end - 1])) end--;
  const position = found < 0 ? 0 : Math.min(found, end);
  const place = (i: number) => placeOf(text, i);
  if (end === 0) return { ...place(0), message: because`empty: no JSON value` };
  if (position === end) return { ...place(end), message: because`the text ends too soon: a closing }, ] or " is missing` };
  const ch = text[position];
  if (ch === '/' && (text[position + 1] === '/' || text[position + 1] === '*')) return { ...place(position), message: because`a comment: JSON allows no comments` };
  if (ch === "'") return { ...place(position), message: because`a single-quoted string: JSON strings take double quotes` };
  if (ch === '}' || ch === ']') {
    let before = position - 1;
    while (before >= 0 && isBlank(text[before])) before--;
    if (text[before] === ',') return { ...place(before), message: because`a comma before } or ]: JSON allows no trailing comma` };
  }
  const words = message
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ (?:in JSON )?at position \d+[\s\S]*$/, '')
    .slice(0, 200)
    // A reason is one line: V8 quotes an unexpected newline or tab as it is.
    // eslint-disable-next-line no-control-regex -- the control characters are what is replaced
    .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1));
  return { ...place(position), message: because`not valid JSON: ${words}` };
}

/** The 1-based line and column of a position in the text. */
function placeOf(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A string's opening quote and the characters it may hold (no control characters, only JSON's escapes). */
// eslint-disable-next-line no-control-regex -- JSON strings may not hold control characters: the scan stops at one
const STRING_START = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/**
 * Where JSON text first breaks the grammar (RFC 8259), scanned without
 * recursion; -1 when it does not. For the place of an error whose message
 * gives none.
 */
function firstSyntaxError(text: string): number {
  const open: ('{' | '[')[] = [];
  // What may come next: a value; a value or "]" (just after "["); a key; a key or "}" (just after "{"); ":"; "," or the closer (after a value).
  let expect: 'value' | 'value]' | 'key' | 'key}' | ':' | 'next' = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && isBlank(text[i])) i++;
    if (i === text.length) return expect === 'next' && open.length === 0 ? -1 : i;
    const ch = text[i];
    const wantsKey: boolean = expect === 'key' || expect === 'key}';
    if (expect === 'next') {
      const close = open[open.length - 1] === '{' ? '}' : ']';
      if (open.length === 0) return i;
      if (ch === ',') expect = close === '}' ? 'key' : 'value';
      else if (ch === close) open.pop();
      else return i;
      i++;
    } else if (expect === ':') {
      if (ch !== ':') return i;
      i++;
      expect = 'value';
    } else if ((expect === 'key}' && ch === '}') || (expect === 'value]' && ch === ']')) {
      open.pop();
      i++;
      expect = 'next';
    } else if (ch === '"') {
      STRING_START.lastIndex = i;
      i += STRING_START.exec(text)![0].length;
      if (text[i] !== '"') return i;
      i++;
      expect = wantsKey ? ':' : 'next';
    } else if (wantsKey) {
      return i;
    } else if (ch === '{' || ch === '[') {
      open.push(ch);
      i++;
      expect = ch === '{' ? 'key}' : 'value]';
    } else if (ch === 't' || ch === 'f' || ch === 'n') {
      // Letter by letter, as JSON.parse reads it: "tru}" breaks at the "}".
      for (const letter of ch === 't' ? 'true' : ch === 'f' ? 'false' : 'null') {
        if (text[i] !== letter) return i;
        i++;
      }
      expect = 'next';
    } else {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text);
      if (!number) return i;
      i += number[0].length;
      expect = 'next';
    }
  }
}
