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
/**
 * A release's period: `YYYY-MM`, or `YYYY-Qn` for a quarterly index. The
 * field keeps its name `month` in either case, so that monthly releases keep
 * their format byte for byte.
 */
export const MonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'expected YYYY-MM (or YYYY-Qn for a quarterly index)');
/** `YYYY-MM-DD`. */
export const DayText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
/** A SHA-256 digest as 64 lower-case hex digits. */
export const Sha256Text = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest (64 hex digits)');

const Names = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
const Changes = z.strictObject({ mom: DecimalText.nullable(), yoy: DecimalText.nullable() });
const Band = z.strictObject({ code: z.string().min(1), name: Names });

/**
 * The release format: absent (format 1) before issue 9; 2 adds each
 * figure's interval, the verdicts of its changes, the regions' rank
 * intervals and the month's early warnings. Old revisions keep their format.
 */
export const RELEASE_FORMAT = 2;

/**
 * The uncertainty model of a release's intervals (format 2). Model 1 (no
 * `uncertaintyModel` in the manifest, no `model` in release.json): normal
 * intervals from the standard errors, capped scores as censored normals, a
 * count's level μ̂ with Jeffreys' ½ and its over-dispersion φ̂ floored at 1.
 * Model 2: rare counts by their exact distributions (`latticeIntervals`),
 * μ̂ with Kerman's neutral prior count ⅓, and φ̂ only where Pearson's
 * dispersion test rejects the Poisson at 5%. Model 3: the same model,
 * computed faster: a figure whose count lattice is washed out by its normal
 * part or finer than 0.1 of its sd takes a Cornish–Fisher quantile from its
 * cumulants (within 2% of the interval's width of the exact one on the
 * sample history); the others are computed exactly as in model 2. Model 4:
 * the same noise model, computed faster and closer: a figure the fast path
 * cannot take builds only its lead components (one to four), the rest by its
 * Edgeworth expansion from its four cumulants; a capped score is enumerated
 * only where a value of its counts' own supports (probabilities ≥ 1e-10)
 * reaches a cap (model 3: wherever mean ± 7.5 sd + 3φ + 3 did, with a
 * censored normal where that enumeration was too large), and its
 * enumeration is binned to 1/256 of its sd; every endpoint within 2% of the
 * interval's width (or 0.005) of the exact computation at 4,096 grid points
 * on the sample history, where model 3's was up to 11% off. Model 5: the same
 * intervals; a change's verdict is read off its interval as published
 * (rounded to the framework's decimals), so "−2.48 to 0.00" and "0.00 to
 * 0.00" are broadly unchanged, as a reader sees them (model 4 read it off the
 * unrounded interval, where a bound of −0.001, or a rounding residue of
 * −1e-15 for a score capped in both months, made them 下降 / up). Model 6: the
 * same intervals and verdicts; the rank intervals and the probability that a
 * region is safer than the next are drawn from split normals matched to each
 * region's published interval of the index (its value the median, the
 * interval's ends its 5th and 95th percentiles), not from a normal of its
 * standard error, which ranked a small district whose index hangs on a rare
 * count too surely. A new model is published as a new revision of every
 * month, with `uncertainty` among its `changed`.
 */
export const UNCERTAINTY_MODEL = 6;

/** A change's interval and its verdict (上升 up / 下降 down / 基本持平 broadly unchanged: the interval excludes zero or not). */
const ChangeInterval = z.strictObject({ lower: DecimalText, upper: DecimalText, verdict: z.enum(['up', 'down', 'unchanged']) });

/** A figure's uncertainty (format 2): its interval and those of its changes, at the release's `uncertainty.level`; null where missing. */
export const NodeUncertaintySchema = z.strictObject({
  interval: z.strictObject({ lower: DecimalText, upper: DecimalText }).nullable(),
  mom: ChangeInterval.nullable(),
  yoy: ChangeInterval.nullable(),
});

/** A region's rank by the index among the ranked regions (1 = safest) and its interval (format 2). */
export const RankSchema = z.strictObject({ rank: z.number().int().positive(), lower: z.number().int().positive(), upper: z.number().int().positive() });

/** How the release's intervals were computed (format 2). */
export const UncertaintySchema = z.strictObject({
  /** `analytic` (the pipeline is linear in the counts) or a seeded parametric `bootstrap`. */
  method: z.enum(['analytic', 'bootstrap']),
  /** The uncertainty model (`UNCERTAINTY_MODEL`; absent: model 1). */
  model: z.number().int().min(2).max(UNCERTAINTY_MODEL).optional(),
  /** The intervals' level, e.g. 0.9. */
  level: z.number().gt(0).lt(1),
  /** Replicates of the bootstrap and the rank intervals, and their seed. */
  draws: z.number().int().positive(),
  seed: z.number().int(),
  /** The months read for the noise model's baseline: from … to the release month. */
  baseline: z.strictObject({ from: MonthText, to: MonthText }),
  /** The ranking: the node ranked, and for neighbours the probability that the higher-ranked region is really safer. */
  ranking: z.strictObject({
    code: z.string().min(1),
    neighbours: z.array(z.strictObject({ higher: z.string().min(1), lower: z.string().min(1), probability: DecimalText })),
  }),
});

