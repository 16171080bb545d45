// @pingan/core/framework: the framework schema, its validation and defaults.
export * from '../errors/index.ts';
export * from '../framework/index.ts';
