export const EXIT_CODES_HELP = `Exit codes:
  0  ok (for release: written, or unchanged)
  1  the data is invalid: every problem is listed as FILE:LINE:COLUMN: REASON
  2  usage error: unknown command or option, malformed MONTH or --today, a month without data
  3  release conflict or I/O error: nothing partial is left behind`;

export const MAIN_HELP = `pingan — validate, compute and release the safety index (平安指数)

Usage:
  pingan validate [--data DIR] [--today YYYY-MM-DD] [--json]
  pingan compute [MONTH] [--data DIR] [--today YYYY-MM-DD] [--json]
  pingan release (MONTH | --all) [--data DIR] [--out DIR] [--today YYYY-MM-DD] [--json] [--progress]
  pingan help [COMMAND]      pingan COMMAND --help      pingan --version

Commands:
  validate   check every input file and report every problem at once; writes nothing
  compute    validate, then compute and print a month (default: the latest)
  release    validate, then write immutable releases: OUT/MONTH/rN/ with release.json,
             release.csv (UTF-8 with BOM, CRLF), inputs.csv and manifest.json

The data directory (default "data") holds framework/*.json (one framework),
regions.csv, population.csv and input/*.csv (UTF-8 with or without BOM, or
GB18030; Chinese or English headers).

${EXIT_CODES_HELP}
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  validate: `pingan validate [--data DIR] [--today YYYY-MM-DD] [--json]

Reads DIR (default "data") and reports every problem at once, each as
FILE:LINE:COLUMN: REASON (the column is the CSV field number): unknown
regions and indicators, duplicate rows (within and across files, naming both
places), counts that are negative, fractional or not numbers, shares outside
0–100, malformed months, months missing between the first and the last,
months that have not ended by --today (default: today), years without
population, undecodable or empty files, missing or unknown columns.
Writes nothing.

Options:
  --data DIR          the data directory (default: data)
  --today YYYY-MM-DD  the date to judge future months by (default: today)
  --json              print {ok, problems: [{file, line, column, value, reason, message}], …}

${EXIT_CODES_HELP}
`,
  compute: `pingan compute [MONTH] [--data DIR] [--today YYYY-MM-DD] [--json]

Validates the data, then computes MONTH (YYYY-MM; default: the latest month
with data) from the months MONTH−23 to MONTH, and prints each region's index
and band, the sub-indices and the month-on-month (环比) and year-on-year
(同比) changes. Writes nothing.

Options:
  --data DIR          the data directory (default: data)
  --today YYYY-MM-DD  the date to judge future months by (default: today)
  --json              print the month as release.json has it, with the provenance

${EXIT_CODES_HELP}
`,
  release: `pingan release (MONTH | --all) [--data DIR] [--out DIR] [--today YYYY-MM-DD] [--json] [--progress]

Validates the data, then writes OUT/MONTH/rN/ (release.json, release.csv,
inputs.csv, manifest.json) and OUT/MONTH/revisions.json for MONTH, or for
every month with an index (--all; months whose windows lack data are
skipped). Releases are immutable: when the latest revision was computed from
the same inputs nothing is written ("unchanged"); otherwise a new revision
rN+1 is written beside it, and revisions.json lists the input cells that
changed. Each revision is built in a temporary directory inside OUT and
renamed into place. The manifest's date is --today, so runs are reproducible.

Options:
  --all               release every month with an index
  --data DIR          the data directory (default: data)
  --out DIR           the releases directory (default: DIR/releases)
  --today YYYY-MM-DD  the release date and the date to judge future months by (default: today)
  --json              print {ok, outDir, releases: [{month, status, revision, path, changes}]}
  --progress          show progress on stderr even when it is not a terminal

${EXIT_CODES_HELP}
`,
};
