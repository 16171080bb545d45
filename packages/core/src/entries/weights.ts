// @pingan/core/weights: equal, AHP, entropy, CRITIC, CV, PCA, effective and optimised weights.
export * from '../weights/index.ts';
