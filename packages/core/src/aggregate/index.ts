export { weightedArithmeticMean } from './weightedArithmeticMean.ts';
export { weightedGeometricMean } from './weightedGeometricMean.ts';
export { weightedHarmonicMean } from './weightedHarmonicMean.ts';
export { weightedGeneralisedMean } from './weightedGeneralisedMean.ts';
export { aggregate } from './aggregate.ts';
export * from './copelandScores.ts';
