import { WARNINGS_HELP } from './warnings.ts';

export const EXIT_CODES_HELP = `Exit codes:
  0  ok (for release: written, or unchanged)
  1  the data is invalid: every problem is listed as FILE:LINE:COLUMN: REASON
  2  usage error: unknown command or option, malformed MONTH or --today, a month without data
  3  release conflict or I/O error: nothing partial is left behind
  4  the published releases differ from their manifests or chain.json (a file
     edited or deleted): nothing is written
  130  sensitivity cancelled with Ctrl-C: nothing was written`;

export const MAIN_HELP = `pingan — validate, compute and release the safety index (平安指数)

Usage:
  pingan validate [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--strict] [--json]
  pingan verify [--data DIR] [--out DIR] [--head HASH] [--start-chain] [--json]
  pingan compute [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--json]
  pingan release (MONTH | --all) [--data DIR] [--framework FILE] [--out DIR] [--today YYYY-MM-DD] [--strict] [--json] [--progress]
  pingan sensitivity [--data DIR] [--framework FILE] [--out DIR] [--n N] [--sobol-n N] [--bootstrap B]
                     [--seed S] [--settings FILE.json] [--today YYYY-MM-DD] [--json] [--progress]
  pingan warnings [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--near N] [--json]
  pingan help [COMMAND]      pingan COMMAND --help      pingan --version

Examples:
  pingan validate --data data                check every file in ./data
  pingan compute 2025-10                     print October 2025's index
  pingan release --all --today 2025-11-15    release every month, dated 2025-11-15
  pingan verify                              check the published releases
  LANG=zh_CN.UTF-8 pingan --help             this help in Chinese

Commands:
  validate   check every input file and report every problem at once, and the
             data-quality warnings (problems with --strict); writes nothing
  verify     check every file of every release against its manifest and chain.json
  compute    validate, then compute and print a month (default: the latest)
  release    validate, then write immutable releases: OUT/MONTH/rN/ with release.json,
             release.csv (UTF-8 with BOM, CRLF), inputs.csv and manifest.json
  sensitivity  validate, then run the uncertainty analysis and Sobol' sensitivity of
             the index over every month in a worker thread; writes OUT/uncertainty.csv,
             OUT/sensitivity.csv and OUT/sensitivity.json
  warnings   validate, then print a month's out-of-control indicators (预警): control
             charts of every region's counts against its own history

--framework FILE uses that framework file (e.g. one exported from the workbench)
instead of DIR/framework/*.json; problems in it are reported as FILE: PATH: REASON.

The data directory (default "data") holds publication.json (the publication
configuration: names, regions, denominators and their files, value kinds,
survey months, flags, time zone, release calendar), framework/*.json (one
framework), the regions file, the denominator files and input/*.csv (UTF-8
with or without BOM, or GB18030; Chinese or English headers).

Quarterly indexes: when publication.json says "periods": "quarterly", MONTH is
a quarter YYYY-Qn (e.g. 2025-Q3), the input files' period column is headed
季度 or quarter, releases are written to OUT/YYYY-Qn/rN/, and the changes are
against the previous quarter (环比) and the same quarter a year before (同比).

${EXIT_CODES_HELP}
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  warnings: WARNINGS_HELP,
  validate: `pingan validate [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--strict] [--json]

Reads DIR (default "data") and reports every problem at once, each as
FILE:LINE:COLUMN: REASON (the column is the CSV field number): unknown
regions and indicators, duplicate rows (within and across files, naming both
places), values that do not fit their declared kind (negative, fractional
counts, shares outside 0–100 or 0–1, not numbers), malformed months, months
missing between the first and the last,
months that have not ended by --today (default: today in publication.json's
time zone), periods without a denominator, undecodable, ambiguously encoded or
empty files, missing or unknown columns, rows missing for a region,
indicator and month, survey values outside their schedule, files in input/
that are not read, values with more than 15 significant digits, and months
in range that could not be computed. The same checks run before every
release, so data that validates releases. Data-quality warnings (totals
against the sum of their parts, values far from their own series, shares
that look like fractions, implausible denominators, framework weights) are
listed as "warning: FILE:LINE:COLUMN: REASON"; --strict makes them problems.
It also says what release --all would find in DIR/releases: a release that
fails verification (a problem; exit 4), a published month the data no longer
give an index to (it would be withdrawn), and published months whose inputs
have changed since (they would be revised); the last two are warnings.
Writes nothing.

