export * from './sobolSequence.ts';
export * from './sobolIndices.ts';
export * from './quantile.ts';