/** One out-of-control region × indicator of the month, with its control chart's recent history. */
export const EarlyWarningSchema = z.strictObject({
  region: z.string().min(1),
  indicator: z.string().min(1),
  observed: DecimalText,
  expected: DecimalText,
  ewma: DecimalText,
  limit: DecimalText,
  /** The episode starts this month. */
  newAlarm: z.boolean(),
  /** The chart's charted months up to the release month (oldest first). */
  history: z.array(z.strictObject({ month: MonthText, observed: DecimalText, expected: DecimalText, ewma: DecimalText })).min(1),
});

/** The month's early warning (format 2): the chart's settings, how many charts were drawn, and those out of control. */
export const WarningsSchema = z.strictObject({
  chart: z.strictObject({ lambda: z.number().positive(), limitSigmas: z.number().positive(), runLength: z.number().positive() }),
  charted: z.number().int().nonnegative(),
  outOfControl: z.array(EarlyWarningSchema),
});

export const PublishedAggregateSchema = z.strictObject({
  code: z.string().min(1),
  level: z.number().int().positive(),
  parent: z.string().min(1).nullable(),
  name: Names,
  value: DecimalText.nullable(),
  band: Band.nullable(),
  flags: z.array(z.string()),
  change: Changes,
  uncertainty: NodeUncertaintySchema.optional(),
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
  uncertainty: NodeUncertaintySchema.optional(),
});

export const PublishedRegionSchema = z
  .strictObject({
    code: z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code'),
    name: Names,
    level: z.string().min(1),
    parent: z.string().nullable(),
    /** Only for the ranked regions (format 2). */
    rank: RankSchema.optional(),
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
  uncertainty: UncertaintySchema.optional(),
  warnings: WarningsSchema.optional(),
  regions: z.array(PublishedRegionSchema).min(1),
});

/** release.json (`format` absent: format 1, without uncertainty). */
export const ReleaseJsonSchema = z
  .strictObject({
    format: z.literal(RELEASE_FORMAT).optional(),
    month: MonthText,
    revision: z.number().int().positive(),
    date: DayText,
    framework: z.strictObject({ id: z.string().min(1), version: z.string().min(1), name: Names }),
    decimals: z.number().int().nonnegative(),
    note: z.string().min(1).optional(),
    /** Warnings of the data-quality checks the release was published with. */
    notes: z.array(z.string().min(1)).optional(),
    uncertainty: UncertaintySchema.optional(),
    warnings: WarningsSchema.optional(),
    regions: z.array(PublishedRegionSchema).min(1),
  })
  .refine((r) => (r.format === RELEASE_FORMAT) === (r.uncertainty !== undefined && r.warnings !== undefined), {
    message: `format ${RELEASE_FORMAT} carries uncertainty and warnings, format 1 (no "format") neither`,
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
  /** The release format of the revision's release.json (absent: 1). */
  format: z.literal(RELEASE_FORMAT).optional(),
  month: MonthText,
  revision: z.number().int().positive(),
  date: DayText,
  /** The day the next period's figures are due by the publication's release calendar; null when the calendar has no date for it. */
  nextRelease: DayText.nullable(),
  inputHash: Sha256Text,
  previous: z.strictObject({ revision: z.number().int().positive(), inputHash: Sha256Text }).nullable(),
  /** The uncertainty model of the revision's intervals (`UNCERTAINTY_MODEL`; absent: model 1). */
  uncertaintyModel: z.number().int().min(2).max(UNCERTAINTY_MODEL).optional(),
  changed: z.array(z.enum(['data', 'framework', 'options', 'library', 'regions', 'format', 'uncertainty'])),
  /** Why the pipeline wrote this revision, when it is not (only) a change of the input cells, e.g. a new release format. */
  reason: z.string().min(1).optional(),
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
  /** The manifest's `reason`, when it has one. */
  reason: z.string().min(1).optional(),
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
export type PublishedUncertainty = z.output<typeof NodeUncertaintySchema>;
export type ReleaseUncertainty = z.output<typeof UncertaintySchema>;
export type ReleaseWarnings = z.output<typeof WarningsSchema>;
export type ReleaseEarlyWarning = z.output<typeof EarlyWarningSchema>;
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