Examples:
  pingan validate                            check ./data
  pingan validate --data ../shifan --strict  warnings count as problems too
  pingan validate --json > problems.json     every problem as JSON, for a script

Options:
  --data DIR          the data directory (default: data)
  --framework FILE    use this framework file instead of DIR/framework/*.json
  --today YYYY-MM-DD  the date to judge future months by (default: today in the index's time zone)
  --strict            data-quality warnings are problems (exit 1)
  --json              print {ok, problems: [{file, line, column, value, reason, message}], warnings, …}

${EXIT_CODES_HELP}
`,
  compute: `pingan compute [MONTH] [--data DIR] [--framework FILE] [--today YYYY-MM-DD] [--json]

Validates the data, then computes MONTH (YYYY-MM; default: the latest month
with data) from the months MONTH−23 to MONTH, and prints each region's index
and band, the sub-indices and the month-on-month (环比) and year-on-year
(同比) changes. Writes nothing.

Examples:
  pingan compute                             the latest month
  pingan compute 2025-10 --data ../shifan    October 2025 of another data folder
  pingan compute 2025-10 --json              the month as release.json will have it

Options:
  --data DIR          the data directory (default: data)
  --framework FILE    use this framework file instead of DIR/framework/*.json
  --today YYYY-MM-DD  the date to judge future months by (default: today)
  --json              print the month as release.json has it, with the provenance

${EXIT_CODES_HELP}
`,
  release: `pingan release (MONTH | --all) [--data DIR] [--framework FILE] [--out DIR] [--today YYYY-MM-DD] [--strict] [--json] [--progress]

Validates the data (the checks of validate), removes the temporary folders
of interrupted runs, verifies the published releases against their
manifests and OUT/chain.json (exit 4 when anything differs), then writes
OUT/MONTH/rN/ (release.json, release.csv, inputs.csv, manifest.json) and
OUT/MONTH/revisions.json for MONTH, or for every month from the first whose
windows are full to the last (--all), and adds each to OUT/chain.json. A
month before the first full window is listed as skipped; with --all, a
published month the data can no longer compute is withdrawn
(OUT/MONTH/withdrawn.json, chained). The warnings of the months a release
reads are written into its release.json as "notes". Releases are immutable: when the latest revision was computed from
the same inputs nothing is written ("unchanged"); otherwise a new revision
rN+1 is written beside it, and revisions.json lists the input cells that
changed. Each revision is built in a temporary directory inside OUT and
renamed into place. The manifest's date is --today, so runs are reproducible.

Examples:
  pingan release 2025-10 --today 2025-11-15  release October 2025, dated 2025-11-15
  pingan release --all --out site-releases   every month, into ./site-releases
  pingan release --all --strict --json       stop on any data-quality warning; JSON report

Options:
  --all               release every month with an index
  --data DIR          the data directory (default: data)
  --framework FILE    use this framework file instead of DIR/framework/*.json
  --out DIR           the releases directory (default: DIR/releases)
  --today YYYY-MM-DD  the release date and the date to judge future months by (default: today in the index's time zone)
  --strict            data-quality warnings are problems: nothing is released
  --json              print {ok, outDir, removed, repaired, warnings, releases: [{month, status, revision, path, changes}]}
  --progress          show progress on stderr even when it is not a terminal

${EXIT_CODES_HELP}
`,
  verify: `pingan verify [--data DIR] [--out DIR] [--head HASH] [--start-chain] [--json]

Checks the releases folder OUT (default DIR/releases) without writing: every
revision's files against the SHA-256 in its manifest.json, every manifest
and withdrawal against OUT/chain.json (each entry holds the hash of the one
before it), each revisions.json against its manifests, and that nothing is
in the folder that the chain does not hold. Every problem is listed as
OUT/PATH: REASON, with exit 4. A chain cut back at its end (its last entries
removed with their files) still verifies by itself: give a head published
earlier (the site's downloads page shows it) with --head to check the chain
still holds it.

Examples:
  pingan verify                              check data/releases
  pingan verify --out /srv/pingan/releases   check a published copy
  pingan verify --head 3f2a…                 and that it still holds the head published before

Options:
  --data DIR          the data directory (default: data)
  --out DIR           the releases folder (default: DIR/releases)
  --head HASH         a chain head published earlier: the chain must still hold it
  --start-chain       for a folder published before chains existed: check every
                      file against its manifest, then write chain.json (once)
  --json              print {ok, outDir, months, revisions, withdrawn, chainHead, problems}

${EXIT_CODES_HELP}
`,
  sensitivity: `pingan sensitivity [--data DIR] [--framework FILE] [--out DIR] [--n N] [--sobol-n N]
                   [--bootstrap B] [--seed S] [--settings FILE.json] [--today YYYY-MM-DD] [--json] [--progress]

Validates the data (exit 1 when it is invalid), then, over every month and
region, runs in a worker thread:
  1. a Monte Carlo uncertainty analysis: N runs (default 200), each drawing one
     alternative of every setting, rebuilding the index and ranking the
     regions within each month;
  2. Sobol' sensitivity of the mean absolute rank shift to each setting:
     Saltelli's design with base size --sobol-n (default 128; N × (k + 2) runs
     for k settings), Jansen's estimators, --bootstrap resamples (default 100)
     for 95% intervals.
Default settings:
  weights        100 sets of noisy weights: every weight at levels 1 and 2 (the
                 indicators and the first-level groups) times 1 + 0.25·U(−1, 1),
                 seeded with --seed
  aggregation    arithmetic or geometric mean at every aggregate
  normalisation  the framework's own, or min-max 1–100 over the whole panel
                 (scope "panel"; 1, not 0, so a geometric mean never meets a zero)
--settings FILE.json replaces them with an array of @pingan/core SettingSpec, e.g.
  [{"kind": "aggregation", "alternatives": [{"method": "arithmetic"}, {"method": "geometric"}]},
   {"kind": "normalisation", "alternatives": ["framework", {"method": "rank"}]},
   {"kind": "noisyWeights", "noise": 0.5, "levels": [2], "samples": 50}]
("framework" keeps each indicator's own normalisation; noisy weights without a
seed get --seed). Writes, each file replaced by a rename from a temporary
directory inside OUT:
  uncertainty.csv   region, month, nominal, median, p05, p95, rank_nominal, rank_median,
                    rank_p05, rank_p95, mean_abs_rank_shift (UTF-8 with BOM, CRLF)
  sensitivity.csv   setting, first, first_low, first_high, total, total_low, total_high
  sensitivity.json  everything: the settings described, seed, N, every run, the
                    provenance hash of framework and data, the library version
The same data, framework, settings and seed give byte-identical files.
Ctrl-C stops the worker at once and exits with 130; nothing is written.

Examples:
  pingan sensitivity --n 50 --sobol-n 32     a quick first look
  pingan sensitivity --seed 7 --out analysis  another seed, into ./analysis
  pingan sensitivity --settings settings.json  your own settings

Options:
  --data DIR          the data directory (default: data)
  --framework FILE    use this framework file instead of DIR/framework/*.json
  --out DIR           where the three files go (default: artifacts/sensitivity)
  --n N               Monte Carlo runs of the uncertainty analysis (default: 200)
  --sobol-n N         base sample size of the Sobol' design (default: 128)
  --bootstrap B       bootstrap resamples of the Sobol' intervals (default: 100)
  --seed S            seed of the draws, the noisy weights and the bootstrap (default: 1)
  --settings FILE     a JSON array of settings instead of the defaults
  --today YYYY-MM-DD  the date to judge future months by (default: today)
  --json              print {ok, outDir, files, provenance, uncertainty, sensitivity}
  --progress          show progress bars on stderr even when it is not a terminal

${EXIT_CODES_HELP}
`,
};
