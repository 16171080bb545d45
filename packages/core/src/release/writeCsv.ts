/** One CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV text with the given line break (default LF; a null cell is empty);
 * with `bom`, a UTF-8 byte order mark first, so that Excel opens it as
 * UTF-8. The one writer of the release files' CSV (release.csv,
 * inputs.csv) and of the CSV files built from them.
 *
 * @example
 * writeCsv([['a', 'b,c']], { newline: '\r\n' }); // 'a,"b,c"\r\n'
 */
export function writeCsv(rows: readonly (readonly (string | null)[])[], options: { newline?: string; bom?: boolean } = {}): string {
  const newline = options.newline ?? '\n';
  const body = rows.map((row) => row.map((cell) => csvCell(cell ?? '')).join(',')).join(newline) + newline;
  return options.bom ? `\uFEFF${body}` : body;
}
