/**
 * The one schema of the published release files (`release.json`,
 * `manifest.json`, `revisions.json`, `withdrawn.json`, the rows of
 * `inputs.csv`, and the releases folder's `chain.json`). The CLI writes
 * through it and the site reads through it; the TypeScript types are
 * inferred from it. Objects are strict: a file with a key the format does
 * not know is refused, so a hand edit cannot slip a field past a reader.
 */
import { z } from 'zod';

/** A published decimal as text, e.g. "85.12", "-0.40", "12". */
export const DecimalText = z.string().regex(/^-?(\d+(\.\d+)?|\.\d+)$/, 'expected a decimal string such as "85.12"');
/** `YYYY-MM`. */
export const MonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
/** `YYYY-MM-DD`. */
export const DayText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
/** A SHA-256 digest as 64 lower-case hex digits. */
export const Sha256Text = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 hex digits)');

const Names = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const Changes = z.strictObject({ mom: DecimalText.nullable(), yoy: DecimalText.nullable() });
const Band = z.strictObject({ code: z.string().min(1), name: Names });

export const PublishedAggregateSchema = z.strictObject({
  code: z.string().min(1),
  level: z.number().int().positive(),
  parent: z.string().min(1).nullable(),
  name: Names,
  value: DecimalText.nullable(),
  band: Band.nullable(),
  flags: z.array(z.string()),
  change: Changes,
});

export const PublishedIndicatorSchema = z.strictObject({
  code: z.string().min(1),
  parent: z.string().min(1),
  name: Names,
  unit: Names.nullable(),
  direction: z.union([z.literal(1), z.literal(-1)]),
  /** The month's own count or share, exactly as given (null when not given). */
  raw: DecimalText.nullable(),
  /** Denominated and windowed, imputed where flagged. */
  rate: DecimalText.nullable(),
  score: DecimalText.nullable(),
  flags: z.array(z.string()),
  /** Change of the score. */
  change: Changes,
  /** What the indicator contributed to the index's change. */
  contribution: Changes,
});

export const PublishedRegionSchema = z
  .strictObject({
    code: z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code'),
    name: Names,
    level: z.string().min(1),
    parent: z.string().nullable(),
    aggregates: z.array(PublishedAggregateSchema).min(1),
    indicators: z.array(PublishedIndicatorSchema).min(1),
  })
  .refine((r) => r.aggregates[0].parent === null, { message: 'the first aggregate must be the index (parent null)' });

/** The published figures of one month, without revision and date. */
export const PublishedMonthSchema = z.strictObject({
  month: MonthText,
  framework: z.strictObject({ id: z.string().min(1), version: z.string().min(1), name: Names }),
  decimals: z.number().int().nonnegative(),
  note: z.string().min(1).optional(),
  regions: z.array(PublishedRegionSchema).min(1),
});

/** release.json. */
export const ReleaseJsonSchema = z.strictObject({
  month: MonthText,
  revision: z.number().int().positive(),
  date: DayText,
  framework: z.strictObject({ id: z.string().min(1), version: z.string().min(1), name: Names }),
  decimals: z.number().int().nonnegative(),
  note: z.string().min(1).optional(),
  /** Warnings of the data-quality checks the release was published with. */
  notes: z.array(z.string().min(1)).optional(),
  regions: z.array(PublishedRegionSchema).min(1),
});

/** One input cell that differs from the previous revision. */
export const CellChangeSchema = z.strictObject({
  region: z.string(),
  indicator: z.string(),
  month: MonthText,
  before: DecimalText.nullable(),
  after: DecimalText.nullable(),
  flagBefore: z.string().optional(),
  flagAfter: z.string().optional(),
});

const FileHash = z.strictObject({ file: z.string().min(1), sha256: Sha256Text });

