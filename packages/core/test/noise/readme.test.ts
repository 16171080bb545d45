/** The README's noise example (packages/core/README.md, "Noise: …"), run as written on the SYNTHETIC sample. */
import { describe, expect, it } from 'vitest';
import { buildIndex, monthUncertainty } from '../../src/index.ts';
import { regions, samplePanel, xiangtanFramework } from './sampleData.ts';

describe('the README example', () => {
  it('gives the city index, its change and verdict, rank intervals, neighbours and warnings as shown', () => {
    const framework = xiangtanFramework();
    const raw = samplePanel(framework);
    const districts = regions().filter((r) => r.level !== 'city').map((r) => r.code);
    const u = monthUncertainty(buildIndex(framework, raw), '2025-10', { rankUnits: districts });
    expect(u.regions[0].nodes[0]).toMatchObject({
      code: 'index',
      interval: { value: '85.93', lower: '84.44', upper: '87.24' },
      mom: { change: '-0.11', lower: '-0.61', upper: '0.39', verdict: 'unchanged', verdictName: { zh: '基本持平', en: 'broadly unchanged' } },
    });
    expect(u.ranking.units.map((r) => r.unit).sort()).toEqual([...districts].sort());
    for (const r of u.ranking.units) expect(r.lower <= r.rank && r.rank <= r.upper).toBe(true);
    expect(u.ranking.neighbours).toHaveLength(districts.length - 1);
    expect(u.warnings).toEqual([]);
    // Plain JSON, deterministic: the same call gives the same text.
    expect(JSON.stringify(u)).toBe(JSON.stringify(monthUncertainty(buildIndex(framework, raw), '2025-10', { rankUnits: districts })));
  });
});
