export * from './pearson.ts';
export * from './ranks.ts';
export * from './spearman.ts';
export * from './correlation.ts';
export * from './columnValues.ts';
export * from './correlateColumns.ts';
export * from './correlateLevels.ts';