/** manifest.json. */
export const ManifestSchema = z.strictObject({
  month: MonthText,
  revision: z.number().int().positive(),
  date: DayText,
  /** The day the next period's figures are due by the publication's release calendar; null when the calendar has no date for it. */
  nextRelease: DayText.nullable(),
  inputHash: Sha256Text,
  previous: z.strictObject({ revision: z.number().int().positive(), inputHash: Sha256Text }).nullable(),
  changed: z.array(z.enum(['data', 'framework', 'options', 'library', 'regions'])),
  changes: z.array(CellChangeSchema),
  framework: z.strictObject({ id: z.string().min(1), version: z.string().min(1), file: z.string().min(1).nullable(), sha256: Sha256Text.nullable() }),
  provenance: z.strictObject({
    hash: Sha256Text,
    frameworkHash: Sha256Text,
    dataHash: Sha256Text,
    optionsHash: Sha256Text,
    library: z.string().min(1),
    libraryVersion: z.string().min(1),
  }),
  months: z.strictObject({ from: MonthText, to: MonthText }),
  inputs: z.array(FileHash),
  reference: z.array(FileHash),
  files: z.array(FileHash).min(1),
  software: z.strictObject({
    cli: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }),
    library: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }),
  }),
});

/** One entry of revisions.json. */
export const RevisionEntrySchema = z.strictObject({
  revision: z.number().int().positive(),
  date: DayText,
  previousHash: Sha256Text.nullable(),
  hash: Sha256Text,
  changes: z.array(CellChangeSchema),
});

/** revisions.json: every revision of a month, rebuilt from the revisions' manifests. */
export const RevisionsJsonSchema = z.strictObject({ month: MonthText, revisions: z.array(RevisionEntrySchema).min(1) });

/** withdrawn.json: a published month that the data can no longer compute. */
export const WithdrawalSchema = z.strictObject({
  month: MonthText,
  /** The revision withdrawn (the latest when the withdrawal was written). */
  revision: z.number().int().positive(),
  date: DayText,
  reason: z.string().min(1),
});

/** One row of inputs.csv: an input cell a release read, the value exactly as given. */
export const InputCellSchema = z.strictObject({
  region: z.string().min(1),
  month: MonthText,
  indicator: z.string().min(1),
  value: DecimalText.nullable(),
  flag: z.string(),
});

/** One link of the releases' chain: a revision or a withdrawal, hashed together with its predecessor. */
export const ChainEntrySchema = z.strictObject({
  kind: z.enum(['revision', 'withdrawal']),
  month: MonthText,
  revision: z.number().int().positive(),
  date: DayText,
  /** The release's input hash (manifest.inputHash); for a withdrawal, that of the revision withdrawn. */
  inputHash: Sha256Text,
  /** SHA-256 of the revision's manifest.json (which holds the hashes of its other files), or of withdrawn.json. */
  sha256: Sha256Text,
  /** The previous entry's `hash`; null for the first. */
  previous: Sha256Text.nullable(),
  /** SHA-256 of the canonical JSON of this entry without `hash`. */
  hash: Sha256Text,
});

/** chain.json, beside the months in the releases folder. */
export const ChainSchema = z.strictObject({
  /** The chain's format version. */
  format: z.literal(1),
  entries: z.array(ChainEntrySchema),
});

export type DecimalText = z.output<typeof DecimalText>;
export type PublishedAggregate = z.output<typeof PublishedAggregateSchema>;
export type PublishedIndicator = z.output<typeof PublishedIndicatorSchema>;
export type PublishedRegion = z.output<typeof PublishedRegionSchema>;
export type PublishedMonth = z.output<typeof PublishedMonthSchema>;
export type ReleaseJson = z.output<typeof ReleaseJsonSchema>;
export type CellChange = z.output<typeof CellChangeSchema>;
export type Manifest = z.output<typeof ManifestSchema>;
export type RevisionEntry = z.output<typeof RevisionEntrySchema>;
export type RevisionsJson = z.output<typeof RevisionsJsonSchema>;
export type Withdrawal = z.output<typeof WithdrawalSchema>;
export type InputCell = z.output<typeof InputCellSchema>;
export type ChainEntry = z.output<typeof ChainEntrySchema>;
export type Chain = z.output<typeof ChainSchema>;
