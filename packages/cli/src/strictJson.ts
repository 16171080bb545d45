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
    return { ok: false, problems: [{ line: 1, column: 1, message: because`not valid JSON: ${(error as Error).message.slice(0, 200)}` }] };
  }
  return problems.length ? { ok: false, problems } : { ok: true, value };
}
