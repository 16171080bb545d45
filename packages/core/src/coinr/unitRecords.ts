/**
 * A record of unit → value from rows read in order: each row's value is
 * set on its unit, a later row's over an earlier one's, and a row whose
 * value is empty is passed over (as `fromCoinr` reads uName and the group
 * columns). Null-prototype: unit codes come from the data, and "__proto__"
 * must be an ordinary key.
 *
 * @example
 * unitRecord(['A', 'B', 'A'], ['x', '', 'y']); // { A: 'y' } (B's value is empty)
 */
export function unitRecord(units: readonly string[], values: readonly string[]): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (let r = 0; r < units.length; r++) if (values[r]) record[units[r]] = values[r];
  return record;
}

/**
 * COINr's group columns as `fromCoinr` gives them (grouping → unit →
 * group: `unitRecord` of the grouping's column), each grouping's record
 * made when it is first read: a build reads only the grouping its
 * imputation uses. The object has a null prototype, and so its readers are
 * kept in its own properties, not in a hidden class shared by every import
 * (which would keep each import's rows until V8's next full collection).
 *
 * @example
 * const groups = lazyUnitGroups(['region', 'size'], ['A', 'B'], [['N', 'S'], ['L', '']]);
 * groups.region.B; // 'S' (the region record is made now; the size record when read)
 */
export function lazyUnitGroups(groupings: readonly string[], units: readonly string[], columns: readonly (readonly string[])[]): Record<string, Record<string, string>> {
  const groups = Object.create(null) as Record<string, Record<string, string>>;
  for (let g = 0; g < groupings.length; g++) defineLazyRecord(groups, groupings[g], units, columns[g]);
  return groups;
}

/** A property that makes its record on first read and then holds it. */
function defineLazyRecord(groups: Record<string, Record<string, string>>, grouping: string, units: readonly string[], column: readonly string[]): void {
  Object.defineProperty(groups, grouping, {
    configurable: true,
    enumerable: true,
    get() {
      const record = unitRecord(units, column);
      Object.defineProperty(groups, grouping, { value: record, configurable: true, enumerable: true, writable: true });
      return record;
    },
  });
}
