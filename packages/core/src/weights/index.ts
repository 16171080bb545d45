export * from './equal.ts';
export * from './ahp.ts';
export type { DataMatrix, MissingHandling } from './dataMatrix.ts';
export * from './entropy.ts';
export * from './critic.ts';
export * from './coefficientOfVariation.ts';
export * from './effective.ts';
export * from './nelderMead.ts';
export * from './optimise.ts';
