/** The width of text in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * A plain-text table: the first `left` columns (default 1) left-aligned, as
 * text reads, the others right-aligned, as numbers do; columns two spaces
 * apart, widths measured for CJK text.
 *
 * @example
 * textTable([['a', 'b'], ['xx', '1']]); // 'a    b\nxx   1\n'
 * textTable([['a', 'b', 'n'], ['xx', 'y', '10']], 2); // 'a   b   n\nxx  y  10\n'
 */
export function textTable(rows: readonly (readonly string[])[], left = 1): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = ' '.repeat(widths[i] - displayWidth(cell));
          return i < left ? cell + pad : pad + cell;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
