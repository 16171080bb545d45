export * from './carryForward.ts';
export * from './interpolateGaps.ts';
export * from './groupMean.ts';
export * from './impute.ts';
