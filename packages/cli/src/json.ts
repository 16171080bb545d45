/**
 * Deterministic JSON: keys in the order the objects were built (every
 * object written by the CLI is built in a fixed order, and none has keys
 * that look like array indices, which JavaScript would reorder), 2-space
 * indentation and a trailing newline.
 *
 * @example
 * stableJson({ a: 1 }); // '{\n  "a": 1\n}\n'
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
