import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { canonicalJson } from './canonicalJson.ts';
import { sha256, sha256Bytes, utf8 } from './sha256.ts';
import { LIBRARY_NAME, LIBRARY_VERSION } from './version.ts';

/** What a result was computed from, as stable hashes. */
export interface Provenance {
  /** SHA-256 over the framework, data, options and library hashes together. */
  readonly hash: string;
  readonly frameworkHash: string;
  readonly dataHash: string;
  /** SHA-256 of the build options (canonical JSON). */
  readonly optionsHash: string;
  readonly library: string;
  readonly libraryVersion: string;
}

/**
 * The SHA-256 of a framework's validated document (defaults filled in), in
 * canonical JSON: key order and white space in the file do not change it.
 *
 * @example
 * frameworkHash(fw); // '3f1c…' (64 hex digits)
 */
export function frameworkHash(framework: Framework): string {
  return sha256(canonicalJson(framework.document));
}

/**
 * The SHA-256 of a panel: its units, periods and codes (as canonical JSON),
 * then its values as little-endian float64 bytes and its flags. Every missing
 * value is hashed as the same NaN and −0 as 0, so equal panels hash equal.
 *
 * @example
 * dataHash(createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], values: [1] })); // 64 hex digits
 */
export function dataHash(panel: Panel): string {
  const known = dataHashes.get(panel);
  if (known !== undefined) return known;
  const values = new Float64Array(panel.values.length);
  const view = new DataView(values.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = panel.values[i];
    // Little-endian on every platform; NaN and −0 in one canonical form.
    view.setFloat64(i * 8, v !== v ? Number.NaN : v === 0 ? 0 : v, true);
  }
  const labels = utf8(canonicalJson({ units: panel.units, periods: panel.periods, codes: panel.codes }));
  const hash = sha256Bytes(labels, new Uint8Array(values.buffer), panel.flags);
  dataHashes.set(panel, hash);
  return hash;
}

/** Panels are immutable, so a panel's hash is kept once computed. */
const dataHashes = new WeakMap<Panel, string>();

/**
 * The provenance of a result computed from `framework` and `panel` (and any
 * build `options`, such as unit groupings) by this version of the library.
 *
 * @example
 * provenance(fw, panel).libraryVersion; // '0.1.0'
 */
export function provenance(framework: Framework, panel: Panel, options: object = {}): Provenance {
  const f = frameworkHash(framework);
  const d = dataHash(panel);
  const o = sha256(canonicalJson(options));
  return {
    hash: sha256(`${f}\n${d}\n${o}\n${LIBRARY_NAME}@${LIBRARY_VERSION}`),
    frameworkHash: f,
    dataHash: d,
    optionsHash: o,
    library: LIBRARY_NAME,
    libraryVersion: LIBRARY_VERSION,
  };
}
