export * from './panel/index.ts';
export * from './framework/index.ts';
export * from './data/index.ts';
