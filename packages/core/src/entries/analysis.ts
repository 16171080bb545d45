// @pingan/core/analysis: correlations, uncertainty and sensitivity analyses, results tables.
export * from '../analysis/index.ts';
export * from '../sensitivity/index.ts';
export * from '../uncertainty/index.ts';
export * from '../results/index.ts';
