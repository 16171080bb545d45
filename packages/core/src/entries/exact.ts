// @pingan/core/exact: decimal values for publication and contributions to change (decimal.js).
export * from '../exact/index.ts';
