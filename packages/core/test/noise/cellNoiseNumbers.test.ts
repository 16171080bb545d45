/**
 * `cellNoise` on the SYNTHETIC sample history, fixed bit for bit: its
 * running sums now run period by period (as the panel is laid out) rather
 * than unit by unit, and must give the same numbers as before, which the
 * releases' intervals are computed from. The hash (SHA-256 of the variance,
 * mean and dispersion arrays) is that of the code before the change.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { buildIndex, cellNoise } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

it('cellNoise: the variance, mean and dispersion of every raw cell of the SYNTHETIC sample history, bit for bit', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const noise = cellNoise(result.raw, fw);
  const hash = createHash('sha256');
  for (const a of [noise.variance, noise.mean, noise.dispersion]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  expect(hash.digest('hex')).toBe('dc73771d15c74d64e18d275729c937bcf7fdef2454598fbd6a84a3611734a6b4');
});
