// @pingan/core/verbs: panels, data, the pipeline's verbs and buildIndex (no decimal.js, no analyses).
export * from '../errors/index.ts';
export * from '../panel/index.ts';
export * from '../framework/index.ts';
export * from '../data/index.ts';
export * from '../denominate/index.ts';
export * from '../window/index.ts';
export * from '../transform/index.ts';
export * from '../impute/index.ts';
export * from '../screen/index.ts';
export * from '../treat/index.ts';
export * from '../normalise/index.ts';
export * from '../aggregate/index.ts';
export * from '../provenance/index.ts';
export * from '../pipeline/index.ts';
