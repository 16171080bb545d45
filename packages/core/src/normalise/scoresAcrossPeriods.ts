import type { NormalisationSpec } from '../framework/methods.ts';
import { scoresAcrossPeriodsOf } from '../methods/normalisationMethods.ts';

/**
 * Whether a normalisation scores a value against other periods: an index to
 * a base period, or a method whose reference set is the whole panel
 * (`scope: 'panel'`). Such a column cannot be scored one period at a time,
 * nor split into blocks of periods.
 *
 * @example
 * scoresAcrossPeriods({ method: 'minMax', lower: 0, upper: 100, scope: 'period' }); // false
 * scoresAcrossPeriods({ method: 'minMax', lower: 0, upper: 100, scope: 'panel' }); // true
 * scoresAcrossPeriods({ method: 'indexToBase', base: '2020', scale: 100 }); // true
 */
export function scoresAcrossPeriods(spec: NormalisationSpec): boolean {
  return scoresAcrossPeriodsOf(spec);
}
